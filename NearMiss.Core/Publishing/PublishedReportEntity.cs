using Azure;
using Azure.Data.Tables;

namespace NearMiss.Core.Publishing;

/// <summary>
/// A published report in <c>published</c>: only text two reviewers approved and coarsened answers. Its id is
/// new and random; nothing in it leads back to the submission, the receipt or the reviewers.
/// </summary>
public sealed class PublishedReportEntity : ITableEntity
{
    public const string Partition = "report";

    public string PartitionKey { get; set; } = Partition;

    /// <summary>The published id.</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Narrative { get; set; } = "";

    public string LessonsLearned { get; set; } = "";

    /// <summary>The 2–5 lessons learned, JSON array.</summary>
    public string Lessons { get; set; } = "[]";

    /// <summary>JSON array of tags.</summary>
    public string Tags { get; set; } = "[]";

    /// <summary>Coarsened answers, JSON object of question id → values.</summary>
    public string Answers { get; set; } = "{}";

    /// <summary>The month of the incident, <c>yyyy-MM</c>.</summary>
    public string Month { get; set; } = "";

    public string? CallType { get; set; }

    public string? Region { get; set; }

    public string? AgencyType { get; set; }

    public string? AgencySize { get; set; }

    public bool Urgent { get; set; }

    /// <summary>The month of publication, <c>yyyy-MM</c>.</summary>
    public string PublishedMonth { get; set; } = "";

    /// <summary>When it was published (the weekly digest picks the past week's); older rows have only <see cref="Timestamp"/>.</summary>
    public DateTimeOffset? PublishedOn { get; set; }
}
