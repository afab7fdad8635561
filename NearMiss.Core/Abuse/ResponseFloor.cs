using Microsoft.Extensions.Options;

namespace NearMiss.Core.Abuse;

/// <summary>
/// Holds an answer back until a fixed time after the request started, so that how long it took says nothing about
/// the path it took: a known receipt, an unknown one and a malformed one all answer after the same floor.
/// </summary>
public sealed class ResponseFloor(IOptions<ResponseFloorOptions> options, TimeProvider time)
{
    public TimeSpan Lookup => TimeSpan.FromMilliseconds(options.Value.LookupMilliseconds);

    public TimeSpan SignIn => TimeSpan.FromMilliseconds(options.Value.SignInMilliseconds);

    /// <summary>
    /// Runs <paramref name="answer"/> and returns its result no earlier than <paramref name="floor"/> after the call,
    /// whether it returned or threw. An answer slower than the floor is not held further.
    /// </summary>
    public async Task<T> HoldAsync<T>(TimeSpan floor, Func<Task<T>> answer)
    {
        var started = time.GetTimestamp();
        try
        {
            return await answer();
        }
        finally
        {
            await WaitUntilAsync(started, floor);
        }
    }

    /// <remarks>
    /// Not cancelled with the request: a caller that went away sees no timing, and the wait is short. Timers may fire
    /// a little early, so the wait repeats until the floor has passed by this clock.
    /// </remarks>
    private async Task WaitUntilAsync(long started, TimeSpan floor)
    {
        TimeSpan remaining;
        while ((remaining = floor - time.GetElapsedTime(started)) > TimeSpan.Zero)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds)), time);
        }
    }
}
