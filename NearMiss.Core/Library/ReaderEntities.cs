using Azure;
using Azure.Data.Tables;

namespace NearMiss.Core.Library;

/// <summary>
/// A reader account in table <c>readers</c>: one partition, row key the SHA-256 of the normalised address.
/// <see cref="Approved"/> is set by staff for an address outside the allowed domains.
/// </summary>
public sealed class ReaderEntity : ITableEntity
{
    public const string Partition = "reader";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The opaque id a reader token carries: <c>l-</c> and 10 base32 characters.</summary>
    public string Id { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Approved one by one by staff (an address on an allowed domain needs no approval).</summary>
    public bool Approved { get; set; }

    /// <summary>Staff have been told this address asked to sign in, so they are not told again.</summary>
    public bool StaffNotified { get; set; }

    /// <summary>
    /// The opaque id (<c>q-</c> and 10 base32 characters) staff approve an address outside the allowed domains by, so
    /// that nothing the asker typed ever goes into a command. Kept until staff decide.
    /// </summary>
    public string RequestId { get; set; } = "";

    /// <summary>Raised when staff change the account; tokens issued before it stop working.</summary>
    public int Version { get; set; }
}

/// <summary>A domain whose addresses may read the library, in table <c>readerdomains</c>; the row key is the domain.</summary>
public sealed class ReaderDomainEntity : ITableEntity
{
    public const string Partition = "domain";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}

/// <summary>A pending reader sign-in link in table <c>readersignins</c>: keyed by the SHA-256 of the token, never the token.</summary>
public sealed class ReaderSignInEntity : ITableEntity
{
    public const string Row = "signin";

    /// <summary>Lower-case hex SHA-256 of the one-time token.</summary>
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ReaderId { get; set; } = "";

    public DateTimeOffset ExpiresOn { get; set; }

    /// <summary>Set (under the row's ETag) by the one exchange that consumes the token.</summary>
    public bool Used { get; set; }
}
