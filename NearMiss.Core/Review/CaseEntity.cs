using Azure;
using Azure.Data.Tables;

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

    /// <summary>One of <see cref="ReportStatus"/>.</summary>
    public string Status { get; set; } = ReportStatus.InReview;

    /// <summary>Automated findings as JSON: field, offsets and label, never the matched text.</summary>
    public string Findings { get; set; } = "[]";

    /// <summary>The day the case opened, <c>yyyy-MM-dd</c>.</summary>
    public string OpenedOn { get; set; } = "";

    /// <summary>Whether the reviewers' notification has been queued.</summary>
    public bool NotificationQueued { get; set; }
}
