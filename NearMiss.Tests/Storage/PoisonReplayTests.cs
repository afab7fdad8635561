using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Storage;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Storage;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class PoisonReplayTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ServiceProvider _services = azurite.CreateServices();

    public Task InitializeAsync() => azurite.ClearQueuesAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Replay_MovesEveryPoisonMessageBackToItsQueue()
    {
        var store = _services.GetRequiredService<NearMissStore>();
        var poison = store.QueueService.GetQueueClient(StorageNames.Queues.Poison(StorageNames.Queues.PiiScan));
        for (var i = 0; i < 40; i++)
        {
            await poison.SendMessageAsync($"report-{i}");
        }

        var moved = await _services.GetRequiredService<PoisonReplay>().ReplayAsync(StorageNames.Queues.PiiScan, CancellationToken.None);

        Assert.Equal(40, moved);
        Assert.Equal(40, (await store.PiiScan.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Replay_UnknownQueue_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _services.GetRequiredService<PoisonReplay>().ReplayAsync("anything", CancellationToken.None));
}
