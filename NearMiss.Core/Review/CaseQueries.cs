using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NearMiss.Core.Accounts;
using NearMiss.Core.Intake;
using NearMiss.Core.Pii;
using NearMiss.Core.Publishing;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

/// <summary>
/// A queue row. <see cref="Month"/> and <see cref="CallType"/> are the answers as they will be published;
/// <see cref="Excerpt"/> is the first words of the text under review (stage 1's working copy, or the original) with
/// everything the detector finds replaced by its placeholder.
/// </summary>
public sealed record CaseSummary(
    string Id, Stage Stage, string Status, string OpenedOn, int WaitingDays, int FindingCount, bool CanAct,
    string? Month = null, string? CallType = null, string Excerpt = "");

public sealed record PublicationDraft(string Title, string Summary, IReadOnlyList<string> Lessons, IReadOnlyList<string> Tags, bool Urgent);

public sealed record CaseView(
    string Id,
    Stage Stage,
    string Status,
    string OpenedOn,
    bool CanAct,
    string? Reason,
    string Narrative,
    string LessonsLearned,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, string[]> Answers,
    bool RareCombination,
    string? RareReason,
    IReadOnlyList<CaseMessage> Messages,
    PublicationDraft Publication);

/// <summary>What reviewers see: the queue of a stage and one case with its findings and coarsened answers.</summary>
public sealed class CaseQueries(NearMissStore store, CaseStore caseStore, ReviewCases cases, IPiiDetector detector, IOptions<ReviewOptions> options)
{
    private static readonly PublicationDraft EmptyDraft = new("", "", [], [], false);

    public async Task<Result<IReadOnlyList<CaseSummary>>> ListAsync(Reviewer reviewer, Stage stage, CancellationToken cancellationToken)
    {
        if (!reviewer.Holds(stage))
        {
            return Failure.Forbidden($"You do not review stage {stage}.");
        }

        var items = new List<CaseSummary>();
        await foreach (var reviewCase in caseStore.WaitingAsync(stage, cancellationToken))
        {
            var (month, callType, excerpt) = await PreviewAsync(reviewCase, cancellationToken);
            items.Add(new CaseSummary(
                reviewCase.Id.Value, reviewCase.Stage, reviewCase.Status, reviewCase.OpenedOn, cases.DaysSince(reviewCase.StageEnteredOrOpened),
                reviewCase.Findings.Count, FourEyesRule.Bars(reviewer.Id, reviewCase) is null, month, callType, excerpt));
        }

        return Result.Ok<IReadOnlyList<CaseSummary>>([.. items.OrderByDescending(i => i.WaitingDays).ThenBy(i => i.Id, StringComparer.Ordinal)]);
    }

    public async Task<Result<CaseView>> GetAsync(Reviewer reviewer, ReportId id, CancellationToken cancellationToken)
    {
        var loaded = await cases.LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return Failure.NotFound(ReviewCases.NoCase);
        }

        var reviewCase = loaded.Case;
        if (!reviewer.Holds(reviewCase.Stage))
        {
            return Failure.Forbidden($"This case is in stage {reviewCase.Stage}, which you do not review.");
        }

        if (reviewCase.ErasedOn is not null || loaded.Original.WrappedKey is null)
        {
            return Failure.Conflict("This case is closed and its text has been erased.");
        }

        var text = cases.Text(loaded);
        var findings = reviewCase.WorkingText is null ? reviewCase.Findings : Scan(text);
        var answers = reviewCase.PublishAnswers ?? AnswerCoarsening.Coarsen(loaded.Original.Answers);
        var rare = await RareReasonAsync(answers, cancellationToken);
        var bar = FourEyesRule.Bars(reviewer.Id, reviewCase) ?? (reviewCase.Status == ReportStatus.InReview ? null : $"The case is {reviewCase.Status}.");

        return Result.Ok(new CaseView(
            id.Value, reviewCase.Stage, reviewCase.Status, reviewCase.OpenedOn, bar is null, bar, text.Narrative, text.LessonsLearned,
            findings, answers, rare is not null, rare, cases.Messages(loaded), EmptyDraft));
    }

    /// <summary>Words a queue shows of a narrative.</summary>
    public const int ExcerptWords = 14;

    /// <summary>The month, call type and first words of the redacted narrative of a queued case.</summary>
    private async Task<(string? Month, string? CallType, string Excerpt)> PreviewAsync(ReviewCase reviewCase, CancellationToken cancellationToken)
    {
        var original = await caseStore.FindOriginalAsync(reviewCase.Id, cancellationToken);
        if (original?.WrappedKey is null)
        {
            return (null, null, "");
        }

        var answers = reviewCase.PublishAnswers ?? AnswerCoarsening.Coarsen(original.Answers);
        string? One(string key) => answers.TryGetValue(key, out var v) && v.Length > 0 ? v[0] : null;

        // Stage 1's working copy or the original, with whatever the detector finds in it replaced by placeholders.
        // A text that does not open under this service's key (sealed under a retired one) shows no words.
        string text;
        try
        {
            text = cases.Text(new LoadedCase(original, reviewCase)).Narrative;
        }
        catch (CryptographicException)
        {
            return (One("month"), One("callType"), "");
        }

        var narrative = PiiRedaction.Redact(text, detector.Detect(text));

        var words = narrative.Split((char[]?)null, ExcerptWords + 1, StringSplitOptions.RemoveEmptyEntries);
        var excerpt = string.Join(' ', words.Take(ExcerptWords)) + (words.Length > ExcerptWords ? " …" : "");
        return (One("month"), One("callType"), excerpt);
    }

    public List<Finding> Scan(SealedText text) =>
    [
        .. detector.Detect(text.Narrative).Select(s => new Finding("narrative", s.Start, s.End, s.Label.ToContractName())),
        .. detector.Detect(text.LessonsLearned).Select(s => new Finding("lessonsLearned", s.Start, s.End, s.Label.ToContractName())),
    ];

    private async Task<string?> RareReasonAsync(IReadOnlyDictionary<string, string[]> answers, CancellationToken cancellationToken)
    {
        string? One(string key) => answers.TryGetValue(key, out var v) && v.Length == 1 ? v[0] : null;
        var (region, type, size) = (One(AnswerCoarsening.RegionQuestion), One("agencyType"), One("agencySize"));
        if (region is null || type is null || size is null)
        {
            return null;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PublishedReportEntity.Partition} and Region eq {region} and AgencyType eq {type} and AgencySize eq {size}");
        var count = 0;
        await foreach (var _ in store.Published.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (++count >= options.Value.RareThreshold)
            {
                return null;
            }
        }

        return count switch
        {
            0 => "no published report shares this region, agency type and agency size",
            1 => "only 1 published report shares this region, agency type and agency size",
            _ => $"only {count} published reports share this region, agency type and agency size",
        };
    }
}
