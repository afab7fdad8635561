namespace NearMiss.Core.Storage;

/// <summary>
/// Moves messages from a poison queue back to their queue once the cause is fixed. Handlers are
/// idempotent, so replaying a message that did partly succeed is safe.
/// </summary>
public sealed class PoisonReplay(NearMissStore store)
{
    public async Task<int> ReplayAsync(string queue, CancellationToken cancellationToken)
    {
        if (!StorageNames.Queues.All.Contains(queue))
        {
            throw new ArgumentException($"'{queue}' is not one of the app's queues: {string.Join(", ", StorageNames.Queues.All)}.", nameof(queue));
        }

        var target = store.QueueService.GetQueueClient(queue);
        var poison = store.QueueService.GetQueueClient(StorageNames.Queues.Poison(queue));
        var moved = 0;
        while (true)
        {
            var messages = (await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken)).Value;
            if (messages.Length == 0)
            {
                return moved;
            }

            foreach (var message in messages)
            {
                await target.SendMessageAsync(message.MessageText, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }
    }
}
