using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

/// <summary>
/// Erases what is left of a report once it is published or closed and the retention window has passed, so that
/// nothing joins the published report to its submission: the original (sealed text, wrapped key, answers, agency
/// code, day of receipt), the case (working copy, conversation, dates, published id), the audit trail and the trend
/// markers that name the report are deleted. What stays is the published report and the counts.
/// </summary>
public sealed partial class RetentionPurge(NearMissStore store, CaseStore cases, TimeProvider time, ITrendRecorder trends, Publications publications, IOptions<ReviewOptions> options, ILogger<RetentionPurge> logger)
{
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        // A publication left pending by a failure is finished before anything of its case is erased.
        await publications.CompletePendingAsync(cancellationToken);

        var cutoff = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-options.Value.RetentionDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var erased = 0;
        await foreach (var reviewCase in cases.ClosedOnOrBeforeAsync(cutoff, cancellationToken))
        {
            if (string.IsNullOrEmpty(reviewCase.ClosedOn) || reviewCase.PendingPublication is not null)
            {
                continue;
            }

            var reportId = reviewCase.Id;
            await trends.ForgetAsync(await cases.FindOriginalAsync(reportId, cancellationToken), reviewCase, cancellationToken);
            await foreach (var entry in store.Audit.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {reportId.Value}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await DeleteAsync(store.Audit, entry.PartitionKey, entry.RowKey, cancellationToken);
            }

            // The original first: a case without it is still found by this query if the run stops here.
            await cases.EraseAsync(reportId, cancellationToken);
            erased++;
        }

        LogPurged(logger, erased);
        return erased;
    }

    private static async Task DeleteAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge erased {Count} closed report(s)")]
    private static partial void LogPurged(ILogger logger, int count);
}
