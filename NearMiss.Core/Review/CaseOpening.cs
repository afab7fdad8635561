using System.Globalization;

using Azure;
using Azure.Data.Tables;

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
    NearMissStore store,
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

    public async Task OpenAsync(string reportId, CancellationToken cancellationToken)
    {
        if (!ReportId.IsValid(reportId))
        {
            LogMalformed(logger);
            return;
        }

        var existing = await store.Submissions.GetEntityIfExistsAsync<CaseEntity>(reportId, CaseEntity.Row, cancellationToken: cancellationToken);
        var reviewCase = existing.HasValue ? existing.Value! : await CreateCaseAsync(reportId, cancellationToken);
        if (reviewCase is null || reviewCase.NotificationQueued)
        {
            return;
        }

        var message = new NotificationMessage(NotificationMessage.CaseReady, reportId, reviewCase.CurrentStage, $"{reportId}:scan", NotificationMessage.Causes.NewReport);
        await notifications.SendAsync(message, cancellationToken);
        reviewCase.NotificationQueued = true;
        await store.Submissions.UpdateEntityAsync(reviewCase, reviewCase.ETag, TableUpdateMode.Merge, cancellationToken);
    }

    private async Task<CaseEntity?> CreateCaseAsync(string reportId, CancellationToken cancellationToken)
    {
        var original = await store.Submissions.GetEntityIfExistsAsync<SubmissionEntity>(reportId, SubmissionEntity.Row, cancellationToken: cancellationToken);
        if (!original.HasValue || original.Value!.SealedText is null || original.Value.WrappedKey is null)
        {
            LogNoOriginal(logger);
            return null;
        }

        // Counted once even if intake already did; a failure here retries the message before the case exists.
        await trends.ReceivedAsync(original.Value, cancellationToken);
        var text = SealedText.FromJson(sealer.Unseal(reportId, new SealedBox(original.Value.SealedText, original.Value.WrappedKey)));
        var findings = (await ScanAsync("narrative", text.Narrative, cancellationToken))
            .Concat(await ScanAsync("lessonsLearned", text.LessonsLearned, cancellationToken))
            .ToList();
        var reviewCase = new CaseEntity
        {
            PartitionKey = reportId,
            Findings = Finding.Serialize(findings, StorageLimits.MaxStringChars),
            OpenedOn = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        try
        {
            var response = await store.Submissions.AddEntityAsync(reviewCase, cancellationToken);
            reviewCase.ETag = response.Headers.ETag ?? ETag.All;
            LogOpened(logger, findings.Count);
            return reviewCase;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another delivery of the same message got there first.
            return (await store.Submissions.GetEntityAsync<CaseEntity>(reportId, CaseEntity.Row, cancellationToken: cancellationToken)).Value;
        }
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
