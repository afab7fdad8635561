using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NearMiss.LocalHost;

namespace NearMiss.Tests.Serve;

public sealed class TimerSchedulerTests
{
    [Fact]
    public async Task Scheduler_WithAnEverySecondSchedule_FiresOncePerSecond()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero));
        var fired = new ConcurrentQueue<TimerInfo>();
        using var stop = new CancellationTokenSource();
        var scheduler = new TimerScheduler("*/1 * * * * *", (info, _) => { fired.Enqueue(info); return Task.CompletedTask; }, NullLogger.Instance, time);
        var running = scheduler.RunAsync(stop.Token);

        for (var step = 0; step < 100 && fired.Count < 3; step++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await stop.CancelAsync();
        await running;
        Assert.True(fired.Count >= 3, $"fired {fired.Count} times");
        Assert.Equal(
            [new DateTime(2026, 1, 5, 6, 0, 1, DateTimeKind.Utc), new DateTime(2026, 1, 5, 6, 0, 2, DateTimeKind.Utc), new DateTime(2026, 1, 5, 6, 0, 3, DateTimeKind.Utc)],
            fired.Take(3).Select(info => info.ScheduleStatus!.Next));
        Assert.All(fired.Skip(1), info => Assert.Equal(TimeSpan.FromSeconds(1), info.ScheduleStatus!.Next - info.ScheduleStatus.Last));
    }

    [Fact]
    public async Task Scheduler_WithAWeeklySchedule_DoesNotFireBeforeItsTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 6, 0, 1, TimeSpan.Zero)); // a Monday, just after 06:00
        var fired = 0;
        using var stop = new CancellationTokenSource();
        var scheduler = new TimerScheduler("0 0 6 * * 1", (_, _) => { Interlocked.Increment(ref fired); return Task.CompletedTask; }, NullLogger.Instance, time);
        var running = scheduler.RunAsync(stop.Token);

        await Task.Delay(50);
        time.Advance(TimeSpan.FromDays(6));
        await Task.Delay(50);
        var beforeTime = Volatile.Read(ref fired);
        time.Advance(TimeSpan.FromDays(1));
        for (var wait = 0; wait < 100 && Volatile.Read(ref fired) == 0; wait++)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await running;
        Assert.Equal((0, 1), (beforeTime, fired));
    }

    [Theory]
    [InlineData("0 */5 * * *")]
    [InlineData("every minute")]
    public void Parse_WithoutSecondsOrNotASchedule_FailsClearly(string schedule)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerScheduler.Parse(schedule));

        Assert.Contains("six-field NCRONTAB", error.Message);
    }

    [Fact]
    public void Resolve_WithAPercentSetting_ReadsItFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("TrendSchedule", "0 0 6 * * 1")]).Build();

        Assert.Equal("0 0 6 * * 1", SettingExpressions.Resolve("%TrendSchedule%", configuration));
    }
}
