using System.Globalization;

using Microsoft.Extensions.Logging;
using NearMiss.Core.Intake;
using NearMiss.Core.Notifications;
using NearMiss.Core.Pii;
using NearMiss.Core.Pii.Language;
using NearMiss.Core.Reports;
using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

/// <summary>
/// Handles a <c>pii-scan</c> message once its batch window has passed: stores the sealed submission it carries (or
/// takes a report id queued again by the orphan sweep or a poison replay), unseals the report, runs the PII
/// detector, stores the findings as offsets and labels, opens the review case in stage 1 and queues the reviewers'
/// notification for the next window boundary. Idempotent: a second delivery finds the original and the case and
/// only finishes what the first left undone.
/// </summary>
public sealed partial class CaseOpening(
    CaseStore store,
    Sealer sealer,
    SealedSubmissions submissions,
    PiiSecondOpinion detector,
    ITrendRecorder trends,
    NotificationQueue notifications,
    TimeProvider time,
    ILogger<CaseOpening> logger)
{
    /// <summary>One <c>pii-scan</c> message: a sealed submission, or a report id.</summary>
    public async Task HandleAsync(string queueMessage, CancellationToken cancellationToken)
    {
        if (SealedSubmissions.TryParse(queueMessage) is not { } submission)
        {
            await OpenAsync(queueMessage, cancellationToken);
            return;
        }

        if (!ReportId.IsValid(submission.Id))
        {
            LogMalformed(logger);
            return;
        }

        await submissions.StoreAsync(submission, cancellationToken);
        await OpenAsync(submission.Id, cancellationToken);
    }

    public async Task OpenAsync(string text, CancellationToken cancellationToken)
    {
        if (!ReportId.TryParse(text, out var reportId))
        {
            LogMalformed(logger);
            return;
        }

        var reviewCase = await store.FindAsync(reportId, cancellationToken) ?? await CreateCaseAsync(reportId, cancellationToken);
        if (reviewCase is null || reviewCase.NotificationQueued)
        {
            return;
        }

        var message = new NotificationMessage(NotificationMessage.CaseReady, reportId.Value, reviewCase.Stage, $"{reportId}:scan", NotificationMessage.Causes.NewReport);
        await notifications.SendAsync(message, cancellationToken);
        await store.MarkNotificationQueuedAsync(reviewCase, cancellationToken);
    }

    private async Task<ReviewCase?> CreateCaseAsync(ReportId reportId, CancellationToken cancellationToken)
    {
        var original = await store.FindOriginalAsync(reportId, cancellationToken);
        if (original?.SealedText is null || original.WrappedKey is null)
        {
            LogNoOriginal(logger);
            return null;
        }

        // Counted once even if intake already did; a failure here retries the message before the case exists.
        await trends.ReceivedAsync(original, cancellationToken);
        var text = SealedText.FromJson(sealer.Unseal(reportId.Value, new SealedBox(original.SealedText, original.WrappedKey)));
        var findings = (await ScanAsync("narrative", text.Narrative, cancellationToken))
            .Concat(await ScanAsync("lessonsLearned", text.LessonsLearned, cancellationToken))
            .ToList();
        var reviewCase = new ReviewCase(reportId)
        {
            Findings = Finding.Fit(findings, StorageLimits.MaxStringChars),
            OpenedOn = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        if (await store.TryAddAsync(reviewCase, cancellationToken))
        {
            LogOpened(logger, findings.Count);
            return reviewCase;
        }

        // Another delivery of the same message got there first.
        return await store.FindAsync(reportId, cancellationToken);
    }

    private async Task<IEnumerable<Finding>> ScanAsync(string field, string text, CancellationToken cancellationToken) =>
        (await detector.DetectAsync(text, cancellationToken)).Select(s => new Finding(field, s.Start, s.End, s.Label.ToContractName()));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a pii-scan message that is not a report id")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pii-scan message named a report whose sealed original is gone")]
    private static partial void LogNoOriginal(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review case opened in stage 1 with {FindingCount} automated findings")]
    private static partial void LogOpened(ILogger logger, int findingCount);
}
