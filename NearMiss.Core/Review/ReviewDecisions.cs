using System.Text.Json;
using NearMiss.Core.Accounts;
using NearMiss.Core.Intake;
using NearMiss.Core.Notifications;
using NearMiss.Core.Reports;

namespace NearMiss.Core.Review;

public sealed record DecisionResult(int Stage, string Status, string? PublishedId = null);

/// <summary>
/// The reviewers' decisions. Stage 1: pass to stage 2, ask the reporter, or not publishable. Stage 2: publish,
/// back to stage 1, or not publishable. The four-eyes rule is enforced here: whoever acted in one stage of a
/// case can never act in the other. Every decision is recorded in the audit trail (ids, no content).
/// </summary>
public sealed class ReviewDecisions(ReviewCases cases, AuditTrail audit, ITrendRecorder trends, Publications publications)
{
    private const int MaxText = 12_000;

    public async Task<ReviewResult<DecisionResult>> Stage1Async(Reviewer reviewer, string id, JsonElement body, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var decision = ReadChoice(body, "decision", ["pass", "ask", "reject"], errors);
        var text = ReadText(body, errors);
        var answers = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("answers", out var a) ? AnswerCoarsening.Read(a, FormVersion1.Definition, errors) : null;
        var question = decision == "ask" ? ReadString(body, "question", 1, 2000, errors) : null;
        if (errors.Any)
        {
            return ReviewResult<DecisionResult>.Invalid(errors);
        }

        return await DecideAsync(reviewer, id, stage: 1, cancellationToken, async loaded =>
        {
            var reviewCase = loaded.Case;
            cases.SetText(loaded, text!);
            if (answers is not null)
            {
                reviewCase.PublishAnswers = JsonSerializer.Serialize(answers);
            }

            switch (decision)
            {
                case "pass":
                    reviewCase.Stage = 2;
                    reviewCase.StageEnteredOn = cases.Today;
                    break;
                case "ask":
                    reviewCase.Status = ReportStatus.AwaitingReporter;
                    cases.AddMessage(loaded, CaseMessage.Reviewer, question!);
                    break;
                default:
                    Close(reviewCase, ReportStatus.NotPublished);
                    break;
            }

            return await Task.FromResult<string?>(null);
        }, "stage1-" + decision);
    }

    public async Task<ReviewResult<DecisionResult>> Stage2Async(Reviewer reviewer, string id, JsonElement body, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var decision = ReadChoice(body, "decision", ["publish", "back", "reject"], errors);
        var text = ReadText(body, errors);
        var answers = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("answers", out var a) ? AnswerCoarsening.Read(a, FormVersion1.Definition, errors) : null;
        PublicationDraft? draft = null;
        if (decision == "publish")
        {
            var title = ReadString(body, "title", 1, 200, errors);
            var summary = ReadString(body, "summary", 1, 1000, errors);
            var lessons = ReadStrings(body, "lessons", 2, 5, 500, errors);
            var tags = body.TryGetProperty("tags", out _) ? ReadStrings(body, "tags", 0, 10, 40, errors) : [];
            var urgent = ReadFlag(body, "urgent", errors);
            draft = new PublicationDraft(title ?? "", summary ?? "", lessons, tags, urgent);
        }

        var note = decision is "back" or "reject" ? ReadString(body, "note", 0, 2000, errors, required: false) : null;
        if (errors.Any)
        {
            return ReviewResult<DecisionResult>.Invalid(errors);
        }

        return await DecideAsync(reviewer, id, stage: 2, cancellationToken, async loaded =>
        {
            var reviewCase = loaded.Case;
            cases.SetText(loaded, text!);
            if (answers is not null)
            {
                reviewCase.PublishAnswers = JsonSerializer.Serialize(answers);
            }

            switch (decision)
            {
                case "publish":
                    // Saved on the case first; the published row follows (Publications), so a failed save publishes nothing.
                    Close(reviewCase, ReportStatus.Published);
                    reviewCase.PublishAnswers = JsonSerializer.Serialize(answers ?? Saved(reviewCase, loaded));
                    reviewCase.PublishedId = Publications.NewId();
                    reviewCase.PendingPublication = new PendingPublication(
                        draft!.Title, draft.Summary, draft.Lessons, draft.Tags, draft.Urgent, cases.ThisMonth, cases.Now).ToJson();
                    return reviewCase.PublishedId;
                case "back":
                    reviewCase.Stage = 1;
                    reviewCase.StageEnteredOn = cases.Today;
                    if (!string.IsNullOrWhiteSpace(note))
                    {
                        cases.AddMessage(loaded, CaseMessage.Note, note);
                    }

                    return null;
                default:
                    if (!string.IsNullOrWhiteSpace(note))
                    {
                        cases.AddMessage(loaded, CaseMessage.Note, note);
                    }

                    Close(reviewCase, ReportStatus.NotPublished);
                    return null;
            }
        }, "stage2-" + decision, urgent: draft?.Urgent == true);
    }

    private async Task<ReviewResult<DecisionResult>> DecideAsync(
        Reviewer reviewer, string id, int stage, CancellationToken cancellationToken, Func<LoadedCase, Task<string?>> apply, string action, bool urgent = false)
    {
        if (!reviewer.Holds(stage))
        {
            return ReviewResult<DecisionResult>.Forbidden($"You do not review stage {stage}.");
        }

        var loaded = await cases.LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return ReviewResult<DecisionResult>.NotFound();
        }

        var reviewCase = loaded.Case;
        if (stage == 2 && reviewCase.PendingPublication is not null && reviewCase.ReviewedBy(reviewer.Id, 2))
        {
            // The publishing reviewer's retry after a failure: finish that publication, never start another.
            await publications.CompleteAsync(loaded, cancellationToken);
            return ReviewResult<DecisionResult>.Ok(new DecisionResult(reviewCase.Stage, reviewCase.Status, reviewCase.PublishedId));
        }

        if (FourEyesRule.Bars(reviewer.Id, reviewCase) is { } bar && reviewCase.Stage == stage)
        {
            return ReviewResult<DecisionResult>.Forbidden(bar);
        }

        if (reviewCase.Stage != stage || reviewCase.Status != ReportStatus.InReview || loaded.Original.WrappedKey is null)
        {
            return ReviewResult<DecisionResult>.Conflict($"The case is not waiting in stage {stage} (it is {reviewCase.Status}, stage {reviewCase.Stage}).");
        }

        reviewCase.AddReviewer(reviewer.Id, stage);
        var publishedId = await apply(loaded);
        if (!await cases.TrySaveAsync(reviewCase, cancellationToken))
        {
            return ReviewResult<DecisionResult>.Conflict("Someone else changed this case meanwhile; reload it.");
        }

        await audit.RecordAsync(id, reviewer.Id, action, cancellationToken);
        if (reviewCase.Status is ReportStatus.Published or ReportStatus.NotPublished)
        {
            await trends.ClosedAsync(loaded.Original, reviewCase, urgent ? publishedId : null, cancellationToken);
        }

        if (publishedId is not null)
        {
            await publications.CompleteAsync(loaded, cancellationToken);
        }

        if (reviewCase.Status == ReportStatus.InReview)
        {
            var cause = stage == 1 ? NotificationMessage.Causes.Passed : NotificationMessage.Causes.SentBack;
            await cases.NotifyAsync(NotificationMessage.CaseReady, reviewCase, cancellationToken, cause);
        }
        else if (reviewCase.Status == ReportStatus.Published && urgent)
        {
            await cases.NotifyAsync(NotificationMessage.UrgentHazard, reviewCase, cancellationToken);
        }

        return ReviewResult<DecisionResult>.Ok(new DecisionResult(reviewCase.Stage, reviewCase.Status, publishedId));
    }

    private void Close(CaseEntity reviewCase, string status)
    {
        reviewCase.Status = status;
        reviewCase.ClosedOn = cases.Today;
    }

    private static Dictionary<string, string[]> Saved(CaseEntity reviewCase, LoadedCase loaded) =>
        reviewCase.PublishAnswers is { } saved
            ? JsonSerializer.Deserialize<Dictionary<string, string[]>>(saved) ?? []
            : AnswerCoarsening.Coarsen(ReviewCases.OriginalAnswers(loaded.Original));

    private static string? ReadChoice(JsonElement body, string field, string[] choices, FieldErrors errors)
    {
        var value = ReadString(body, field, 1, 20, errors);
        if (value is not null && !choices.Contains(value))
        {
            errors.Add(field, "must be one of " + string.Join(", ", choices));
            return null;
        }

        return value;
    }

    private static SealedText? ReadText(JsonElement body, FieldErrors errors)
    {
        var narrative = ReadString(body, "narrative", 1, MaxText, errors);
        var lessons = ReadString(body, "lessonsLearned", 0, MaxText, errors, required: false) ?? "";
        if (narrative is null)
        {
            return null;
        }

        var text = new SealedText(narrative, lessons);
        if (!text.FitsInStorage())
        {
            errors.Add("narrative", $"together with the lessons learned, is too long to store: at most {SealedText.MaxJsonBytes} bytes as UTF-8");
            return null;
        }

        return text;
    }

    private static string? ReadString(JsonElement body, string field, int min, int max, FieldErrors errors, bool required = true)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object");
            return null;
        }

        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(field, "must be text");
            return null;
        }

        var text = element.GetString()!.Trim();
        if (text.Length < min || text.Length > max)
        {
            errors.Add(field, min > 0 ? $"must be {min} to {max} characters" : $"must be at most {max} characters");
            return null;
        }

        if (FreeText.HasControlCharacters(text))
        {
            errors.Add(field, FreeText.ControlCharacters);
            return null;
        }

        return text;
    }

    /// <summary>A true/false field; left out or null is false, anything else is an error.</summary>
    private static bool ReadFlag(JsonElement body, string field, FieldErrors errors)
    {
        if (!body.TryGetProperty(field, out var element))
        {
            return false;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
        {
            errors.Add(field, "must be true or false");
        }

        return element.ValueKind == JsonValueKind.True;
    }

    private static List<string> ReadStrings(JsonElement body, string field, int min, int max, int maxLength, FieldErrors errors)
    {
        if (!body.TryGetProperty(field, out var element) || element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, $"must be a list of {min} to {max} texts");
            return [];
        }

        var items = element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()!.Trim() : null).ToList();
        if (items.Any(i => string.IsNullOrEmpty(i) || i.Length > maxLength) || items.Count < min || items.Count > max)
        {
            errors.Add(field, $"must be a list of {min} to {max} texts of at most {maxLength} characters");
            return [];
        }

        if (items.Any(i => FreeText.HasControlCharacters(i!)))
        {
            errors.Add(field, FreeText.ControlCharacters);
            return [];
        }

        return items!;
    }
}
