using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

using Azure;
using Azure.Data.Tables;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using NearMiss.Core.Email;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Accounts;

/// <summary>What a successful sign-in hands the page: the access token and who it belongs to.</summary>
public sealed record ReviewerSession(string AccessToken, Reviewer Reviewer);

/// <summary>
/// Sign-in by one-time e-mail link. A request for a known address stores the SHA-256 of a fresh 256-bit token
/// (table <c>signins</c>, 15 minutes) and e-mails the link; any other address gets the same answer and no
/// e-mail. Exchanging the token marks its row used under the row's ETag (then deletes it), so a replay finds
/// nothing or a used row, and of two concurrent exchanges only one update succeeds.
/// </summary>
public sealed partial class ReviewerSignIn(
    NearMissStore store,
    ReviewerDirectory directory,
    ReviewerSessions sessions,
    IEmailSender email,
    PublicLinks links,
    IOptions<StaffOptions> staff,
    TimeProvider time,
    ILogger<ReviewerSignIn> logger)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    private const int TokenBytes = 32;

    /// <summary>
    /// E-mails a sign-in link when <paramref name="emailAddress"/> belongs to a reviewer (for the staff dashboard,
    /// <paramref name="forStaff"/>: a reviewer account whose address is on the staff list); otherwise does nothing.
    /// </summary>
    /// <remarks>Never throws for a delivery failure: the caller's answer must not depend on whether the address is known.</remarks>
    public async Task RequestAsync(string emailAddress, CancellationToken cancellationToken, bool forStaff = false)
    {
        var reviewer = await directory.FindByEmailAsync(emailAddress, cancellationToken);
        if (reviewer is null || (forStaff && !IsStaff(reviewer.Email)))
        {
            LogUnknown(logger);
            return;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        await store.SignIns.AddEntityAsync(
            new SignInEntity { PartitionKey = Hash(token), ReviewerId = reviewer.Id, ExpiresOn = time.GetUtcNow() + LinkLifetime },
            cancellationToken);

        var link = forStaff ? links.StaffSignIn(token) : links.SignIn(token);
        var place = forStaff ? "staff dashboard" : "review console";
        var message = new EmailMessage(
            [reviewer.Email],
            forStaff ? "Your NearMiss staff sign-in link" : "Your NearMiss review sign-in link",
            $"""
            Open this link within 15 minutes to sign in to the NearMiss {place}:

            {link}

            The link works once. If you did not ask to sign in, ignore this e-mail.
            """);
        try
        {
            await email.SendAsync(message, cancellationToken);
            LogSent(logger);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, e.GetType().Name);
        }
    }

    /// <summary>Consumes a one-time token: the session when it is known, unexpired and unused; otherwise null.</summary>
    public async Task<ReviewerSession?> ExchangeAsync(string token, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var found = await store.SignIns.GetEntityIfExistsAsync<SignInEntity>(Hash(token), SignInEntity.Row, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var signIn = found.Value!;
        if (signIn.Used)
        {
            return null;
        }

        Response consumed;
        try
        {
            // Consumed under the ETag read above: of two exchanges of the same token, one update wins.
            signIn.Used = true;
            consumed = await store.SignIns.UpdateEntityAsync(signIn, signIn.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            LogRaceLost(logger);
            return null;
        }

        try
        {
            await store.SignIns.DeleteEntityAsync(signIn.PartitionKey, signIn.RowKey, consumed.Headers.ETag ?? ETag.All, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Tidying only: a row marked used can never be exchanged again.
        }

        if (signIn.ExpiresOn <= time.GetUtcNow())
        {
            LogExpired(logger);
            return null;
        }

        var reviewer = await directory.FindByIdAsync(signIn.ReviewerId, cancellationToken);
        if (reviewer is null)
        {
            return null;
        }

        LogSignedIn(logger, reviewer.Id);
        reviewer = reviewer with { Staff = IsStaff(reviewer.Email) };
        return new ReviewerSession(sessions.IssueAccessToken(reviewer), reviewer);
    }

    private bool IsStaff(string emailAddress) => staff.Value.Addresses.Contains(emailAddress.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the token is base64url of 32 bytes. (<c>TryDecodeFromChars</c> throws on characters outside base64url.)</summary>
    private static bool IsWellFormed(string token) =>
        token.Length == Base64Url.GetEncodedLength(TokenBytes) && Base64Url.IsValid(token, out var length) && length == TokenBytes;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in requested for an address that is not a reviewer")]
    private static partial void LogUnknown(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in link e-mailed")]
    private static partial void LogSent(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "A sign-in link could not be e-mailed ({ErrorType})")]
    private static partial void LogSendFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in link was used twice at once; the second use was refused")]
    private static partial void LogRaceLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "An expired sign-in link was refused")]
    private static partial void LogExpired(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reviewer {ReviewerId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string reviewerId);
}
