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
    public void ReceiptPeriods_OfLongWindows_AreTheLastThreeWindows()
    {
        var window = Window(TimeSpan.FromHours(6), TestClock.Start);

        Assert.Equal(
            [TestClock.Start.AddHours(-3), TestClock.Start.AddHours(-9), TestClock.Start.AddHours(-15)],
            window.RecentReceiptPeriods());
    }

    [Fact]
    public void ReceiptPeriods_OfShortWindows_AreFiveMinutesEach()
    {
        var window = Window(TimeSpan.FromSeconds(1), TestClock.Start.AddMinutes(7));

        Assert.Equal(TestClock.Start.AddMinutes(5), window.ReceiptPeriodStart(TestClock.Start.AddMinutes(9)));
        Assert.Equal(
            [TestClock.Start.AddMinutes(5), TestClock.Start, TestClock.Start.AddMinutes(-5)],
            window.RecentReceiptPeriods());
    }
}
