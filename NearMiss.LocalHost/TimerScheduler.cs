using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace NearMiss.LocalHost;

/// <summary>
/// Fires a handler on a timer trigger schedule: a six-field NCRONTAB expression with seconds
/// ("0 0 6 * * 1"), or a TimeSpan interval ("00:05:00"), in UTC, timed by the given <see cref="TimeProvider"/>.
/// Occurrences missed while a handler runs are skipped, not queued. The <see cref="TimerInfo"/> carries the
/// previous occurrence as <c>Last</c> and the current one as <c>Next</c>, as the host passes them.
/// </summary>
public sealed partial class TimerScheduler(
    string schedule,
    Func<TimerInfo, CancellationToken, Task> handler,
    ILogger logger,
    TimeProvider? time = null,
    bool runOnStartup = false)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Func<DateTime, DateTime> _next = Parse(schedule);

    /// <summary>Checks a schedule; throws with a clear message when it is neither NCRONTAB nor a TimeSpan.</summary>
    public static Func<DateTime, DateTime> Parse(string schedule)
    {
        var cron = CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (cron is not null)
        {
            return after => cron.GetNextOccurrence(after);
        }

        if (TimeSpan.TryParse(schedule, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return after => after + interval;
        }

        throw new InvalidOperationException(
            $"Timer schedule '{schedule}' is neither a six-field NCRONTAB expression (with seconds) nor a positive TimeSpan.");
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        DateTime? last = null;
        try
        {
            if (runOnStartup)
            {
                var started = Now();
                await FireAsync(last, started, isPastDue: false, stoppingToken);
                last = started;
            }

            var due = _next(Now());
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = due - Now();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stoppingToken);
                }

                // As on the Functions host: Last is the previous occurrence, Next the one firing now.
                await FireAsync(last, due, isPastDue: Now() - due > TimeSpan.FromSeconds(1), stoppingToken);
                last = due;
                due = _next(Max(due, Now()));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;

    private async Task FireAsync(DateTime? last, DateTime next, bool isPastDue, CancellationToken stoppingToken)
    {
        var info = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus { Last = last ?? default, Next = next, LastUpdated = Now() },
        };
        try
        {
            await handler(info, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, schedule, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Schedule}: the function failed with {ExceptionType}; it runs again at the next occurrence")]
    private static partial void LogFailed(ILogger logger, string schedule, string exceptionType);
}
