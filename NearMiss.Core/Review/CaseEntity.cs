using Azure;
using Azure.Data.Tables;

using NearMiss.Core.Reports;

namespace NearMiss.Core.Review;

/// <summary>The review case of a report: row <c>case</c> in the report's partition of <c>submissions</c>.</summary>
public sealed class CaseEntity : ITableEntity
{
    public const string Row = "case";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>1 (de-identify) or 2 (verify and draw lessons).</summary>
    public int Stage { get; set; } = 1;

    [System.Runtime.Serialization.IgnoreDataMember]
    public Reports.Stage CurrentStage
    {
        get => Reports.Stage.Parse(Stage);
        set => Stage = value.Number;
    }

    /// <summary>One of <see cref="ReportStatus"/>.</summary>
    public string Status { get; set; } = ReportStatus.InReview;

    /// <summary>Automated findings as JSON: field, offsets and label, never the matched text.</summary>
    public string Findings { get; set; } = "[]";

    /// <summary>The day the case opened, <c>yyyy-MM-dd</c>.</summary>
    public string OpenedOn { get; set; } = "";

    /// <summary>The day the case entered its current stage, <c>yyyy-MM-dd</c>.</summary>
    public string? StageEnteredOn { get; set; }

    /// <summary>Whether the reviewers' notification has been queued.</summary>
    public bool NotificationQueued { get; set; }

    /// <summary>Counts changes of the case; part of notification event ids.</summary>
    public int Revision { get; set; }

    /// <summary>The reviewed text (<see cref="Intake.SealedText"/> as JSON), sealed under the report's key; null until stage 1 saves.</summary>
    public byte[]? WorkingText { get; set; }

    /// <summary>Conversation with the reporter and reviewer notes (<see cref="CaseMessage"/> list as JSON), sealed.</summary>
    public byte[]? Messages { get; set; }

    /// <summary>Answers as they will be published (coarsened), JSON; null until stage 1 passes the case.</summary>
    public string? PublishAnswers { get; set; }

    /// <summary>Reviewer ids that acted in stage 1, comma separated.</summary>
    public string Stage1Reviewers { get; set; } = "";

    /// <summary>Reviewer ids that acted in stage 2, comma separated.</summary>
    public string Stage2Reviewers { get; set; } = "";

    /// <summary>The day the case was published or closed as not publishable.</summary>
    public string? ClosedOn { get; set; }

    /// <summary>The day the sealed original and working copy were erased.</summary>
    public string? ErasedOn { get; set; }

    public string? PublishedId { get; set; }

    /// <summary>A publication decided and saved but whose published row may not exist yet (<see cref="PendingPublication"/> JSON); null once it does.</summary>
    public string? PendingPublication { get; set; }

    public string StageEnteredOrOpened => StageEnteredOn ?? OpenedOn;

    public bool ReviewedBy(string reviewerId, Reports.Stage stage) => Reviewers(stage).Contains(reviewerId);

    /// <summary>The ids of the reviewers who acted on the case in <paramref name="stage"/>.</summary>
    public IReadOnlyList<string> Reviewers(Reports.Stage stage) =>
        (stage == Reports.Stage.One ? Stage1Reviewers : Stage2Reviewers).Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void AddReviewer(string reviewerId, Reports.Stage stage)
    {
        if (ReviewedBy(reviewerId, stage))
        {
            return;
        }

        if (stage == Reports.Stage.One)
        {
            Stage1Reviewers = Stage1Reviewers.Length == 0 ? reviewerId : Stage1Reviewers + "," + reviewerId;
        }
        else
        {
            Stage2Reviewers = Stage2Reviewers.Length == 0 ? reviewerId : Stage2Reviewers + "," + reviewerId;
        }
    }
}

/// <summary>A message on a case. <c>From</c> is <c>reviewer</c>, <c>reporter</c> or <c>note</c> (reviewers only); dated to the month.</summary>
public sealed record CaseMessage(string From, string Text, string On)
{
    public const string Reviewer = "reviewer";
    public const string Reporter = "reporter";
    public const string Note = "note";
}
