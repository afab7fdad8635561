using Azure;
using Azure.Data.Tables;

namespace NearMiss.Core.Library;

/// <summary>A reader's weekly digest subscription in table <c>readersubscriptions</c>; the row key is the reader id.</summary>
public sealed class ReaderSubscriptionEntity : ITableEntity
{
    public const string Partition = "subscription";

    public string PartitionKey { get; set; } = Partition;

    /// <summary>The reader id (<c>l-…</c>).</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Call types, JSON array of form option values.</summary>
    public string CallTypes { get; set; } = "[]";

    /// <summary>Contributing factors, JSON array of form option values.</summary>
    public string Factors { get; set; } = "[]";

    /// <summary>Random, set when the subscription is created: an unsubscribe link names it, so it works once.</summary>
    public string Nonce { get; set; } = "";
}

/// <summary>
/// One reader's digest of one week in table <c>readerdigests</c>: partition the ISO week (<c>2025-W33</c>), row
/// the reader id. Claimed before sending and marked sent after, so a re-run sends nothing twice.
/// </summary>
public sealed class ReaderDigestEntity : ITableEntity
{
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Skipped = "skipped";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary><see cref="Sending"/> while a run holds it, then <see cref="Sent"/> or <see cref="Skipped"/> (the reader may no longer read).</summary>
    public string Status { get; set; } = Sending;

    public DateTimeOffset ClaimedOn { get; set; }

    /// <summary>How many reports the e-mail listed.</summary>
    public int ReportCount { get; set; }
}

/// <summary>The report of the week in table <c>libraryfeatured</c>: a single row.</summary>
public sealed class FeaturedReportEntity : ITableEntity
{
    public const string Partition = "featured";
    public const string Row = "current";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The published id.</summary>
    public string PublishedId { get; set; } = "";

    public DateTimeOffset ChosenOn { get; set; }
}
