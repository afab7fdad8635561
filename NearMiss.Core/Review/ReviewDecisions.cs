using NearMiss.Core.Accounts;
using NearMiss.Core.Intake;
using NearMiss.Core.Notifications;
using NearMiss.Core.Reports;

namespace NearMiss.Core.Review;

public sealed record DecisionResult(Stage Stage, string Status, string? PublishedId = null);

/// <summary>
/// A stage-1 decision, checked where it came in: <see cref="Decision"/> is pass, ask or reject; the text under review;
/// the answers to publish when the reviewer changed them; the question for the reporter when asking.
/// </summary>
public sealed record Stage1Request(string Decision, SealedText Text, IReadOnlyDictionary<string, string[]>? Answers = null, string? Question = null)
{
    public static readonly string[] Decisions = ["pass", "ask", "reject"];
}

/// <summary>
/// A stage-2 decision, checked where it came in: <see cref="Decision"/> is publish, back or reject; the text; the
/// answers when changed; the publication when publishing; a note for stage 1 when sending back or rejecting.
/// </summary>
public sealed record Stage2Request(string Decision, SealedText Text, IReadOnlyDictionary<string, string[]>? Answers = null, PublicationDraft? Draft = null, string? Note = null)
{
    public static readonly string[] Decisions = ["publish", "back", "reject"];
}

/// <summary>
/// The reviewers' decisions. Stage 1: pass to stage 2, ask the reporter, or not publishable. Stage 2: publish,
/// back to stage 1, or not publishable. The four-eyes rule is enforced here: whoever acted in one stage of a
/// case can never act in the other. Every decision is recorded in the audit trail (ids, no content).
/// </summary>
public sealed class ReviewDecisions(ReviewCases cases, AuditTrail audit, ITrendRecorder trends, Publications publications)
{
    /// <summary>The longest narrative or lessons-learned text a reviewer may save.</summary>
    public const int MaxText = 12_000;

    public Task<Result<DecisionResult>> Stage1Async(Reviewer reviewer, ReportId id, Stage1Request request, CancellationToken cancellationToken) =>
        DecideAsync(reviewer, id, Stage.One, request.Text, request.Answers, "stage1-" + request.Decision, urgent: false, cancellationToken, loaded =>
        {
            var reviewCase = loaded.Case;
            switch (request.Decision)
            {
                case "pass":
                    reviewCase.Stage = Stage.Two;
                    reviewCase.StageEnteredOn = cases.Today;
                    break;
                case "ask":
                    reviewCase.Status = ReportStatus.AwaitingReporter;
                    cases.AddMessage(loaded, CaseMessage.Reviewer, request.Question ?? "");
                    break;
                default:
                    Close(reviewCase, ReportStatus.NotPublished);
                    break;
            }

            return null;
        });

    public Task<Result<DecisionResult>> Stage2Async(Reviewer reviewer, ReportId id, Stage2Request request, CancellationToken cancellationToken) =>
        DecideAsync(reviewer, id, Stage.Two, request.Text, request.Answers, "stage2-" + request.Decision, urgent: request.Draft?.Urgent == true, cancellationToken, loaded =>
        {
            var reviewCase = loaded.Case;
            if (request.Decision == "publish")
            {
                // Saved on the case first; the published row follows (Publications), so a failed save publishes nothing.
                var draft = request.Draft!;
                Close(reviewCase, ReportStatus.Published);
                reviewCase.PublishAnswers = request.Answers ?? Saved(loaded);
                reviewCase.PublishedId = Publications.NewId();
                reviewCase.PendingPublication = new PendingPublication(
                    draft.Title, draft.Summary, draft.Lessons, draft.Tags, draft.Urgent, cases.ThisMonth, cases.Now);
                return reviewCase.PublishedId;
            }

            if (!string.IsNullOrWhiteSpace(request.Note))
            {
                cases.AddMessage(loaded, CaseMessage.Note, request.Note);
            }

            if (request.Decision == "back")
            {
                reviewCase.Stage = Stage.One;
                reviewCase.StageEnteredOn = cases.Today;
            }
            else
            {
                Close(reviewCase, ReportStatus.NotPublished);
            }

            return null;
        });

    /// <summary>
    /// The steps every decision takes: the reviewer's stage, the case, the four-eyes rule, the case's state; then the
    /// text and answers the reviewer saved, the decision itself (<paramref name="apply"/>: the published id when it
    /// publishes), the save under the case's ETag, the audit trail, trends, publication and notices.
    /// </summary>
    private async Task<Result<DecisionResult>> DecideAsync(
        Reviewer reviewer, ReportId id, Stage stage, SealedText text, IReadOnlyDictionary<string, string[]>? answers, string action, bool urgent,
        CancellationToken cancellationToken, Func<LoadedCase, string?> apply)
    {
        if (!reviewer.Holds(stage))
        {
            return Failure.Forbidden($"You do not review stage {stage}.");
        }

        var loaded = await cases.LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return Failure.NotFound(ReviewCases.NoCase);
        }

        var reviewCase = loaded.Case;
        if (stage == Stage.Two && reviewCase.PendingPublication is not null && reviewCase.ReviewedBy(reviewer.Id, Stage.Two))
        {
            // The publishing reviewer's retry after a failure: finish that publication, never start another.
            await publications.CompleteAsync(loaded, cancellationToken);
            return Result.Ok(new DecisionResult(reviewCase.Stage, reviewCase.Status, reviewCase.PublishedId));
        }

        if (FourEyesRule.Bars(reviewer.Id, reviewCase) is { } bar && reviewCase.Stage == stage)
        {
            return Failure.Forbidden(bar);
        }

        if (reviewCase.Stage != stage || reviewCase.Status != ReportStatus.InReview || loaded.Original.WrappedKey is null)
        {
            return Failure.Conflict($"The case is not waiting in stage {stage} (it is {reviewCase.Status}, stage {reviewCase.Stage}).");
        }

        reviewCase.AddReviewer(reviewer.Id, stage);
        cases.SetText(loaded, text);
        if (answers is not null)
        {
            reviewCase.PublishAnswers = answers;
        }

        var publishedId = apply(loaded);
        if (!await cases.TrySaveAsync(reviewCase, cancellationToken))
        {
            return Failure.Conflict("Someone else changed this case meanwhile; reload it.");
        }

        await audit.RecordAsync(id.Value, reviewer.Id.Value, action, cancellationToken);
        if (reviewCase.IsClosed)
        {
            await trends.ClosedAsync(loaded.Original, reviewCase, urgent ? publishedId : null, cancellationToken);
        }

        if (publishedId is not null)
        {
            await publications.CompleteAsync(loaded, cancellationToken);
        }

        if (reviewCase.Status == ReportStatus.InReview)
        {
            var cause = stage == Stage.One ? NotificationMessage.Causes.Passed : NotificationMessage.Causes.SentBack;
            await cases.NotifyAsync(NotificationMessage.CaseReady, reviewCase, cancellationToken, cause);
        }
        else if (reviewCase.Status == ReportStatus.Published && urgent)
        {
            await cases.NotifyAsync(NotificationMessage.UrgentHazard, reviewCase, cancellationToken);
        }

        return Result.Ok(new DecisionResult(reviewCase.Stage, reviewCase.Status, publishedId));
    }

    private void Close(ReviewCase reviewCase, string status)
    {
        reviewCase.Status = status;
        reviewCase.ClosedOn = cases.Today;
    }

    private static IReadOnlyDictionary<string, string[]> Saved(LoadedCase loaded) =>
        loaded.Case.PublishAnswers ?? AnswerCoarsening.Coarsen(loaded.Original.Answers);
}
