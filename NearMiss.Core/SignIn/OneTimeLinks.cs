using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Azure;
using Azure.Data.Tables;

using Microsoft.Extensions.Logging;

using NearMiss.Core.Email;
using NearMiss.Core.Storage;

namespace NearMiss.Core.SignIn;

/// <summary>
/// Sign-in by one-time e-mail link, for every console; the policies (<see cref="ISignInPolicy"/>) say who may sign in
/// where. A request only queues the address (queue <c>signin-links</c>): the same work, and so the same time, whether
/// the address has an account or not. The queue function asks the policy, stores the SHA-256 of a fresh 256-bit token
/// (15 minutes) and e-mails the link. Exchanging a token marks its row used under the row's ETag (then deletes it), so a
/// replay finds nothing or a used row, and of two concurrent exchanges only one update succeeds.
/// </summary>
public sealed partial class OneTimeLinks(
    NearMissStore store,
    IEnumerable<ISignInPolicy> policies,
    IEmailSender email,
    PublicLinks links,
    TimeProvider time,
    ILogger<OneTimeLinks> logger)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    private const int TokenBytes = 32;

    /// <summary>Queues a sign-in request for <paramref name="address"/> to the console of <paramref name="audience"/>. Reads and writes nothing else.</summary>
    public Task RequestAsync(string audience, string address, CancellationToken cancellationToken) =>
        store.SignInLinks.SendMessageAsync(JsonSerializer.Serialize(new SignInRequest(audience, address)), cancellationToken);

    /// <summary>
    /// The queue function: e-mails a link when the policy admits the address, otherwise does nothing. A failed delivery
    /// is thrown, so the queue tries again (a retry sends a new link; the first one stays valid until it expires).
    /// </summary>
    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var request = SignInRequest.Parse(message);
        var policy = request is null ? null : policies.FirstOrDefault(p => p.Audience == request.Audience);
        if (request is null || policy is null)
        {
            LogMalformed(logger);
            return;
        }

        if (await policy.AdmitAsync(request.Email, cancellationToken) is not { } account)
        {
            LogNotAdmitted(logger, policy.Audience);
            return;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        await Links(policy.LinkTable).AddEntityAsync(
            new SignInLinkEntity { PartitionKey = Hash(token), AccountId = account.Id, ExpiresOn = time.GetUtcNow() + LinkLifetime },
            cancellationToken);

        await email.SendAsync(
            new EmailMessage(
                [account.Email],
                $"Your NearMiss {policy.Audience} sign-in link",
                $"""
                Open this link within 15 minutes to sign in to the NearMiss {policy.Place}:

                {links.SignIn(policy.Audience, token)}

                The link works once. If you did not ask to sign in, ignore this e-mail.
                """),
            cancellationToken);
        LogSent(logger, policy.Audience);
    }

    /// <summary>What the caller is told when a token is not, or no longer, good.</summary>
    public const string LinkRefused = "The sign-in link is used, expired or not valid; ask for a new one.";

    /// <summary>Consumes a one-time token of <paramref name="policy"/>'s console: its session when the token is known, unexpired and unused; otherwise unauthorized.</summary>
    public async Task<Result<TSession>> ExchangeAsync<TSession>(ISignInPolicy<TSession> policy, string token, CancellationToken cancellationToken)
        where TSession : class =>
        await ConsumeAsync(policy.LinkTable, token, cancellationToken) is { } accountId && await policy.OpenAsync(accountId, cancellationToken) is { } session
            ? Result.Ok(session)
            : Failure.Unauthorized(LinkRefused);

    private async Task<string?> ConsumeAsync(string linkTable, string token, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var table = Links(linkTable);
        var found = await table.GetEntityIfExistsAsync<SignInLinkEntity>(Hash(token), SignInLinkEntity.Row, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value!.Used)
        {
            return null;
        }

        var link = found.Value;
        Response consumed;
        try
        {
            // Consumed under the ETag read above: of two exchanges of the same token, one update wins.
            link.Used = true;
            consumed = await table.UpdateEntityAsync(link, link.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            LogRaceLost(logger);
            return null;
        }

        try
        {
            await table.DeleteEntityAsync(link.PartitionKey, link.RowKey, consumed.Headers.ETag ?? ETag.All, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Tidying only: a row marked used can never be exchanged again.
        }

        if (link.ExpiresOn <= time.GetUtcNow())
        {
            LogExpired(logger);
            return null;
        }

        return link.AccountId;
    }

    private TableClient Links(string table) => store.TableService.GetTableClient(table);

    /// <summary>Whether the token is base64url of 32 bytes. (<c>TryDecodeFromChars</c> throws on characters outside base64url.)</summary>
    private static bool IsWellFormed(string token) =>
        token.Length == Base64Url.GetEncodedLength(TokenBytes) && Base64Url.IsValid(token, out var length) && length == TokenBytes;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in request message could not be read; dropped")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in requested for an address that may not sign in to the {Audience} console")]
    private static partial void LogNotAdmitted(ILogger logger, string audience);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in link e-mailed ({Audience})")]
    private static partial void LogSent(ILogger logger, string audience);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in link was used twice at once; the second use was refused")]
    private static partial void LogRaceLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "An expired sign-in link was refused")]
    private static partial void LogExpired(ILogger logger);
}

/// <summary>The message of queue <c>signin-links</c>: the console and the address as typed (checked to be an address).</summary>
public sealed record SignInRequest(string Audience, string Email)
{
    public static SignInRequest? Parse(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<SignInRequest>(message) is { Audience.Length: > 0, Email.Length: > 0 } request ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
