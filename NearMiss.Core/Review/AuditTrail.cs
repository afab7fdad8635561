using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

/// <summary>
/// Who did what to which case and when: actor ids and action names only, never content. The reporter's own
/// actions are dated to the day, like the submission: an exact time could be matched against a shift roster.
/// </summary>
public sealed class AuditTrail(NearMissStore store, TimeProvider time)
{
    public const string Reporter = "reporter";
    public const string System = "system";

    public async Task RecordAsync(string reportId, string actor, string action, CancellationToken cancellationToken)
    {
        var now = actor == Reporter ? new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero) : time.GetUtcNow();
        var row = now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await store.Audit.AddEntityAsync(new TableEntity(reportId, row) { ["Actor"] = actor, ["Action"] = action, ["At"] = now }, cancellationToken);
    }

    public async Task<IReadOnlyList<(string Actor, string Action, DateTimeOffset At)>> ForCaseAsync(string reportId, CancellationToken cancellationToken)
    {
        var entries = new List<(string, string, DateTimeOffset)>();
        await foreach (var entity in store.Audit.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {reportId}"), cancellationToken: cancellationToken))
        {
            entries.Add((entity.GetString("Actor"), entity.GetString("Action"), entity.GetDateTimeOffset("At") ?? default));
        }

        return entries;
    }
}
