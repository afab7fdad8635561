using System.Globalization;
using System.Text.Json;

using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Intake;

public sealed record Accepted(string Receipt, string Status = "received");

/// <summary>An accepted report before it is queued: its receipt, and the <c>pii-scan</c> message that carries it sealed.</summary>
public sealed record SealedReport(Accepted Accepted, string Message);

/// <summary>
/// Takes a report in: validates it, seals the whole submission and queues it on <c>pii-scan</c>, invisible until
/// the end of its batch window plus a random delay inside the next one (<see cref="BatchWindow"/>). Nothing is
/// written to a table before then: the scan stores the original. Nothing about the sender reaches this class, and
/// it logs nothing about the report.
/// </summary>
public sealed class ReportIntake(NearMissStore store, SealedSubmissions sealedSubmissions, Receipts receipts, BatchWindow window)
{
    public FormDefinition Form => FormVersion1.Definition;

    /// <summary>The accepted report's receipt, or the field errors when the report is not valid.</summary>
    public async Task<Result<Accepted>> SubmitAsync(JsonElement body, CancellationToken cancellationToken) =>
        await Accept(body).ThenAsync(async report =>
        {
            // Queued or not: a failure here throws and the sender gets no receipt; nothing was stored.
            await store.PiiScan.SendMessageAsync(report.Message, visibilityTimeout: window.SubmissionDelay(), cancellationToken: cancellationToken);
            return Result.Ok(report.Accepted);
        });

    /// <summary>Validates and seals a report: its receipt and the queue message that carries it, without queueing it.</summary>
    public Result<SealedReport> Accept(JsonElement body)
    {
        var now = window.Now;
        var (submission, errors) = SubmissionParser.Parse(body, Form, now);
        if (submission is null)
        {
            return Failure.Invalid(errors.ToDictionary());
        }

        var windowStart = window.StartOf(now);
        var receipt = receipts.NewReceipt(window.ReceiptPeriodStart(now));
        var reportId = receipts.ReportId(Receipts.Normalize(receipt)!);
        var message = sealedSubmissions.Seal(reportId, submission, windowStart.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (SealedSubmissions.EncodedSize(message) > SealedSubmissions.MaxEncodedMessageBytes)
        {
            return Failure.Invalid("narrative", "is too long to be kept: shorten the narrative or the lessons learned");
        }

        return Result.Ok(new SealedReport(new Accepted(receipt), message));
    }
}
