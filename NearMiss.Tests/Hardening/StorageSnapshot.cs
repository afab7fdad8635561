using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace NearMiss.Tests.Hardening;

/// <summary>
/// Everything in a storage account at one moment: every entity of every table (by partition, row and ETag, so an
/// update shows even when it writes the same values) and every queue (its message count and the messages at its
/// head). Two snapshots are equal when nothing was added, changed or removed in between.
/// </summary>
public sealed record StorageSnapshot(IReadOnlyList<string> Entities, IReadOnlyList<string> Queues)
{
    public static async Task<StorageSnapshot> TakeAsync(TableServiceClient tables, QueueServiceClient queues)
    {
        var entities = new List<string>();
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                entities.Add($"{table.Name} | {entity.PartitionKey} | {entity.RowKey} | {entity.ETag}");
            }
        }

        var messages = new List<string>();
        await foreach (var queue in queues.GetQueuesAsync())
        {
            var client = queues.GetQueueClient(queue.Name);
            var count = (await client.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            var head = (await client.PeekMessagesAsync(maxMessages: 32)).Value.Select(m => m.MessageId);
            messages.Add($"{queue.Name} | {count} messages | {string.Join(',', head)}");
        }

        return new StorageSnapshot(entities.Order(StringComparer.Ordinal).ToList(), messages.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>What <paramref name="after"/> has that this snapshot has not, and the reverse; empty when equal.</summary>
    public IReadOnlyList<string> Differences(StorageSnapshot after) =>
    [
        .. after.Entities.Except(Entities).Select(e => "table row added or changed: " + e),
        .. Entities.Except(after.Entities).Select(e => "table row removed or changed: " + e),
        .. after.Queues.Except(Queues).Select(q => "queue now: " + q),
        .. Queues.Except(after.Queues).Select(q => "queue before: " + q),
    ];
}
