using System.Text.Json;
using NearMiss.Core.Email;
using NearMiss.Core.Intake;

namespace NearMiss.Core.Review;

/// <summary>The reporter answers a reviewer's question from the status page; the answer is sealed like the narrative.</summary>
public sealed class ReporterReplies(ReviewCases cases, ReceiptLookup lookup, AuditTrail audit)
{
    public const int MaxLength = 3000;

    public async Task<ReviewResult<DecisionResult>> ReplyAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        string? Text(string field, int max)
        {
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(field, out var e) || e.ValueKind != JsonValueKind.String)
            {
                errors.Add(field, "is required, as text");
                return null;
            }

            var text = e.GetString()!.Trim();
            if (text.Length == 0 || text.Length > max)
            {
                errors.Add(field, $"must be 1 to {max} characters");
            }
            else if (FreeText.HasControlCharacters(text))
            {
                errors.Add(field, FreeText.ControlCharacters);
            }

            return text;
        }

        var receipt = Text("receipt", 64);
        var message = Text("message", MaxLength);
        if (errors.Any)
        {
            return ReviewResult<DecisionResult>.Invalid(errors);
        }

        var loaded = lookup.ReportIdOf(receipt) is { } id ? await cases.LoadAsync(id, cancellationToken) : null;
        if (loaded is null)
        {
            return ReviewResult<DecisionResult>.NotFound();
        }

        if (loaded.Case.Status != ReportStatus.AwaitingReporter)
        {
            return ReviewResult<DecisionResult>.Conflict("No question is waiting for an answer.");
        }

        cases.AddMessage(loaded, CaseMessage.Reporter, message!);
        loaded.Case.Status = ReportStatus.InReview;
        if (!await cases.TrySaveAsync(loaded.Case, cancellationToken))
        {
            return ReviewResult<DecisionResult>.Conflict("The report changed meanwhile; try again.");
        }

        await audit.RecordAsync(loaded.Case.PartitionKey, AuditTrail.Reporter, "reporter-replied", cancellationToken);
        await cases.NotifyAsync(NotificationMessage.CaseReady, loaded.Case, cancellationToken);
        return ReviewResult<DecisionResult>.Ok(new DecisionResult(loaded.Case.Stage, loaded.Case.Status));
    }
}
