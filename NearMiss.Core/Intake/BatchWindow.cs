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
    public DateTimeOffset StartOf(DateTimeOffset at) => Align(at, Interval);

    /// <summary>However short the window, a receipt's check covers at least this period (decision 012).</summary>
    public static readonly TimeSpan MinimumReceiptPeriod = TimeSpan.FromMinutes(5);

    /// <summary>The period a receipt's check characters are computed over: the window, but at least five minutes.</summary>
    public TimeSpan ReceiptPeriod => Interval < MinimumReceiptPeriod ? MinimumReceiptPeriod : Interval;

    /// <summary>The start of the receipt period holding <paramref name="at"/>.</summary>
    public DateTimeOffset ReceiptPeriodStart(DateTimeOffset at) => Align(at, ReceiptPeriod);

    /// <summary>
    /// The starts of the receipt periods a receipt of a report not stored yet may have been issued in, newest first:
    /// the current one and the two before it, as a report is stored by the end of the window after its own. With
    /// windows of seconds (tests, demos) the five-minute period keeps that from being shorter than the queue's polling.
    /// </summary>
    public IEnumerable<DateTimeOffset> RecentReceiptPeriods()
    {
        var current = ReceiptPeriodStart(Now);
        return Enumerable.Range(0, 3).Select(back => current - (ReceiptPeriod * back));
    }

    private static DateTimeOffset Align(DateTimeOffset at, TimeSpan period)
    {
        var utc = at.ToUniversalTime();
        var midnight = new DateTimeOffset(utc.UtcDateTime.Date, TimeSpan.Zero);
        var sinceMidnight = utc - midnight;
        return midnight + TimeSpan.FromTicks(sinceMidnight.Ticks - (sinceMidnight.Ticks % period.Ticks));
    }

    /// <summary>The end of the window holding <paramref name="at"/> (the start of the next one).</summary>
    public DateTimeOffset EndOf(DateTimeOffset at) => StartOf(at) + Interval;

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
