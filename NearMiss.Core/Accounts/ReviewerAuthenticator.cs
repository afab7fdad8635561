using Microsoft.Extensions.Options;

namespace NearMiss.Core.Accounts;

/// <summary>
/// Reviewer and staff requests: the token (<see cref="ReviewerSessions"/>) and then the account behind it, on every
/// request. A removed account, or one whose stages changed since the token was issued (its version moved on), is
/// signed out at once; the staff flag holds only while the address is still on the staff list.
/// </summary>
public sealed class ReviewerAuthenticator(ReviewerSessions sessions, ReviewerDirectory directory, IOptionsMonitor<StaffOptions> staff) : IReviewerAuthenticator
{
    public async Task<Reviewer?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (sessions.Authenticate(authorizationHeader) is not { } claimed
            || await directory.FindByEmailAsync(claimed.Email, cancellationToken) is not { } account
            || account.Id != claimed.Id
            || account.Version != claimed.Version)
        {
            return null;
        }

        var stillStaff = claimed.Staff && staff.CurrentValue.Has(account.Email);
        return account with { Staff = stillStaff };
    }
}
