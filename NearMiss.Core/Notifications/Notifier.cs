using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NearMiss.Core.Accounts;
using NearMiss.Core.Email;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Notifications;

/// <summary>
/// Handles the <c>notifications</c> queue: e-mails the reviewers of a stage (or the staff) a link to the case,
/// never anything of the report. Each event is claimed in <c>notificationlog</c> (under a hash of its id, never a
/// report id) before sending and marked sent after, so a repeated message sends nothing; a failed send leaves the
/// claim open and throws, so the host's retry sends it (after 5 failures the message moves to
/// <c>notifications-poison</c>). <see cref="ForgetSentAsync"/> deletes the rows once no delivery can repeat.
/// </summary>
public sealed partial class Notifier(
    NearMissStore store,
    ReviewerDirectory directory,
    IOptions<StaffOptions> staff,
    IEmailSender email,
    PublicLinks links,
    TimeProvider time,
    ILogger<Notifier> logger)
{
    /// <summary>A claim younger than this belongs to a handler still at work; an older one was abandoned.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The subject of the e-mail about a new report (the scan opened its case).</summary>
    public const string NewReportSubject = "A new near-miss report is waiting for stage 1 review";

    /// <summary>Sent events older than this are forgotten: no delivery of their message can come any more.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>Handles one queue message (JSON). A malformed message is logged, without its content, and dropped.</summary>
    public async Task HandleAsync(string queueMessage, CancellationToken cancellationToken)
    {
        if (NotificationMessage.Parse(queueMessage) is not { } message)
        {
            LogMalformed(logger);
            return;
        }

        await NotifyAsync(message, cancellationToken);
    }

    public async Task NotifyAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var claim = await ClaimAsync(message.EventId, cancellationToken);
        if (claim is null)
        {
            LogAlreadySent(logger, message.Kind);
            return;
        }

        var recipients = message.Kind == NotificationMessage.UrgentHazard
            ? staff.Value.Addresses
            : (await directory.ListByStageAsync(message.Stage, cancellationToken)).Where(r => !r.Demo && !message.Skips(r.Id.Value)).Select(r => r.Email).ToList();
        if (recipients.Count == 0)
        {
            LogNoRecipients(logger, message.Kind, message.Stage.Number);
        }
        else
        {
            await email.SendAsync(Compose(message, recipients), cancellationToken);
        }

        claim.Status = NotificationLogEntity.Sent;
        claim.RecipientCount = recipients.Count;
        await store.NotificationLog.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, cancellationToken);
        LogSent(logger, message.Kind, message.Stage.Number, recipients.Count);
    }

    /// <summary>The e-mail for <paramref name="message"/>: what happened, in a sentence, and the link to the case, nothing else.</summary>
    public EmailMessage Compose(NotificationMessage message, IReadOnlyList<string> recipients)
    {
        var link = links.Case(message.ReportId);
        var (subject, sentence) = message.Kind switch
        {
            NotificationMessage.CaseReady => CaseReady(message.Cause, message.Stage),
            NotificationMessage.Reminder => (
                $"Reminder: a near-miss report has been waiting more than 5 business days for stage {message.Stage} review",
                $"A near-miss report has been waiting more than 5 business days for stage {message.Stage} review."),
            NotificationMessage.UrgentHazard => (
                "Urgent hazard flagged in a near-miss report",
                "A reviewer flagged an urgent hazard in a near-miss report."),
            _ => throw new ArgumentException($"Unknown notification kind '{message.Kind}'.", nameof(message)),
        };
        var text = $"""
            {sentence}

            Open it in the review console (sign-in required):
            {link}
            """;
        return new EmailMessage(recipients, subject, text);
    }

    private static (string Subject, string Sentence) CaseReady(string? cause, Stage stage) => cause switch
    {
        NotificationMessage.Causes.NewReport => (
            NewReportSubject,
            "A new near-miss report passed the automated check and is waiting for stage 1 review."),
        NotificationMessage.Causes.ReporterAnswered => (
            $"The reporter answered: a near-miss report is back in stage {stage} review",
            $"The reporter answered a reviewer's question. The report is back in stage {stage} review, with the answer on the case."),
        NotificationMessage.Causes.Passed => (
            "A near-miss report passed stage 1 and is waiting for stage 2 review",
            "A near-miss report passed stage 1 and is waiting for stage 2 review. Reviewers who did its stage 1 are not told: a different reviewer must do stage 2."),
        NotificationMessage.Causes.SentBack => (
            "A near-miss report was sent back to stage 1",
            "Stage 2 sent a near-miss report back to stage 1; the note from stage 2 is on the case."),
        _ => (
            $"A near-miss report is waiting for stage {stage} review",
            $"A near-miss report is waiting for stage {stage} review."),
    };

    /// <summary>The claimed log row, or null when the event was already sent.</summary>
    private async Task<NotificationLogEntity?> ClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = NotificationQueue.LogKey(eventId);
        var claim = new NotificationLogEntity { PartitionKey = key, ClaimedOn = now };
        try
        {
            var added = await store.NotificationLog.AddEntityAsync(claim, cancellationToken);
            claim.ETag = added.Headers.ETag ?? ETag.All;
            return claim;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = (await store.NotificationLog.GetEntityAsync<NotificationLogEntity>(key, NotificationLogEntity.Row, cancellationToken: cancellationToken)).Value;
        if (existing.Status == NotificationLogEntity.Sent)
        {
            return null;
        }

        if (now - existing.ClaimedOn < ClaimTimeout)
        {
            // Another delivery of the same event is sending right now: try again once it has finished.
            throw new NotificationInProgressException();
        }

        // An earlier attempt failed or died: take it over (the ETag makes one taker win).
        existing.ClaimedOn = now;
        try
        {
            var updated = await store.NotificationLog.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            existing.ETag = updated.Headers.ETag ?? ETag.All;
            return existing;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw new NotificationInProgressException();
        }
    }

    /// <summary>Deletes the bookkeeping of events sent more than <see cref="ForgetAfter"/> ago; returns how many.</summary>
    public async Task<int> ForgetSentAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - ForgetAfter;
        var filter = TableClient.CreateQueryFilter($"Status eq {NotificationLogEntity.Sent} and Timestamp lt {before}");
        var forgotten = 0;
        await foreach (var row in store.NotificationLog.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await store.NotificationLog.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                forgotten++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        }

        return forgotten;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a notifications message that is not a notification")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Kind} was already sent; nothing to do")]
    private static partial void LogAlreadySent(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Kind} for stage {Stage} has no recipients")]
    private static partial void LogNoRecipients(ILogger logger, string kind, int stage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Kind} for stage {Stage} e-mailed to {RecipientCount} recipient(s)")]
    private static partial void LogSent(ILogger logger, string kind, int stage, int recipientCount);
}

/// <summary>The same notification event is being sent by another delivery; the message is retried later.</summary>
public sealed class NotificationInProgressException() : Exception("This notification is being sent by another delivery; retry later.");
