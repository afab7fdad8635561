using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using NearMiss.Core.Storage;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Serve;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class QueueListenerTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private static readonly QueueSettings Fast = new()
    {
        BatchSize = 4,
        NewBatchThreshold = 2,
        MaxDequeueCount = 3,
        VisibilityTimeout = TimeSpan.Zero,
        MaxPollingInterval = TimeSpan.FromMilliseconds(200),
    };

    private readonly QueueClient _queue = new(fixture.ConnectionString, "serve-" + Guid.NewGuid().ToString("N")[..12], StorageClients.QueueOptions);
    private QueueClient Poison => new(fixture.ConnectionString, _queue.Name + "-poison", StorageClients.QueueOptions);

    public async Task InitializeAsync()
    {
        await fixture.ClearQueuesAsync();
        await _queue.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _queue.DeleteIfExistsAsync();
        await Poison.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task Listener_WhenTheHandlerAlwaysFails_MovesTheMessageToPoisonAfterMaxDequeueCount()
    {
        var calls = 0;
        await _queue.SendMessageAsync("report-1");

        await RunUntilAsync(
            (_, _) => { Interlocked.Increment(ref calls); throw new InvalidOperationException("handler failed"); },
            async () => (await Poison.ExistsAsync()).Value && (await Poison.PeekMessagesAsync(1)).Value.Length == 1);

        var poisoned = Assert.Single((await Poison.PeekMessagesAsync(32)).Value);
        Assert.Equal(("report-1", Fast.MaxDequeueCount, 0), (poisoned.Body.ToString(), calls, await CountAsync(_queue)));
    }

    [Fact]
    public async Task Listener_WhenTheHandlerSucceeds_DeletesTheMessage()
    {
        var received = new ConcurrentQueue<string>();
        await _queue.SendMessageAsync("report-2");

        await RunUntilAsync(
            (message, _) => { received.Enqueue(message); return Task.CompletedTask; },
            async () => !received.IsEmpty && await CountAsync(_queue) == 0);

        Assert.Equal(["report-2"], received);
        Assert.Equal(0, await CountAsync(_queue));
    }

    [Fact]
    public async Task Listener_WithTheSameMessageTwice_CallsTheHandlerTwice()
    {
        var received = new ConcurrentQueue<string>();
        await _queue.SendMessageAsync("report-3");
        await _queue.SendMessageAsync("report-3");

        await RunUntilAsync(
            (message, _) => { received.Enqueue(message); return Task.CompletedTask; },
            async () => received.Count == 2 && await CountAsync(_queue) == 0);

        Assert.Equal(["report-3", "report-3"], received);
    }

    /// <summary>Runs a listener until <paramref name="done"/> holds (or 30 s pass), then stops it.</summary>
    private async Task RunUntilAsync(Func<string, CancellationToken, Task> handler, Func<Task<bool>> done)
    {
        using var stop = new CancellationTokenSource();
        var listener = new QueueListener(_queue, Poison, handler, Fast, NullLogger.Instance);
        var running = listener.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await running;
    }

    /// <summary>Messages in the queue, visible or not (a message still being processed counts).</summary>
    private static async Task<int> CountAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
