namespace NearMiss.Tests.Infrastructure;

/// <summary>
/// The fixed start of a test's injected clock: a Monday morning far from today, so that no verdict depends on the
/// day the suite runs (`faketime -f '+400d' ./test.sh` checks it).
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2031, 3, 10, 9, 0, 0, TimeSpan.Zero);
}
