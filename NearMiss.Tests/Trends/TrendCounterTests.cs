using Azure.Data.Tables;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Storage;
using NearMiss.Core.Trends;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Trends;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class TrendCounterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = azurite.CreateServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private TrendCounters Counters => _services.GetRequiredService<TrendCounters>();

    private NearMissStore Store => _services.GetRequiredService<NearMissStore>();

    private static string NewPartition() => "test-" + Guid.NewGuid().ToString("N");

    private async Task<long> CountAsync(string partition) =>
        (await Counters.ReadAsync(partition, "k|", CancellationToken.None)).GetValueOrDefault("k|one");

    private async Task<List<string>> RowsAsync(string partition) =>
        await Store.Aggregates.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"]).Select(e => e.RowKey).ToListAsync();

    [Fact]
    public async Task Applied_LeavesOnlyCountersInTheCounterPartition_AndALastingMarker()
    {
        var partition = NewPartition();
        await Counters.ApplyOnceAsync(partition, "r1|received", "r1", ["k|one"], CancellationToken.None);
        await Counters.ApplyOnceAsync(partition, "r1|received", "r1", ["k|one"], CancellationToken.None);

        Assert.Equal(1, await CountAsync(partition));
        Assert.All(await RowsAsync(partition), row => Assert.StartsWith(TrendCounters.CounterPrefix, row));
        Assert.True(await Counters.LastingExistsAsync(partition, "r1|received", CancellationToken.None));
    }

    [Fact]
    public async Task CrashAfterTheCounterTransaction_RetryCountsNothingMoreAndFinishes()
    {
        var partition = NewPartition();
        await Counters.ApplyOnceAsync(partition, "r2|received", "r2", ["k|one"], CancellationToken.None);

        // The state a crash between the two steps leaves: counters and pending marker written, no lasting marker.
        await Store.AggregateEvents.DeleteEntityAsync(partition, TrendCounters.Safe("r2|received"));
        await Store.Aggregates.AddEntityAsync(new TableEntity(partition, TrendCounters.MarkerPrefix + "r2|received"));

        await Counters.ApplyOnceAsync(partition, "r2|received", "r2", ["k|one"], CancellationToken.None);

        Assert.Equal(1, await CountAsync(partition));
        Assert.True(await Counters.LastingExistsAsync(partition, "r2|received", CancellationToken.None));
        Assert.DoesNotContain(TrendCounters.MarkerPrefix + "r2|received", await RowsAsync(partition));
    }

    [Fact]
    public async Task CrashBeforeThePendingMarkerWasDeleted_RetryCountsNothingMoreAndDeletesIt()
    {
        var partition = NewPartition();
        await Counters.ApplyOnceAsync(partition, "r3|received", "r3", ["k|one"], CancellationToken.None);
        await Store.Aggregates.AddEntityAsync(new TableEntity(partition, TrendCounters.MarkerPrefix + "r3|received"));

        await Counters.ApplyOnceAsync(partition, "r3|received", "r3", ["k|one"], CancellationToken.None);

        Assert.Equal(1, await CountAsync(partition));
        Assert.DoesNotContain(TrendCounters.MarkerPrefix + "r3|received", await RowsAsync(partition));
    }

    [Fact]
    public async Task ConcurrentCallsForOneEvent_CountOnce()
    {
        var partition = NewPartition();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Counters.ApplyOnceAsync(partition, "r4|received", "r4", ["k|one"], CancellationToken.None)));

        Assert.Equal(1, await CountAsync(partition));
    }
}
