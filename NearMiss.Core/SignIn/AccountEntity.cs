using Azure;
using Azure.Data.Tables;

namespace NearMiss.Core.SignIn;

/// <summary>
/// What every account row has (tables <c>reviewers</c>, <c>readers</c>): one partition, row key the SHA-256 of the
/// normalised address (<see cref="AccountKeys.Row"/>), a random opaque id and a version that ends old sessions.
/// </summary>
public abstract class AccountEntity(string partition) : ITableEntity
{
    public string PartitionKey { get; set; } = partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The opaque id a token and the audit trail carry: a prefix (<c>r-</c>, <c>l-</c>) and 10 base32 characters.</summary>
    public string Id { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Raised by staff's changes of the account; tokens issued before it stop working.</summary>
    public int Version { get; set; }
}
