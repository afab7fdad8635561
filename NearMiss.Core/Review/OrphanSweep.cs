using Azure;
using Azure.Data.Tables;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using NearMiss.Core.Intake;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

public sealed record OrphanSweepResult(int Requeued, int StillWithoutCase);

/// <summary>
/// Queues the scan again, once, for every original in <c>submissions</c> that still has no case
/// <see cref="IntakeOptions.OrphanAge"/> after it was written. Intake writes the original and then queues its id;
/// an original stays without a case when the process died between the two (or storage failed and the removal did
/// too), when storage lost the message, or when the scan failed until the message went to <c>pii-scan-poison</c>.
/// The sweep cannot tell these apart and never drops a report on a guess: the scan is idempotent, so a report whose
/// message is merely still waiting is scanned once all the same. It reads the rows written in the look-back window
/// (<c>Timestamp ge</c>, a scan of the table); a case is always written after its original, so an original in the
/// window finds its case in the same result.
/// </summary>
public sealed partial class OrphanSweep(NearMissStore store, TimeProvider time, IOptions<IntakeOptions> options, ILogger<OrphanSweep> logger)
{
    public async Task<OrphanSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var writtenBefore = now - options.Value.OrphanAge;
        var filter = TableClient.CreateQueryFilter($"Timestamp ge {now - options.Value.OrphanLookBack}");
        var originals = new Dictionary<string, (DateTimeOffset Written, bool Requeued)>(StringComparer.Ordinal);
        var cases = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in store.Submissions.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Timestamp", nameof(SubmissionEntity.Requeued)], cancellationToken: cancellationToken))
        {
            if (row.RowKey == CaseEntity.Row)
            {
                cases.Add(row.PartitionKey);
            }
            else if (row.RowKey == SubmissionEntity.Row && row.Timestamp is { } written)
            {
                originals[row.PartitionKey] = (written, row.GetBoolean(nameof(SubmissionEntity.Requeued)) == true);
            }
        }

        var requeued = 0;
        var stillWithoutCase = 0;
        foreach (var (reportId, original) in originals)
        {
            if (cases.Contains(reportId) || original.Written > writtenBefore)
            {
                continue;
            }

            if (original.Requeued)
            {
                stillWithoutCase++;
                continue;
            }

            await store.PiiScan.SendMessageAsync(reportId, cancellationToken);
            try
            {
                var mark = new TableEntity(reportId, SubmissionEntity.Row) { [nameof(SubmissionEntity.Requeued)] = true };
                await store.Submissions.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Removed meanwhile; the queued scan finds nothing and drops the message.
            }

            requeued++;
        }

        if (requeued > 0)
        {
            LogRequeued(logger, requeued);
        }

        if (stillWithoutCase > 0)
        {
            LogStillWithoutCase(logger, stillWithoutCase);
        }

        return new OrphanSweepResult(requeued, stillWithoutCase);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued the scan again for {Count} report(s) that had no case")]
    private static partial void LogRequeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} report(s) still have no case after their scan was queued again; see pii-scan-poison and 'nearmiss poison replay pii-scan'")]
    private static partial void LogStillWithoutCase(ILogger logger, int count);
}
