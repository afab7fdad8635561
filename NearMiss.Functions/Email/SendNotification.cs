using NearMiss.Core.Notifications;

namespace NearMiss.Functions.Email;

/// <summary>Queue <c>notifications</c>: e-mails reviewers or staff a link to a case (never its content).</summary>
public sealed class SendNotification(Notifier notifier)
{
    [Function(nameof(SendNotification))]
    public Task Run([QueueTrigger(StorageNames.Queues.Notifications, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        notifier.HandleAsync(message, cancellationToken);
}
