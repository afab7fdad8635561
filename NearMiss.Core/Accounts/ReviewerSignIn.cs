using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using NearMiss.Core.SignIn;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Accounts;

/// <summary>What a successful sign-in hands the page: the access token and who it belongs to.</summary>
public sealed record ReviewerSession(string AccessToken, Reviewer Reviewer);

/// <summary>
/// The review console's sign-in: any reviewer account may sign in. A link of the staff dashboard
/// (<see cref="StaffSignIn"/>) is exchanged here too; the session is staff's while the address is on the staff list.
/// </summary>
public sealed partial class ReviewerSignIn(ReviewerDirectory directory, ReviewerSessions sessions, IOptions<StaffOptions> staff, ILogger<ReviewerSignIn> logger)
    : ISignInPolicy<ReviewerSession>
{
    public string Audience => "review";

    public string Place => "review console";

    public string LinkTable => StorageNames.Tables.SignIns;

    public async Task<SignInAccount?> AdmitAsync(string address, CancellationToken cancellationToken) =>
        await directory.FindByEmailAsync(address, cancellationToken) is { } reviewer ? new(reviewer.Id.Value, reviewer.Email) : null;

    public async Task<ReviewerSession?> OpenAsync(string accountId, CancellationToken cancellationToken)
    {
        if (await directory.FindByIdAsync(accountId, cancellationToken) is not { } reviewer)
        {
            return null;
        }

        LogSignedIn(logger, reviewer.Id.Value);
        reviewer = reviewer with { Staff = staff.Value.Has(reviewer.Email) };
        return new ReviewerSession(sessions.IssueAccessToken(reviewer), reviewer);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reviewer {ReviewerId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string reviewerId);
}

/// <summary>The staff dashboard's sign-in: a reviewer account whose address is on the staff list (<c>NearMiss:Staff:Emails</c>).</summary>
public sealed class StaffSignIn(ReviewerDirectory directory, IOptions<StaffOptions> staff) : ISignInPolicy
{
    public string Audience => "staff";

    public string Place => "staff dashboard";

    public string LinkTable => StorageNames.Tables.SignIns;

    public async Task<SignInAccount?> AdmitAsync(string address, CancellationToken cancellationToken) =>
        await directory.FindByEmailAsync(address, cancellationToken) is { } reviewer && staff.Value.Has(reviewer.Email) ? new(reviewer.Id.Value, reviewer.Email) : null;
}
