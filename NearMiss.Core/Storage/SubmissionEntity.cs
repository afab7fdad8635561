using Azure;
using Azure.Data.Tables;


namespace NearMiss.Core.Storage;

/// <summary>
/// The sealed original, row <c>original</c> of the report's partition in <c>submissions</c>.
/// Free text is only ever here sealed; the day of receipt is kept, never the time.
/// </summary>
public sealed class SubmissionEntity : ITableEntity
{
    public const string Row = "original";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int FormVersion { get; set; }

    /// <summary>Answers as JSON (option values only).</summary>
    public string Answers { get; set; } = "{}";

    public string? AgencyCode { get; set; }

    /// <summary>The day the report arrived, <c>yyyy-MM-dd</c> (UTC).</summary>
    public string ReceivedOn { get; set; } = "";

    /// <summary>Narrative and lessons learned, sealed; null once erased.</summary>
    public byte[]? SealedText { get; set; }

    /// <summary>The report's data key, wrapped by the sealing key; null once erased.</summary>
    public byte[]? WrappedKey { get; set; }

    /// <summary>Set when the orphan sweep queued the report's scan again; it does so once.</summary>
    public bool? Requeued { get; set; }
}
