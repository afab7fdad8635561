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

        try
        {
            await AddAsync(entity, cancellationToken);
            await store.PiiScan.SendMessageAsync(reportId, cancellationToken);
        }
        catch
        {
            // Nothing half-stored: the sender gets an error and no receipt, so the report goes. When the removal
            // fails as well (storage down, or the process dies first), OrphanSweep later queues the original that
            // has no case: it cannot tell it from a report whose receipt went out and whose message was lost.
            await RemoveAsync(reportId);
            throw;
        }

        return (new Accepted(receipt), errors);
    }

    private async Task AddAsync(SubmissionEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await store.Submissions.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The SDK retried an insert whose answer was lost: the row is this one (a report id is the keyed hash
            // of a fresh 118-bit receipt, so no other report has it).
        }
    }

    private async Task RemoveAsync(string reportId)
    {
        try
        {
            await store.Submissions.DeleteEntityAsync(reportId, SubmissionEntity.Row, ETag.All, CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
        catch (Exception e) when (StorageFailures.IsUnavailable(e))
        {
        }
    }
}
