using System.Globalization;

using NearMiss.Core.Abuse;

namespace NearMiss.Functions.Http;

/// <summary>The first thing a rate-limited function does: take a permit for its caller, or answer 429.</summary>
public static class RequestLimits
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    /// <summary>
    /// Null when the caller may go on; otherwise 429 with <c>Retry-After</c> (whole seconds) and a problem body.
    /// The address is read here and handed to Core, and goes nowhere else.
    /// </summary>
    public static ObjectResult? Refuse(this RequestRateLimits limits, HttpRequest request, RatePolicy policy)
    {
        var decision = limits.Acquire(policy, request.HttpContext.Connection.RemoteIpAddress, request.Headers[ForwardedForHeader]);
        if (decision.Allowed)
        {
            return null;
        }

        var seconds = Math.Max(1, (long)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Status(
            StatusCodes.Status429TooManyRequests,
            "Too many requests from this network.",
            $"Try again in {Wait(seconds)}.");
    }

    private static string Wait(long seconds) => seconds < 90 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";
}
