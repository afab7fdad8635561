using System.Globalization;

using Azure;
using Azure.Data.Tables;

namespace NearMiss.Core.Accounts;

/// <summary>A reviewer in table <c>reviewers</c>: one partition, row key the SHA-256 of the normalised address.</summary>
public sealed class ReviewerEntity : ITableEntity
{
    public const string Partition = "reviewer";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The opaque id the audit trail records: <c>r-</c> and 10 base32 characters.</summary>
    public string Id { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>The stages held, comma separated in ascending order (<c>1,2</c>).</summary>
    public string Stages { get; set; } = "";

    /// <summary>Raised by every change of the account; tokens issued before it stop working.</summary>
    public int Version { get; set; }

    /// <summary>A demo or seed account (<c>nearmiss seed</c>, <c>run.sh</c>): never sent case notices.</summary>
    public bool Demo { get; set; }

    public Reviewer ToReviewer() => new(Id, Email, ParseStages(Stages)) { Version = Version, Demo = Demo };

    public static string FormatStages(IEnumerable<int> stages) =>
        string.Join(',', stages.Order().Select(s => s.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlySet<int> ParseStages(string stages) =>
        stages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToHashSet();
}
