using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NearMiss.Core.Accounts;
using NearMiss.Core.Email;
using NearMiss.Core.Reports;
using NearMiss.Core.SignIn;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Library;

/// <summary>
/// The library's sign-in: an address on an allowed domain, or approved by staff. Any other address gets no link; the
/// first time it asks, its account is created and staff are e-mailed that it waits for approval (the address is in that
/// e-mail, never in a log). All of this happens in the queue function, never in the request.
/// </summary>
public sealed partial class ReaderSignIn(
    ReaderDirectory directory,
    ReaderSessions sessions,
    IEmailSender email,
    IOptions<StaffOptions> staff,
    ILogger<ReaderSignIn> logger) : ISignInPolicy<string>
{
    public string Audience => "library";

    public string Place => "library";

    public string LinkTable => StorageNames.Tables.ReaderSignIns;

    public async Task<SignInAccount?> AdmitAsync(string address, CancellationToken cancellationToken)
    {
        var staffAddresses = staff.Value.Addresses;
        if (await directory.EnsureAsync(address, cancellationToken, canTellStaff: staffAddresses.Count > 0) is not { } found)
        {
            return null;
        }

        var (account, allowed, tellStaff) = found;
        if (allowed)
        {
            return new(account.Id, account.Email);
        }

        LogAwaitingApproval(logger);
        if (tellStaff && staffAddresses.Count > 0)
        {
            await email.SendAsync(
                new EmailMessage(
                    staffAddresses,
                    "NearMiss library: a reader asks for approval",
                    $"""
                    Someone asked to sign in to the NearMiss library with an address outside the allowed domains.
                    The address they gave, as typed by them (check it before trusting it):

                    {account.Email}

                    If this is verified law-enforcement personnel, approve request {account.RequestId}:

                        nearmiss readers approve {account.RequestId}

                    `nearmiss readers requests` lists every request waiting for a decision.
                    """),
                cancellationToken);
        }

        return null;
    }

    /// <summary>An access token for the account, while it may still read.</summary>
    public async Task<string?> OpenAsync(string accountId, CancellationToken cancellationToken)
    {
        var account = await directory.FindByIdAsync(accountId, cancellationToken);
        if (account is null || !await directory.MayReadAsync(account, cancellationToken))
        {
            return null;
        }

        LogSignedIn(logger, account.Id);
        return sessions.IssueAccessToken(new Reader(ReaderId.Parse(account.Id)) { Version = account.Version });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Library sign-in requested for an address awaiting approval; no link sent")]
    private static partial void LogAwaitingApproval(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader {ReaderId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string readerId);
}
