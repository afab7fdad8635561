using Azure;
using Azure.Data.Tables;

using NearMiss.Core.Accounts;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Trends;

/// <summary>A participating agency: its code (as reporters enter it) and who receives its monthly analysis.</summary>
public sealed record ParticipatingAgency(string Code, string Contact);

/// <summary>Row <c>{CODE}</c> of partition <c>agency</c> in <c>agencies</c>.</summary>
public sealed class AgencyEntity : ITableEntity
{
    public const string Partition = "agency";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Contact { get; set; } = "";
}

/// <summary>The participating agencies (<c>nearmiss agencies add CODE --contact EMAIL</c>).</summary>
public sealed class AgencyDirectory(NearMissStore store)
{
    /// <summary>The code as counters key it: trimmed, upper case; null when empty or too long.</summary>
    public static string? NormaliseCode(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > 20 || TrendCounters.Safe(trimmed) != trimmed ? null : trimmed;
    }

    /// <summary>Adds the agency, or changes its contact.</summary>
    public async Task<ParticipatingAgency> AddAsync(string code, string contact, CancellationToken cancellationToken)
    {
        var normalised = NormaliseCode(code) ?? throw new ArgumentException("Not an agency code.", nameof(code));
        var address = ReviewerDirectory.NormaliseAddress(contact) ?? throw new ArgumentException("Not an e-mail address.", nameof(contact));
        await store.Agencies.UpsertEntityAsync(new AgencyEntity { RowKey = normalised, Contact = address }, TableUpdateMode.Replace, cancellationToken);
        return new ParticipatingAgency(normalised, address);
    }

    public async Task<IReadOnlyList<ParticipatingAgency>> ListAsync(CancellationToken cancellationToken)
    {
        var agencies = new List<ParticipatingAgency>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AgencyEntity.Partition}");
        await foreach (var entity in store.Agencies.QueryAsync<AgencyEntity>(filter, cancellationToken: cancellationToken))
        {
            agencies.Add(new ParticipatingAgency(entity.RowKey, entity.Contact));
        }

        return agencies;
    }
}
