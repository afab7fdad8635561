using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NearMiss.Core.Intake;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

/// <summary>
/// Erases what is left of a report once it is published or closed and the retention window has passed:
/// the wrapped data key and every sealed field (original, working copy, messages). Without the key nothing
/// sealed for the report can be read again (crypto-erase); the published report and the answers stay.
/// </summary>
public sealed partial class RetentionPurge(NearMissStore store, TimeProvider time, AuditTrail audit, Publications publications, IOptions<ReviewOptions> options, ILogger<RetentionPurge> logger)
{
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        // A publication left pending by a failure is finished before anything of its case is erased.
        await publications.CompletePendingAsync(cancellationToken);
        var cutoff = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-options.Value.RetentionDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CaseEntity.Row} and ClosedOn le {cutoff}");
        var erased = 0;
        await foreach (var reviewCase in store.Submissions.QueryAsync<CaseEntity>(filter, cancellationToken: cancellationToken))
        {
            if (reviewCase.ErasedOn is not null || string.IsNullOrEmpty(reviewCase.ClosedOn) || reviewCase.PendingPublication is not null)
            {
                continue;
            }

            var original = await store.Submissions.GetEntityIfExistsAsync<SubmissionEntity>(reviewCase.PartitionKey, SubmissionEntity.Row, cancellationToken: cancellationToken);
            if (original.HasValue)
            {
                var entity = original.Value!;
                entity.WrappedKey = null;
                entity.SealedText = null;
                await store.Submissions.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            reviewCase.WorkingText = null;
            reviewCase.Messages = null;
            reviewCase.ErasedOn = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await store.Submissions.UpdateEntityAsync(reviewCase, reviewCase.ETag, TableUpdateMode.Replace, cancellationToken);
            await audit.RecordAsync(reviewCase.PartitionKey, AuditTrail.System, "erased", cancellationToken);
            erased++;
        }

        LogPurged(logger, erased);
        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge erased {Count} closed report(s)")]
    private static partial void LogPurged(ILogger logger, int count);
}
