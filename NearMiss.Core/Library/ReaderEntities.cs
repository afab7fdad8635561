using Azure;
using Azure.Data.Tables;

using NearMiss.Core.SignIn;

namespace NearMiss.Core.Library;

/// <summary>
/// A reader account in table <c>readers</c>: one partition, row key the SHA-256 of the normalised address.
/// <see cref="Approved"/> is set by staff for an address outside the allowed domains.
/// </summary>
public sealed class ReaderEntity() : AccountEntity(Partition)
{
    public const string Partition = "reader";

    /// <summary>Approved one by one by staff (an address on an allowed domain needs no approval).</summary>
    public bool Approved { get; set; }

    /// <summary>Staff have been told this address asked to sign in, so they are not told again.</summary>
    public bool StaffNotified { get; set; }

    /// <summary>
    /// The opaque id (<c>q-</c> and 10 base32 characters) staff approve an address outside the allowed domains by, so
    /// that nothing the asker typed ever goes into a command. Kept until staff decide.
    /// </summary>
    public string RequestId { get; set; } = "";
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
