using Microsoft.Extensions.Options;
using NearMiss.Core.Intake;
using NearMiss.Core.Reports;
using NearMiss.Core.Security;

namespace NearMiss.Core.Review;

public sealed record ReceiptStatus(string Status, Stage? Stage, int TypicalReviewDays, IReadOnlyList<CaseMessage> Messages);

/// <summary>
/// What the holder of a receipt may learn: the report's status, its stage and the conversation with reviewers. A
/// report waiting in its batch window is stored nowhere yet: its receipt is known by its check characters, which fit
/// the receipt period (the window, at least five minutes) it was issued in: that period or one of the two before it,
/// while the scan may still be pending.
/// </summary>
public sealed class ReceiptLookup(ReviewCases cases, Receipts receipts, BatchWindow window, IOptions<ReviewOptions> options)
{
    /// <summary>The report id the receipt leads to, or null when it cannot be a receipt.</summary>
    public ReportId? ReportIdOf(string? receipt) =>
        Receipts.Normalize(receipt) is { } normalized && ReportId.TryParse(receipts.ReportId(normalized), out var id) ? id : null;

    private bool IssuedRecently(string normalizedReceipt) =>
        window.RecentReceiptPeriods().Any(start => receipts.IssuedIn(normalizedReceipt, start));

    /// <summary>What a receipt holder is told when the receipt leads to no report.</summary>
    public const string NoReport = "No report has this receipt.";

    /// <summary>The report's status, or not found when the receipt leads to no report.</summary>
    public async Task<Result<ReceiptStatus>> FindAsync(string? receipt, CancellationToken cancellationToken)
    {
        if (ReportIdOf(receipt) is not { } reportId)
        {
            return Failure.NotFound(NoReport);
        }

        var (original, loaded) = await cases.LoadPartsAsync(reportId, cancellationToken);
        if (original is null)
        {
            return IssuedRecently(Receipts.Normalize(receipt)!)
                ? Result.Ok(new ReceiptStatus(ReportStatus.Received, null, options.Value.TypicalReviewDays, []))
                : Failure.NotFound(NoReport);
        }

        if (loaded is null)
        {
            return Result.Ok(new ReceiptStatus(ReportStatus.Received, null, options.Value.TypicalReviewDays, []));
        }

        var messages = cases.Messages(loaded).Where(m => m.From != CaseMessage.Note).ToList();
        return Result.Ok(new ReceiptStatus(loaded.Case.Status, loaded.Case.IsClosed ? null : loaded.Case.Stage, options.Value.TypicalReviewDays, messages));
    }
}
