using NearMiss.Core.Library;
using NearMiss.Core.Notifications;
using NearMiss.Core.Review;
using NearMiss.Core.Trends;

namespace NearMiss.Functions;

/// <summary>
/// Every timer of the app, in one place. Each schedule is an app setting named as <c>%Setting%</c> (an NCRONTAB
/// expression with seconds, checked at start-up by <see cref="Hosting.TimerScheduleSettings"/>), and each timer is one
/// call into Core.
/// </summary>
public sealed class Timers(Notifier notifier, ReminderService reminders, OrphanSweep orphans, RetentionPurge retention, TrendMail trends, LibraryDigest digest)
{
    /// <summary>Hourly: deletes the bookkeeping of notifications sent over an hour ago.</summary>
    [Function(nameof(ForgetSentNotifications))]
    public Task ForgetSentNotifications([TimerTrigger("%NearMiss:Email:ForgetSentSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        notifier.ForgetSentAsync(cancellationToken);

    /// <summary>Default 08:00 UTC on weekdays: reminders for waiting cases.</summary>
    [Function(nameof(RemindWaitingCases))]
    public Task RemindWaitingCases([TimerTrigger("%NearMiss:Review:ReminderSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reminders.QueueRemindersAsync(cancellationToken);

    /// <summary>Hourly by default: queues the scan again for reports stored without a case (see <see cref="OrphanSweep"/>).</summary>
    [Function(nameof(RequeueOrphans))]
    public Task RequeueOrphans([TimerTrigger("%NearMiss:Intake:OrphanSweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        orphans.SweepAsync(cancellationToken);

    /// <summary>Daily by default: crypto-erases reports closed longer than the retention window.</summary>
    [Function(nameof(PurgeExpired))]
    public Task PurgeExpired([TimerTrigger("%NearMiss:Review:PurgeSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        retention.PurgeAsync(cancellationToken);

    /// <summary>Default Mondays 07:00 UTC: the trend summary e-mailed to staff.</summary>
    [Function(nameof(TrendSummary))]
    public Task TrendSummary([TimerTrigger("%NearMiss:Trends:SummarySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        trends.SendSummaryAsync(cancellationToken);

    /// <summary>Default the 2nd of the month, 07:00 UTC: each participating agency's analysis.</summary>
    [Function(nameof(AgencyAnalysis))]
    public Task AgencyAnalysis([TimerTrigger("%NearMiss:Trends:AgencySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        trends.SendAgencyAnalysesAsync(cancellationToken);

    /// <summary>Default 07:00 UTC on Mondays: the weekly library digest.</summary>
    [Function(nameof(LibraryDigest))]
    public Task LibraryDigest([TimerTrigger("%NearMiss:Library:DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.SendAsync(cancellationToken);
}
