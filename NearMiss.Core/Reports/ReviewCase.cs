namespace NearMiss.Core.Reports;

/// <summary>
/// A report's review case as the review works on it: its stage and status, the automated findings, the reviewers
/// of each stage, the sealed working copy and conversation, the answers and the publication on their way out.
/// Stored as one row (<c>Storage/CaseRows.cs</c> maps it); <see cref="Version"/> is the row's version when it was read,
/// so that a save fails, rather than overwrites, when someone changed the case meanwhile.
/// </summary>
public sealed class ReviewCase(ReportId id)
{
    private readonly List<ReviewerId> stageOneReviewers = [];
    private readonly List<ReviewerId> stageTwoReviewers = [];

    public ReportId Id { get; } = id;

    public Stage Stage { get; set; } = Stage.One;

    /// <summary>One of <see cref="ReportStatus"/>: in review, awaiting the reporter, published or not published.</summary>
    public string Status { get; set; } = ReportStatus.InReview;

    /// <summary>The automated findings of the original: field, offsets and label, never the matched text.</summary>
    public IReadOnlyList<Finding> Findings { get; set; } = [];

    /// <summary>The day the case opened, <c>yyyy-MM-dd</c>.</summary>
    public string OpenedOn { get; set; } = "";

    /// <summary>The day the case entered its current stage, <c>yyyy-MM-dd</c>; null while it is in the stage it opened in.</summary>
    public string? StageEnteredOn { get; set; }

    /// <summary>Whether the reviewers' notification of the new case has been queued.</summary>
    public bool NotificationQueued { get; set; }

    /// <summary>Counts changes of the case; part of notification event ids.</summary>
    public int Revision { get; set; }

    /// <summary>The reviewed text, sealed under the report's key; null until stage 1 saves.</summary>
    public byte[]? WorkingText { get; set; }

    /// <summary>The conversation with the reporter and the reviewers' notes, sealed under the report's key.</summary>
    public byte[]? Messages { get; set; }

    /// <summary>The answers as they will be published (coarsened); null until a reviewer saves them.</summary>
    public IReadOnlyDictionary<string, string[]>? PublishAnswers { get; set; }

    /// <summary>The day the case was published or closed as not publishable.</summary>
    public string? ClosedOn { get; set; }

    /// <summary>The day the sealed original and working copy were erased.</summary>
    public string? ErasedOn { get; set; }

    public string? PublishedId { get; set; }

    /// <summary>A publication decided and saved whose published row may not exist yet; null once it does.</summary>
    public PendingPublication? PendingPublication { get; set; }

    /// <summary>The stored version this was read at (opaque); null for a case not stored yet.</summary>
    public string? Version { get; set; }

    public string StageEnteredOrOpened => StageEnteredOn ?? OpenedOn;

    /// <summary>Published or closed as not publishable.</summary>
    public bool IsClosed => Status is ReportStatus.Published or ReportStatus.NotPublished;

    /// <summary>The reviewers who acted on the case in <paramref name="stage"/>, in the order they first did.</summary>
    public IReadOnlyList<ReviewerId> Reviewers(Stage stage) => stage == Stage.One ? stageOneReviewers : stageTwoReviewers;

    public bool ReviewedBy(ReviewerId reviewer, Stage stage) => Reviewers(stage).Contains(reviewer);

    public void AddReviewer(ReviewerId reviewer, Stage stage)
    {
        if (!ReviewedBy(reviewer, stage))
        {
            (stage == Stage.One ? stageOneReviewers : stageTwoReviewers).Add(reviewer);
        }
    }
}
