using Azure;
using Azure.Data.Tables;

namespace NearMiss.Core.SignIn;

/// <summary>A pending one-time link (tables <c>signins</c>, <c>readersignins</c>): keyed by the SHA-256 of the token, never the token.</summary>
public sealed class SignInLinkEntity : ITableEntity
{
    public const string Row = "signin";

    /// <summary>Lower-case hex SHA-256 of the one-time token.</summary>
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The opaque id of the account the link signs in to (<c>r-…</c> or <c>l-…</c>).</summary>
    public string AccountId { get; set; } = "";

    public DateTimeOffset ExpiresOn { get; set; }

    /// <summary>Set (under the row's ETag) by the one exchange that consumes the token.</summary>
    public bool Used { get; set; }
}
