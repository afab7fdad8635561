using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using NearMiss.Core.Storage;

namespace NearMiss.LocalHost;

/// <summary>
/// Polls one queue with the Functions host's semantics: messages fetched in batches of <c>batchSize</c>, a new
/// batch once no more than <c>newBatchThreshold</c> are in flight; a message is deleted when the handler
/// succeeds; when it fails, it is made visible again after <c>visibilityTimeout</c>, or, once its dequeue
/// count reaches <c>maxDequeueCount</c>, copied to <c>{queue}-poison</c> and deleted. An empty queue is
/// polled with exponential back-off from 100 ms up to <c>maxPollingInterval</c>. Both clients must use
/// base64 message encoding (<c>StorageClients.QueueOptions</c>), as the host does. Delivery is at least once:
/// handlers must be idempotent.
/// </summary>
public sealed partial class QueueListener(
    QueueClient queue,
    QueueClient poisonQueue,
    Func<string, CancellationToken, Task> handler,
    QueueSettings settings,
    ILogger logger,
    TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _completed = new(0);
    private int _inFlight;
    private bool _poisonQueueCreated;

    public string QueueName => queue.Name;

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled, then waits for the handlers in flight.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        var wait = settings.MinPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                while (Volatile.Read(ref _inFlight) > settings.NewBatchThreshold)
                {
                    await _completed.WaitAsync(stoppingToken);
                }

                var messages = await ReceiveAsync(stoppingToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(wait, _time, stoppingToken);
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, settings.MaxPollingInterval.Ticks));
                    continue;
                }

                wait = settings.MinPollingInterval;
                running.RemoveAll(t => t.IsCompleted);
                foreach (var message in messages)
                {
                    Interlocked.Increment(ref _inFlight);
                    running.Add(ProcessAsync(message, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await queue.ReceiveMessagesAsync(settings.BatchSize, settings.ProcessingLease, cancellationToken);
            return response.Value;
        }
        catch (RequestFailedException exception)
        {
            LogReceiveFailed(logger, queue.Name, exception.Status, exception.ErrorCode);
            return [];
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReceiveFailed(logger, queue.Name, 0, exception.GetType().Name);
            return [];
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                // Already over the limit (a previous host stopped mid-way): straight to poison, as the host does.
                await MoveToPoisonAsync(message);
                return;
            }

            bool succeeded;
            try
            {
                await handler(message.Body.ToString(), stoppingToken);
                succeeded = true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: hand the message back at once, without counting it towards poison.
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, message: (BinaryData?)null, TimeSpan.Zero, CancellationToken.None);
                return;
            }
            catch (Exception exception)
            {
                LogHandlerFailed(logger, queue.Name, message.MessageId, message.DequeueCount, exception.GetType().Name);
                succeeded = false;
            }

            if (succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, message: (BinaryData?)null, settings.VisibilityTimeout, CancellationToken.None);
            }
        }
        catch (RequestFailedException exception)
        {
            // The lease was lost (message already deleted or taken again): the next delivery decides.
            LogCompletionFailed(logger, queue.Name, message.MessageId, exception.Status, exception.ErrorCode);
        }
        catch (Exception exception) when (StorageFailures.IsUnavailable(exception))
        {
            // Storage is down: the message comes back when its processing lease ends.
            LogCompletionFailed(logger, queue.Name, message.MessageId, 0, exception.GetType().Name);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _completed.Release();
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message)
    {
        var poison = poisonQueue;
        if (!_poisonQueueCreated)
        {
            await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            _poisonQueueCreated = true;
        }

        await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        LogPoisoned(logger, queue.Name, message.MessageId, message.DequeueCount, poison.Name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: receiving failed ({Status} {Error}); retrying")]
    private static partial void LogReceiveFailed(ILogger logger, string queue, int status, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue}: message {MessageId} failed on try {DequeueCount} with {ExceptionType}")]
    private static partial void LogHandlerFailed(ILogger logger, string queue, string messageId, long dequeueCount, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: completing message {MessageId} failed ({Status} {Error})")]
    private static partial void LogCompletionFailed(ILogger logger, string queue, string messageId, int status, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue}: message {MessageId} moved to {PoisonQueue} after {DequeueCount} tries")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId, long dequeueCount, string poisonQueue);
}
