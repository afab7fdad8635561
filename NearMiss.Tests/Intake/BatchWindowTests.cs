using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using NearMiss.Core.Intake;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Intake;

public class BatchWindowTests
{
    private static BatchWindow Window(TimeSpan interval, DateTimeOffset now) =>
        new(Options.Create(new PrivacyOptions { BatchInterval = interval }), new FakeTimeProvider(now));

    [Fact]
    public void Windows_AreAlignedToUtcMidnight()
    {
        var window = Window(TimeSpan.FromHours(6), TestClock.Start);

        Assert.Equal(new DateTimeOffset(2031, 3, 10, 6, 0, 0, TimeSpan.Zero), window.StartOf(TestClock.Start));
        Assert.Equal(new DateTimeOffset(2031, 3, 10, 12, 0, 0, TimeSpan.Zero), window.EndOf(TestClock.Start));
    }

    [Fact]
    public void Submission_WaitsPastTheEndOfItsWindowButNotPastTheNext()
    {
        var window = Window(TimeSpan.FromHours(6), TestClock.Start);

        for (var i = 0; i < 50; i++)
        {
            var delay = window.SubmissionDelay();
            Assert.InRange(delay, TimeSpan.FromHours(3), TimeSpan.FromHours(9));
        }
    }

    [Fact]
    public void RecentStarts_AreThreeLongWindows()
    {
        var window = Window(TimeSpan.FromHours(6), TestClock.Start);

        var starts = window.RecentStarts(TimeSpan.FromMinutes(10)).ToList();

        Assert.Equal(
            [TestClock.Start.AddHours(-3), TestClock.Start.AddHours(-9), TestClock.Start.AddHours(-15)],
            starts);
    }

    [Fact]
    public void RecentStarts_OfShortWindows_CoverTheWholeLookBack()
    {
        var window = Window(TimeSpan.FromSeconds(1), TestClock.Start.AddMilliseconds(500));

        var starts = window.RecentStarts(TimeSpan.FromMinutes(10)).ToList();

        Assert.Equal(600, starts.Count);
        Assert.Equal(TestClock.Start, starts[0]);
        Assert.Equal(TestClock.Start.AddSeconds(-599), starts[^1]);
    }
}
