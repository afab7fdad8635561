using System.Security.Cryptography;
using System.Text;
using NearMiss.Core.Intake;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Notifications;

/// <summary>
/// Queues reviewer notifications. Case-ready e-mails wait for the next batch-window boundary, so that the e-mail's
/// time tells nothing about when a report arrived or a reporter replied; urgent hazards and reminders go at once.
/// </summary>
public sealed class NotificationQueue(NearMissStore store, BatchWindow window)
{
    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        store.Notifications.SendMessageAsync(
            message.ToJson(),
            visibilityTimeout: message.Kind == NotificationMessage.CaseReady ? window.ToNextBoundary() : null,
            cancellationToken: cancellationToken);

    /// <summary>The <c>notificationlog</c> key of an event: a hash, so that the bookkeeping is not keyed by a report id.</summary>
    public static string LogKey(string eventId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("notification|" + eventId)).AsSpan(0, 16));
}
