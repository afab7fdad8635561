using Azure;
using Azure.Data.Tables;

namespace NearMiss.Core.Notifications;

/// <summary>One notification event in table <c>notificationlog</c>: partition key a hash of the event id (<see cref="NotificationQueue.LogKey"/>).</summary>
public sealed class NotificationLogEntity : ITableEntity
{
    public const string Row = "event";
    public const string Sending = "sending";
    public const string Sent = "sent";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary><see cref="Sending"/> while a handler holds the event, <see cref="Sent"/> once e-mailed.</summary>
    public string Status { get; set; } = Sending;

    /// <summary>When the current handler took the event on.</summary>
    public DateTimeOffset ClaimedOn { get; set; }

    /// <summary>How many addresses it went to (no addresses are kept).</summary>
    public int RecipientCount { get; set; }
}
