using System.Security.Cryptography;

using Microsoft.Extensions.Options;

namespace NearMiss.Core.Intake;

/// <summary>
/// The batch windows of <see cref="PrivacyOptions.BatchInterval"/>, aligned to UTC midnight. Nothing tied to a
/// submission is stored, stamped or e-mailed before its window ends; queue messages wait with a visibility delay,
/// in whole seconds (the unit of the queue service), rounded up so that nothing is early.
/// </summary>
public sealed class BatchWindow(IOptions<PrivacyOptions> options, TimeProvider time)
{
    public TimeSpan Interval => options.Value.BatchInterval;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The start of the window holding <paramref name="at"/>.</summary>
    public DateTimeOffset StartOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var midnight = new DateTimeOffset(utc.UtcDateTime.Date, TimeSpan.Zero);
        var sinceMidnight = utc - midnight;
        return midnight + TimeSpan.FromTicks(sinceMidnight.Ticks - (sinceMidnight.Ticks % Interval.Ticks));
    }

    /// <summary>The end of the window holding <paramref name="at"/> (the start of the next one).</summary>
    public DateTimeOffset EndOf(DateTimeOffset at) => StartOf(at) + Interval;

    /// <summary>
    /// The starts of the windows a receipt of a report not stored yet may have been issued in, newest first: the
    /// current window and the two before it (a report is stored by the end of the window after its own), and at
    /// least the windows of the last <paramref name="atLeast"/>, so that windows of seconds do not outrun the
    /// queue's polling.
    /// </summary>
    public IEnumerable<DateTimeOffset> RecentStarts(TimeSpan atLeast)
    {
        var current = StartOf(Now);
        var count = Math.Max(3, (int)Math.Ceiling(atLeast / Interval));
        return Enumerable.Range(0, count).Select(back => current - (Interval * back));
    }

    /// <summary>
    /// How long a submission made now waits in its queue: to the end of its window, plus a random delay inside
    /// the next window, so that the order of processing within a batch tells nothing about the order of arrival.
    /// </summary>
    public TimeSpan SubmissionDelay()
    {
        var now = Now;
        var spread = Interval * (RandomNumberGenerator.GetInt32(1_000_000) / 1_000_000.0);
        return WholeSeconds(EndOf(now) - now + spread);
    }

    /// <summary>How long a message sent now waits for the next window boundary (reviewer notifications).</summary>
    public TimeSpan ToNextBoundary()
    {
        var now = Now;
        return WholeSeconds(EndOf(now) - now);
    }

    private static TimeSpan WholeSeconds(TimeSpan delay) => TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds));
}
