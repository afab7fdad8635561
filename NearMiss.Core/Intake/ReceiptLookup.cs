using Azure.Data.Tables;

using NearMiss.Core.Review;
using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Intake;

public sealed record ReceiptStatus(string Status, IReadOnlyList<string> Messages);

/// <summary>What the holder of a receipt may learn: the report's status and any reviewer questions.</summary>
public sealed class ReceiptLookup(NearMissStore store, Receipts receipts)
{
    /// <summary>Null when the receipt leads to no report.</summary>
    public async Task<ReceiptStatus?> FindAsync(string? receipt, CancellationToken cancellationToken)
    {
        var normalized = Receipts.Normalize(receipt);
        if (normalized is null)
        {
            return null;
        }

        var reportId = receipts.ReportId(normalized);
        string? status = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {reportId}");
        await foreach (var row in store.Submissions.QueryAsync<TableEntity>(filter, select: ["RowKey", "Status"], cancellationToken: cancellationToken))
        {
            status = row.RowKey == CaseEntity.Row
                ? row.GetString("Status") ?? ReportStatus.InReview
                : status ?? ReportStatus.Received;
        }

        return status is null ? null : new ReceiptStatus(status, []);
    }
}
