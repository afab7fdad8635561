using Azure;
using Azure.Data.Tables;

using NearMiss.Core.Storage;

namespace NearMiss.Core.Trends;

/// <summary>
/// The counters in <c>aggregates</c>. A partition holds one kind of month (<c>received-2031-01</c>,
/// <c>incident-2031-01</c>, <c>closed-2031-01</c>) or the running <c>backlog</c>; in it a counter is the row
/// <c>c|{key}|{shard}</c> with a <c>Count</c>. An event is applied in two steps: its increments and a pending marker
/// <c>x|{event}</c> go in one table transaction with ETag-guarded counters; then the lasting marker (the counter
/// partition and the event, in <c>aggregateevents</c>) is written and the pending one deleted. A retry that finds
/// either marker adds nothing (finding only the pending one, it finishes the second step), so an event counts exactly
/// once however often it is retried or wherever it stopped, and a concurrent writer makes the other retry. The
/// counter partitions hold no row per report (a pending marker outlives its event only if the second step never
/// runs), so reading a period reads a few rows per value and shard, never rows per report.
/// </summary>
public sealed class TrendCounters(NearMissStore store)
{
    /// <summary>Shards per counter, so reports arriving together seldom contend for one row.</summary>
    public const int Shards = 16;

    public const string CounterPrefix = "c|";
    public const string MarkerPrefix = "x|";

    private const int MaxAttempts = 20;

    public static string CounterRow(string key, int shard) => $"{CounterPrefix}{key}|{shard}";

    public static int ShardOf(string reportId) => (int)(unchecked((uint)StableHash(reportId)) % Shards);

    /// <summary>Applies <paramref name="keys"/> (+1 each) in <paramref name="partition"/> unless <paramref name="eventId"/> was applied there already.</summary>
    public async Task ApplyOnceAsync(string partition, string eventId, string reportId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var pending = MarkerPrefix + eventId;
        var shard = ShardOf(reportId);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 99)
        {
            throw new ArgumentException("A table transaction holds at most 100 operations.", nameof(keys));
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await LastingExistsAsync(partition, eventId, cancellationToken))
            {
                await DeletePendingAsync(partition, pending, cancellationToken);
                return;
            }

            // Counters first, then the markers: if the event was applied after these reads the ETags are stale and
            // the transaction fails; if before, its pending marker is still there or its lasting marker already is.
            var rows = await Task.WhenAll(distinct.Select(key =>
                store.Aggregates.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow(key, shard), ["Count"], cancellationToken)));
            if ((await store.Aggregates.GetEntityIfExistsAsync<TableEntity>(partition, pending, ["PartitionKey"], cancellationToken)).HasValue
                || await LastingExistsAsync(partition, eventId, cancellationToken))
            {
                await FinishAsync(partition, eventId, pending, cancellationToken);
                return;
            }

            var actions = new List<TableTransactionAction>(distinct.Count + 1)
            {
                new(TableTransactionActionType.Add, new TableEntity(partition, pending)),
            };
            for (var i = 0; i < distinct.Count; i++)
            {
                if (rows[i].HasValue)
                {
                    var row = rows[i].Value!;
                    var counter = new TableEntity(partition, CounterRow(distinct[i], shard)) { ["Count"] = (row.GetInt64("Count") ?? 0) + 1 };
                    actions.Add(new(TableTransactionActionType.UpdateReplace, counter, row.ETag));
                }
                else
                {
                    actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, CounterRow(distinct[i], shard)) { ["Count"] = 1L }));
                }
            }

            try
            {
                await store.Aggregates.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Someone else applied this event (the pending marker exists) or moved a counter: read again.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
                continue;
            }

            await FinishAsync(partition, eventId, pending, cancellationToken);
            return;
        }
    }

    /// <summary>Whether <paramref name="eventId"/> is recorded as applied in <paramref name="partition"/> for good.</summary>
    public async Task<bool> LastingExistsAsync(string partition, string eventId, CancellationToken cancellationToken) =>
        (await store.AggregateEvents.GetEntityIfExistsAsync<TableEntity>(partition, Safe(eventId), ["PartitionKey"], cancellationToken)).HasValue;

    /// <summary>Deletes both markers of <paramref name="eventId"/> in <paramref name="partition"/> (erasure); the counters keep their counts.</summary>
    public async Task ForgetAsync(string partition, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            await store.AggregateEvents.DeleteEntityAsync(partition, Safe(eventId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        await DeletePendingAsync(partition, MarkerPrefix + eventId, cancellationToken);
    }

    /// <summary>The second step: the lasting marker, then the pending one gone.</summary>
    private async Task FinishAsync(string partition, string eventId, string pending, CancellationToken cancellationToken)
    {
        await store.AggregateEvents.UpsertEntityAsync(new TableEntity(partition, Safe(eventId)), TableUpdateMode.Replace, cancellationToken);
        await DeletePendingAsync(partition, pending, cancellationToken);
    }

    private async Task DeletePendingAsync(string partition, string pending, CancellationToken cancellationToken)
    {
        try
        {
            await store.Aggregates.DeleteEntityAsync(partition, pending, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>The counters of <paramref name="partition"/> whose key starts with <paramref name="keyPrefix"/>, summed over shards.</summary>
    public async Task<Dictionary<string, long>> ReadAsync(string partition, string keyPrefix, CancellationToken cancellationToken)
    {
        var from = CounterPrefix + keyPrefix;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {from + "~"}");
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var row in store.Aggregates.QueryAsync<TableEntity>(filter, select: ["RowKey", "Count"], cancellationToken: cancellationToken))
        {
            var key = row.RowKey[CounterPrefix.Length..row.RowKey.LastIndexOf('|')];
            sums[key] = sums.GetValueOrDefault(key) + (row.GetInt64("Count") ?? 0);
        }

        return sums;
    }

    /// <summary>Writes counter totals directly (bulk generation for benchmarks); adds to what is there is not supported.</summary>
    public async Task WriteAsync(string partition, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var rows = counts.Select(c => new TableEntity(partition, CounterRow(c.Key, 0)) { ["Count"] = c.Value }).ToList();
        foreach (var chunk in rows.Chunk(100))
        {
            await store.Aggregates.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }
    }

    /// <summary>Characters a RowKey may not hold, and the separator, replaced.</summary>
    public static string Safe(string value)
    {
        Span<char> buffer = value.Length <= 64 ? stackalloc char[value.Length] : new char[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            buffer[i] = c is '/' or '\\' or '#' or '?' or '|' or '~' || char.IsControl(c) ? '_' : c;
        }

        return new string(buffer);
    }

    private static int StableHash(string value)
    {
        var hash = 17;
        foreach (var c in value)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
