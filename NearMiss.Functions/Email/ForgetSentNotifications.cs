using NearMiss.Core.Notifications;

namespace NearMiss.Functions.Email;

/// <summary>Hourly: deletes the bookkeeping of notifications sent over an hour ago.</summary>
public sealed class ForgetSentNotifications(Notifier notifier)
{
    [Function(nameof(ForgetSentNotifications))]
    public Task Run([TimerTrigger("%NearMiss:Email:ForgetSentSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        notifier.ForgetSentAsync(cancellationToken);
}
