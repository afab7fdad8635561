using Azure;
using Azure.Data.Tables;

namespace NearMiss.Core.Accounts;

/// <summary>A pending sign-in link in table <c>signins</c>: keyed by the SHA-256 of the token, never the token.</summary>
public sealed class SignInEntity : ITableEntity
{
    public const string Row = "signin";

    /// <summary>Lower-case hex SHA-256 of the one-time token.</summary>
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ReviewerId { get; set; } = "";

    public DateTimeOffset ExpiresOn { get; set; }

    /// <summary>Set (under the row's ETag) by the one exchange that consumes the token.</summary>
    public bool Used { get; set; }
}
