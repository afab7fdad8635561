using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.Extensions.Logging;
using NearMiss.Core.Intake;
using NearMiss.Core.Notifications;
using NearMiss.Core.Reports;
using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

/// <summary>What the reporter is told after answering: the answer reaches the reviewers within this many hours.</summary>
public sealed record ReplyAccepted(int WithinHours);

/// <summary>A reporter's answer on its way through <c>reporter-replies</c>: the report id and the answer sealed under the report's key.</summary>
public sealed record SealedReply(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("reply")] string ReplyId,
    [property: JsonPropertyName("sealed")] byte[] Sealed);

/// <summary>
/// The reporter answers a reviewer's question from the status page. Like a submission, the answer is hidden in a
/// batch window (decision 011): the request only checks that a question is waiting, seals the answer under the
/// report's key and queues it, visible after the window ends plus a random delay; nothing of the case changes, and
/// no e-mail goes, until <see cref="ApplyAsync"/> stores it. The case row's time therefore dates the answer to the
/// window after its own, no closer.
/// </summary>
public sealed partial class ReporterReplies(
    ReviewCases cases,
    ReceiptLookup lookup,
    AuditTrail audit,
    NearMissStore store,
    Sealer sealer,
    BatchWindow window,
    ILogger<ReporterReplies> logger)
{
    public const int MaxLength = 3000;

    /// <summary>The longest receipt text accepted.</summary>
    public const int MaxReceiptLength = 64;

    /// <summary>Queues the reporter's <paramref name="message"/> (checked where it came in) for the case its <paramref name="receipt"/> leads to.</summary>
    public async Task<Result<ReplyAccepted>> ReplyAsync(string receipt, string message, CancellationToken cancellationToken)
    {
        var loaded = lookup.ReportIdOf(receipt) is { } id ? await cases.LoadAsync(id, cancellationToken) : null;
        if (loaded is null || loaded.Original.WrappedKey is null)
        {
            return Failure.NotFound(ReviewCases.NoCase);
        }

        if (loaded.Case.Status != ReportStatus.AwaitingReporter)
        {
            return Failure.Conflict("No question is waiting for an answer.");
        }

        var reportId = loaded.Case.Id.Value;
        var reply = new SealedReply(
            reportId,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            sealer.SealMore(reportId, loaded.Original.WrappedKey, message));
        var delay = window.SubmissionDelay();
        await store.ReporterReplies.SendMessageAsync(JsonSerializer.Serialize(reply), visibilityTimeout: delay, cancellationToken: cancellationToken);
        return Result.Ok(new ReplyAccepted((int)Math.Ceiling(delay.TotalHours)));
    }

    /// <summary>
    /// Handles a <c>reporter-replies</c> message: adds the answer to the case and returns it to review, then tells the
    /// reviewers of its stage. Idempotent: a repeated delivery finds its answer already there. A case that was closed
    /// or erased meanwhile drops the answer; a lost race throws, so the queue delivers the message again.
    /// </summary>
    public async Task ApplyAsync(string queueMessage, CancellationToken cancellationToken)
    {
        if (Parse(queueMessage) is not { } reply || !ReportId.TryParse(reply.Id, out var id))
        {
            LogMalformed(logger);
            return;
        }

        var loaded = await cases.LoadAsync(id, cancellationToken);
        if (loaded is null || loaded.Original.WrappedKey is null
            || loaded.Case.Status is not (ReportStatus.AwaitingReporter or ReportStatus.InReview))
        {
            LogDropped(logger);
            return;
        }

        var text = Encoding.UTF8.GetString(sealer.UnsealBytes(reply.Id, new SealedBox(reply.Sealed, loaded.Original.WrappedKey)));
        var alreadyThere = cases.Messages(loaded).Any(m => m.From == CaseMessage.Reporter && m.Text == text);
        if (!alreadyThere)
        {
            cases.AddMessage(loaded, CaseMessage.Reporter, text);
            loaded.Case.Status = ReportStatus.InReview;
            if (!await cases.TrySaveAsync(loaded.Case, cancellationToken))
            {
                throw new InvalidOperationException("The case changed while the reporter's answer was added; the message is retried.");
            }

            await audit.RecordAsync(reply.Id, AuditTrail.Reporter, "reporter-replied", cancellationToken);
        }

        await cases.NotifyAsync(
            NotificationMessage.CaseReady,
            loaded.Case,
            cancellationToken,
            NotificationMessage.Causes.ReporterAnswered,
            $"{reply.Id}:reply:{reply.ReplyId}");
    }

    private static SealedReply? Parse(string message)
    {
        try
        {
            var reply = JsonSerializer.Deserialize<SealedReply>(message);
            return reply is { ReplyId: { Length: > 0 and <= 32 } replyId, Sealed: not null } && replyId.All(char.IsAsciiHexDigitLower)
                ? reply
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a reporter-replies message that is not a sealed answer")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a reporter's answer: its case was closed or erased meanwhile")]
    private static partial void LogDropped(ILogger logger);
}
