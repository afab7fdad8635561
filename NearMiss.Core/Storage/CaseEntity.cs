using Azure;
using Azure.Data.Tables;

namespace NearMiss.Core.Storage;

/// <summary>
/// The row of a review case: row <c>case</c> in the report's partition of <c>submissions</c>. Only
/// <see cref="CaseRows"/> reads and writes it; the features see a <see cref="Reports.ReviewCase"/>.
/// </summary>
public sealed class CaseEntity : ITableEntity
{
    public const string Row = "case";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>1 (de-identify) or 2 (verify and draw lessons).</summary>
    public int Stage { get; set; } = 1;

    /// <summary>One of <see cref="Reports.ReportStatus"/>.</summary>
    public string Status { get; set; } = Reports.ReportStatus.InReview;

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

    /// <summary>The reviewed text (narrative and lessons learned as JSON), sealed under the report's key; null until stage 1 saves.</summary>
    public byte[]? WorkingText { get; set; }

    /// <summary>Conversation with the reporter and reviewer notes (a list of messages as JSON), sealed.</summary>
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

    /// <summary>A publication decided and saved but whose published row may not exist yet (<see cref="Reports.PendingPublication"/> JSON); null once it does.</summary>
    public string? PendingPublication { get; set; }
}
