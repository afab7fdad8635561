using NearMiss.Core.Review;

namespace NearMiss.Functions.Email;

/// <summary>Timer (<c>NearMiss:Review:ReminderSchedule</c>, default 08:00 UTC on weekdays): reminders for waiting cases.</summary>
public sealed class RemindWaitingCases(ReminderService reminders)
{
    [Function(nameof(RemindWaitingCases))]
    public Task Run([TimerTrigger("%NearMiss:Review:ReminderSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reminders.QueueRemindersAsync(cancellationToken);
}
