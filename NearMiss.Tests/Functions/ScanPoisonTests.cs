using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NearMiss.Core.Review;
using NearMiss.Core.Storage;
using NearMiss.Functions;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;

namespace NearMiss.Tests.Functions;

/// <summary>A scan that keeps failing ends in <c>pii-scan-poison</c> as the host would, and the report is not lost.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class ScanPoisonTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly QueueSettings Fast = new() { BatchSize = 4, NewBatchThreshold = 2, MaxDequeueCount = 5, VisibilityTimeout = TimeSpan.Zero, MaxPollingInterval = TimeSpan.FromMilliseconds(200) };
    private readonly ServiceProvider _services = azurite.CreateServices();

    private NearMissStore Store => _services.GetRequiredService<NearMissStore>();

    public Task InitializeAsync() => azurite.ClearQueuesAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task FailingScan_EndsInPoisonAfterFiveTries_AndOpensTheCaseWhenReplayedAfterTheFix()
    {
        var (receipt, id) = await Reports.StoreAsync(_services, Reports.Valid());
        await Store.PiiScan.SendMessageAsync(id);
        var original = (await Store.Submissions.GetEntityAsync<SubmissionEntity>(id, SubmissionEntity.Row)).Value;
        var intact = original.SealedText!.ToArray();
        original.SealedText![^1] ^= 1;
        await Store.Submissions.UpdateEntityAsync(original, original.ETag);
        var attempts = 0;

        await RunListenerUntilAsync(async () => (await PoisonQueue.PeekMessagesAsync()).Value.Length == 1, () => attempts++);

        Assert.Equal(5, attempts);
        Assert.Equal(id, (await PoisonQueue.PeekMessagesAsync()).Value.Single().MessageText);
        Assert.Equal("received", (await _services.GetRequiredService<ReceiptLookup>().FindAsync(receipt, CancellationToken.None)).Value!.Status);

        original = (await Store.Submissions.GetEntityAsync<SubmissionEntity>(id, SubmissionEntity.Row)).Value;
        original.SealedText = intact;
        await Store.Submissions.UpdateEntityAsync(original, original.ETag);
        Assert.Equal(1, await _services.GetRequiredService<PoisonReplay>().ReplayAsync(StorageNames.Queues.PiiScan, CancellationToken.None));
        await RunListenerUntilAsync(async () => (await Store.Submissions.GetEntityIfExistsAsync<CaseEntity>(id, CaseEntity.Row)).HasValue, () => { });

        Assert.Equal("in-review", (await _services.GetRequiredService<ReceiptLookup>().FindAsync(receipt, CancellationToken.None)).Value!.Status);
    }

    private Azure.Storage.Queues.QueueClient PoisonQueue => Store.QueueService.GetQueueClient(StorageNames.Queues.Poison(StorageNames.Queues.PiiScan));

    private async Task RunListenerUntilAsync(Func<Task<bool>> done, Action onAttempt)
    {
        var scan = ActivatorUtilities.CreateInstance<Queues>(_services);
        using var stop = new CancellationTokenSource();
        var listener = new QueueListener(Store.PiiScan, PoisonQueue, (message, ct) => { onAttempt(); return scan.ScanReport(message, ct); }, Fast, NullLogger.Instance);
        var running = listener.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await running;
    }
}
