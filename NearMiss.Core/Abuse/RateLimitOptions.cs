using System.ComponentModel.DataAnnotations;

namespace NearMiss.Core.Abuse;

/// <summary>
/// Section <c>NearMiss:RateLimits</c>: how many requests one client address may make to the public endpoints that
/// write, send e-mail or take a secret. Each policy is a token bucket: <c>Permits</c> at once, refilled evenly over
/// <c>WindowMinutes</c> (30 per 60 minutes is a burst of 30, then one more every 2 minutes).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "NearMiss:RateLimits";

    /// <summary>False turns every limit off (load and fuzz runs).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many trusted proxies in front of the app append to <c>X-Forwarded-For</c>. 0: the connection's address
    /// is the client's. N: the Nth entry counted from the right is, because that is the one the outermost trusted
    /// proxy appended; entries further left are whatever the client sent. With fewer entries than N, the
    /// connection's address is used.
    /// </summary>
    [Range(0, 5)]
    public int ForwardedFor { get; set; }

    /// <summary>Reports (<c>POST /api/reports</c>).</summary>
    [Range(1, 100_000)]
    public int SubmissionPermits { get; set; } = 30;

    [Range(1, 24 * 60)]
    public int SubmissionWindowMinutes { get; set; } = 60;

    /// <summary>Receipt lookups (<c>POST /api/receipts/status</c> and <c>/api/receipts/messages</c>).</summary>
    [Range(1, 100_000)]
    public int LookupPermits { get; set; } = 60;

    [Range(1, 24 * 60)]
    public int LookupWindowMinutes { get; set; } = 10;

    /// <summary>Sign-in requests and session exchanges of reviewers and readers (one sign-in uses two).</summary>
    [Range(1, 100_000)]
    public int SignInPermits { get; set; } = 20;

    [Range(1, 24 * 60)]
    public int SignInWindowMinutes { get; set; } = 15;

    public (int Permits, TimeSpan Window) Of(RatePolicy policy) => policy switch
    {
        RatePolicy.Submission => (SubmissionPermits, TimeSpan.FromMinutes(SubmissionWindowMinutes)),
        RatePolicy.ReceiptLookup => (LookupPermits, TimeSpan.FromMinutes(LookupWindowMinutes)),
        RatePolicy.SignIn => (SignInPermits, TimeSpan.FromMinutes(SignInWindowMinutes)),
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };
}

/// <summary>The budgets a client address draws on; each endpoint belongs to one.</summary>
public enum RatePolicy
{
    Submission,
    ReceiptLookup,
    SignIn,
}
