using System.Runtime.CompilerServices;

using Azure;
using Azure.Data.Tables;

using NearMiss.Core.Reports;

namespace NearMiss.Core.Storage;

/// <summary>
/// Reads and writes review cases and originals in <c>submissions</c>, through <see cref="CaseRows"/>. A case is
/// written back only at the version it was read at: a save that finds the row changed meanwhile reports it and writes
/// nothing.
/// </summary>
public sealed class CaseStore(NearMissStore store)
{
    private TableClient Table => store.Submissions;

    /// <summary>The original, and the case once it exists.</summary>
    public async Task<(ReportOriginal? Original, ReviewCase? Case)> LoadAsync(ReportId id, CancellationToken cancellationToken)
    {
        var original = FindOriginalAsync(id, cancellationToken);
        var reviewCase = FindAsync(id, cancellationToken);
        return (await original, await reviewCase);
    }

    public async Task<ReportOriginal?> FindOriginalAsync(ReportId id, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<SubmissionEntity>(id.Value, SubmissionEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? CaseRows.ToOriginal(row.Value!) : null;
    }

    public async Task<ReviewCase?> FindAsync(ReportId id, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<CaseEntity>(id.Value, CaseEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? CaseRows.ToCase(row.Value!) : null;
    }

    /// <summary>Stores a new case; false when the report has one already (another delivery got there first).</summary>
    public async Task<bool> TryAddAsync(ReviewCase reviewCase, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.AddEntityAsync(CaseRows.ToRow(reviewCase), cancellationToken);
            reviewCase.Version = CaseRows.Version(response.Headers.ETag ?? ETag.All);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Writes the case back if nobody changed it since it was read; false on a lost race.</summary>
    public async Task<bool> TryReplaceAsync(ReviewCase reviewCase, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(CaseRows.ToRow(reviewCase), CaseRows.ETagOf(reviewCase), TableUpdateMode.Replace, cancellationToken);
            reviewCase.Version = CaseRows.Version(response.Headers.ETag ?? CaseRows.ETagOf(reviewCase));
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Records that the reviewers' notification of the new case is queued; throws if the case changed meanwhile.</summary>
    public async Task MarkNotificationQueuedAsync(ReviewCase reviewCase, CancellationToken cancellationToken)
    {
        reviewCase.NotificationQueued = true;
        var mark = new TableEntity(reviewCase.Id.Value, CaseEntity.Row) { [nameof(CaseEntity.NotificationQueued)] = true };
        var response = await Table.UpdateEntityAsync(mark, CaseRows.ETagOf(reviewCase), TableUpdateMode.Merge, cancellationToken);
        reviewCase.Version = CaseRows.Version(response.Headers.ETag ?? CaseRows.ETagOf(reviewCase));
    }

    /// <summary>The cases waiting in review in <paramref name="stage"/>.</summary>
    public IAsyncEnumerable<ReviewCase> WaitingAsync(Stage stage, CancellationToken cancellationToken) =>
        Table.QueryAsync<CaseEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {CaseEntity.Row} and Stage eq {stage.Number} and Status eq {ReportStatus.InReview}"),
            cancellationToken: cancellationToken).Select(CaseRows.ToCase);

    /// <summary>The cases in review in either stage, with what a reminder needs: id, stage, days and reviewers.</summary>
    public IAsyncEnumerable<ReviewCase> InReviewForRemindersAsync(CancellationToken cancellationToken) =>
        Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {CaseEntity.Row} and Status eq {ReportStatus.InReview}"),
            select: CaseRows.ReminderColumns, cancellationToken: cancellationToken).Select(CaseRows.ToReminderCase);

    /// <summary>The cases closed as published whose published row may not exist yet.</summary>
    public async IAsyncEnumerable<ReportId> WithPendingPublicationAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CaseEntity.Row} and Status eq {ReportStatus.Published}");
        await foreach (var row in Table.QueryAsync<CaseEntity>(filter, select: ["PartitionKey", nameof(CaseEntity.PendingPublication)], cancellationToken: cancellationToken))
        {
            if (row.PendingPublication is not null && ReportId.TryParse(row.PartitionKey, out var id))
            {
                yield return id;
            }
        }
    }

    /// <summary>The cases closed on or before <paramref name="day"/> (<c>yyyy-MM-dd</c>).</summary>
    public IAsyncEnumerable<ReviewCase> ClosedOnOrBeforeAsync(string day, CancellationToken cancellationToken) =>
        Table.QueryAsync<CaseEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {CaseEntity.Row} and ClosedOn le {day}"),
            cancellationToken: cancellationToken).Select(CaseRows.ToCase);

    /// <summary>Deletes the original and then the case (a case without its original is still found if this stops between).</summary>
    public async Task EraseAsync(ReportId id, CancellationToken cancellationToken)
    {
        await DeleteAsync(id.Value, SubmissionEntity.Row, cancellationToken);
        await DeleteAsync(id.Value, CaseEntity.Row, cancellationToken);
    }

    private async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
