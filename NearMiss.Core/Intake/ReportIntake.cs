using System.Globalization;
using System.Text.Json;

using Azure;

using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Intake;

public sealed record Accepted(string Receipt, string Status = "received");

/// <summary>
/// Takes a report in: validates it, seals its free text, writes it to <c>submissions</c> and queues its
/// id on <c>pii-scan</c>. Nothing about the sender reaches this class, and it logs nothing about the report.
/// </summary>
public sealed class ReportIntake(NearMissStore store, Sealer sealer, Receipts receipts, TimeProvider time)
{
    public FormDefinition Form => FormVersion1.Definition;

    /// <summary>The accepted report's receipt, or the field errors when the report is not valid.</summary>
    public async Task<(Accepted? Accepted, FieldErrors Errors)> SubmitAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (submission, errors) = SubmissionParser.Parse(body, Form, now);
        if (submission is null)
        {
            return (null, errors);
        }

        var receipt = Receipts.NewReceipt();
        var reportId = receipts.ReportId(Receipts.Normalize(receipt)!);
        var box = sealer.Seal(reportId, new SealedText(submission.Narrative, submission.LessonsLearned).ToJson());
        var entity = new SubmissionEntity
        {
            PartitionKey = reportId,
            FormVersion = submission.FormVersion,
            Answers = JsonSerializer.Serialize(submission.Answers),
            AgencyCode = submission.AgencyCode,
            ReceivedOn = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SealedText = box.Ciphertext,
            WrappedKey = box.WrappedKey,
        };

        await store.Submissions.AddEntityAsync(entity, cancellationToken);
        try
        {
            await store.PiiScan.SendMessageAsync(reportId, cancellationToken);
        }
        catch
        {
            // Nothing half-stored: without its queue message the report would never be scanned.
            await store.Submissions.DeleteEntityAsync(reportId, SubmissionEntity.Row, ETag.All, CancellationToken.None);
            throw;
        }

        return (new Accepted(receipt), errors);
    }
}
