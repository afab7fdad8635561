using System.Globalization;
using System.Text.Json;

using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Intake;

public sealed record Accepted(string Receipt, string Status = "received");

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
    public async Task<(Accepted? Accepted, FieldErrors Errors)> SubmitAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var (accepted, errors, message) = Accept(body);
        if (accepted is null)
        {
            return (null, errors);
        }

        // Queued or not: a failure here throws and the sender gets no receipt; nothing was stored.
        await store.PiiScan.SendMessageAsync(message, visibilityTimeout: window.SubmissionDelay(), cancellationToken: cancellationToken);
        return (accepted, errors);
    }

    /// <summary>Validates and seals a report: its receipt and the queue message that carries it, without queueing it.</summary>
    public (Accepted? Accepted, FieldErrors Errors, string Message) Accept(JsonElement body)
    {
        var now = window.Now;
        var (submission, errors) = SubmissionParser.Parse(body, Form, now);
        if (submission is null)
        {
            return (null, errors, "");
        }

        var windowStart = window.StartOf(now);
        var receipt = receipts.NewReceipt(window.ReceiptPeriodStart(now));
        var reportId = receipts.ReportId(Receipts.Normalize(receipt)!);
        var message = sealedSubmissions.Seal(reportId, submission, windowStart.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (SealedSubmissions.EncodedSize(message) > SealedSubmissions.MaxEncodedMessageBytes)
        {
            errors.Add("narrative", "is too long to be kept: shorten the narrative or the lessons learned");
            return (null, errors, "");
        }

        return (new Accepted(receipt), errors, message);
    }
}
