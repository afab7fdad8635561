using System.Globalization;

using Microsoft.Extensions.Logging;
using NearMiss.Core.Notifications;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

/// <summary>
/// Queues a <c>reminder</c> notification for every case in review that has waited in its stage more than
/// <see cref="BusinessDaysBeforeReminder"/> business days (Monday to Friday). The event id carries the ISO
/// week, so however often the timer runs a case is reminded at most once a week.
/// </summary>
public sealed partial class ReminderService(CaseStore cases, NotificationQueue notifications, TimeProvider time, ILogger<ReminderService> logger)
{
    public const int BusinessDaysBeforeReminder = 5;

    /// <summary>Queues the reminders due now; returns how many.</summary>
    public async Task<int> QueueRemindersAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        var queued = 0;
        await foreach (var reviewCase in cases.InReviewForRemindersAsync(cancellationToken))
        {
            if (EnteredOn(reviewCase) is not { } entered || BusinessDaysBetween(entered, today) <= BusinessDaysBeforeReminder)
            {
                continue;
            }

            var (reportId, stage) = (reviewCase.Id.Value, reviewCase.Stage);
            var barred = FourEyesRule.BarredFrom(reviewCase, stage);
            var message = new NotificationMessage(NotificationMessage.Reminder, reportId, stage, $"{reportId}:reminder:{stage}:{week}", Skip: barred);
            await notifications.SendAsync(message, cancellationToken);
            queued++;
        }

        LogQueued(logger, queued);
        return queued;
    }

    /// <summary>Business days (Monday to Friday) after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days++;
            }
        }

        return days;
    }

    /// <summary>When the case entered its current stage: <c>StageEnteredOn</c> if recorded, else <c>OpenedOn</c>.</summary>
    private static DateOnly? EnteredOn(ReviewCase reviewCase)
    {
        foreach (var text in new[] { reviewCase.StageEnteredOn, reviewCase.OpenedOn })
        {
            if (text is not null && DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} reminder(s) for cases waiting more than 5 business days")]
    private static partial void LogQueued(ILogger logger, int count);
}
