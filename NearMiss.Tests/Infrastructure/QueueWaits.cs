using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace NearMiss.Tests.Infrastructure;

/// <summary>Receiving messages that wait for a batch-window boundary (the tests' window is one second).</summary>
public static class QueueWaits
{
    /// <summary>
    /// Receives until <paramref name="expected"/> messages came or <paramref name="timeout"/> (default 5 s) passed,
    /// then once more after <paramref name="settle"/> (default 1.5 s), so that a message too many is seen too.
    /// </summary>
    public static async Task<List<QueueMessage>> ReceiveAsync(QueueClient queue, int expected = 1, TimeSpan? timeout = null, TimeSpan? settle = null)
    {
        var received = new List<QueueMessage>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (received.Count < expected && DateTime.UtcNow < deadline)
        {
            received.AddRange((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value);
            if (received.Count < expected)
            {
                await Task.Delay(200);
            }
        }

        await Task.Delay(settle ?? TimeSpan.FromSeconds(1.5));
        received.AddRange((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value);
        return received;
    }
}
