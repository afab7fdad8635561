using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

using Azure;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using NearMiss.Core.Accounts;
using NearMiss.Core.Email;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Library;

/// <summary>
/// Reader sign-in by one-time e-mail link. An address on an allowed domain, or approved by staff, gets a link
/// carrying a fresh 256-bit token in the fragment (<c>/library/#token=…</c>); only the token's SHA-256 is stored
/// (table <c>readersignins</c>, 15 minutes). Any other address gets the same answer and no link; the first time
/// it asks, staff are e-mailed that it waits for approval (the address is in that e-mail, never in a log).
/// </summary>
public sealed partial class ReaderSignIn(
    NearMissStore store,
    ReaderDirectory directory,
    ReaderSessions sessions,
    IEmailSender email,
    PublicLinks links,
    IOptions<StaffOptions> staff,
    TimeProvider time,
    ILogger<ReaderSignIn> logger)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    private const int TokenBytes = 32;

    /// <summary>E-mails a sign-in link when <paramref name="emailAddress"/> may read the library.</summary>
    /// <remarks>Never throws for a delivery failure: the caller's answer must not depend on the address.</remarks>
    public async Task RequestAsync(string emailAddress, CancellationToken cancellationToken)
    {
        if (await directory.EnsureAsync(emailAddress, cancellationToken, canTellStaff: staff.Value.Addresses.Count > 0) is not { } found)
        {
            LogInvalid(logger);
            return;
        }

        var (account, allowed, tellStaff) = found;
        if (!allowed)
        {
            LogAwaitingApproval(logger);
            if (tellStaff && staff.Value.Addresses.Count > 0)
            {
                await SendAsync(new EmailMessage(
                    staff.Value.Addresses,
                    "NearMiss library: a reader asks for approval",
                    $"""
                    Someone asked to sign in to the NearMiss library with an address outside the allowed domains.
                    The address they gave, as typed by them (check it before trusting it):

                    {account.Email}

                    If this is verified law-enforcement personnel, approve request {account.RequestId}:

                        nearmiss readers approve {account.RequestId}

                    `nearmiss readers requests` lists every request waiting for a decision.
                    """), cancellationToken);
            }

            return;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        await store.ReaderSignIns.AddEntityAsync(
            new ReaderSignInEntity { PartitionKey = Hash(token), ReaderId = account.Id, ExpiresOn = time.GetUtcNow() + LinkLifetime },
            cancellationToken);

        await SendAsync(new EmailMessage(
            [account.Email],
            "Your NearMiss library sign-in link",
            $"""
            Open this link within 15 minutes to sign in to the NearMiss library:

            {links.LibrarySignIn(token)}

            The link works once. If you did not ask to sign in, ignore this e-mail.
            """), cancellationToken);
    }

    /// <summary>Consumes a one-time token: an access token when it is known, unexpired and unused; otherwise null.</summary>
    public async Task<string?> ExchangeAsync(string token, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var found = await store.ReaderSignIns.GetEntityIfExistsAsync<ReaderSignInEntity>(Hash(token), ReaderSignInEntity.Row, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value!.Used)
        {
            return null;
        }

        var signIn = found.Value;
        Response consumed;
        try
        {
            // Consumed under the ETag read above: of two exchanges of the same token, one update wins.
            signIn.Used = true;
            consumed = await store.ReaderSignIns.UpdateEntityAsync(signIn, signIn.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }

        try
        {
            await store.ReaderSignIns.DeleteEntityAsync(signIn.PartitionKey, signIn.RowKey, consumed.Headers.ETag ?? ETag.All, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Tidying only: a row marked used can never be exchanged again.
        }

        if (signIn.ExpiresOn <= time.GetUtcNow())
        {
            return null;
        }

        var account = await directory.FindByIdAsync(signIn.ReaderId, cancellationToken);
        if (account is null || !await directory.MayReadAsync(account, cancellationToken))
        {
            return null;
        }

        LogSignedIn(logger, account.Id);
        return sessions.IssueAccessToken(new Reader(account.Id) { Version = account.Version });
    }

    private async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await email.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, e.GetType().Name);
        }
    }

    /// <summary>Whether the token is base64url of 32 bytes. (<c>TryDecodeFromChars</c> throws on characters outside base64url.)</summary>
    private static bool IsWellFormed(string token) =>
        token.Length == Base64Url.GetEncodedLength(TokenBytes) && Base64Url.IsValid(token, out var length) && length == TokenBytes;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Library sign-in requested for something that is not an address")]
    private static partial void LogInvalid(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Library sign-in requested for an address awaiting approval; no link sent")]
    private static partial void LogAwaitingApproval(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "A library e-mail could not be sent ({ErrorType})")]
    private static partial void LogSendFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reader {ReaderId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string readerId);
}
