using Azure;
using Azure.Data.Tables;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Storage;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Hardening;

/// <summary>The snapshot the fuzz compares sees a row added, a row updated with the same values, and a queued message.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class StorageSnapshotTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Differences_ShowAddedAndRewrittenRowsAndQueuedMessages()
    {
        await azurite.ClearQueuesAsync();
        await using var services = azurite.CreateServices();
        var store = services.GetRequiredService<NearMissStore>();
        var row = new TableEntity("snapshot-" + Guid.NewGuid().ToString("N"), "row") { ["Value"] = 1 };
        try
        {
            var empty = await StorageSnapshot.TakeAsync(store.TableService, store.QueueService);
            await store.Audit.AddEntityAsync(row);
            var added = await StorageSnapshot.TakeAsync(store.TableService, store.QueueService);
            await store.Audit.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);
            await store.Notifications.SendMessageAsync("{}");
            var rewritten = await StorageSnapshot.TakeAsync(store.TableService, store.QueueService);

            Assert.Empty(empty.Differences(empty));
            Assert.Equal(["table row added or changed: audit | " + row.PartitionKey], empty.Differences(added).Select(d => d[..d.LastIndexOf(" | row", StringComparison.Ordinal)]));
            Assert.Equal(2, added.Differences(rewritten).Count(d => d.Contains(row.PartitionKey, StringComparison.Ordinal)));
            Assert.Contains(added.Differences(rewritten), d => d.StartsWith("queue now: notifications | 1 messages", StringComparison.Ordinal));
        }
        finally
        {
            await store.Audit.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
            await azurite.ClearQueuesAsync();
        }
    }
}
