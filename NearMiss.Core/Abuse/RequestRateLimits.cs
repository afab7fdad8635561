using System.Net;
using System.Security.Cryptography;
using System.Threading.RateLimiting;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NearMiss.Core.Abuse;

/// <summary>The answer to one request: go on, or refuse it and say when to come back.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly RateDecision Allow = new(true, TimeSpan.Zero);
}

/// <summary>
/// Per-address limits on the public endpoints, in this process's memory only. A request counts against a partition
/// named by the HMAC-SHA256 of its client address under a key drawn when the process starts and never stored: the
/// limiter holds no address, and a partition name means nothing outside this process. Nothing here is logged or
/// stored. With several instances each counts on its own, so the effective limit is per instance.
/// </summary>
public sealed partial class RequestRateLimits : IDisposable
{
    /// <summary>The partition of requests whose client address is unknown or unreadable: they share one budget.</summary>
    internal const string UnknownPartition = "unknown";

    private readonly RateLimitOptions _options;
    private readonly ILogger<RequestRateLimits> _logger;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<RatePolicy, PartitionedRateLimiter<string>> _limiters;

    public RequestRateLimits(IOptions<RateLimitOptions> options, ILogger<RequestRateLimits> logger)
    {
        _options = options.Value;
        _logger = logger;
        _limiters = Enum.GetValues<RatePolicy>().ToDictionary(policy => policy, policy => Create(_options.Of(policy)));
    }

    /// <summary>Takes one permit of <paramref name="policy"/> for the request's client, if it has one left.</summary>
    /// <param name="connection">The connection's remote address.</param>
    /// <param name="forwardedFor">The request's <c>X-Forwarded-For</c> headers; read only when proxies are trusted.</param>
    public RateDecision Acquire(RatePolicy policy, IPAddress? connection, IReadOnlyList<string?> forwardedFor)
    {
        if (!_options.Enabled)
        {
            return RateDecision.Allow;
        }

        var partition = PartitionOf(ClientAddress.Resolve(connection, forwardedFor, _options.ForwardedFor));
        using var lease = _limiters[policy].AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return RateDecision.Allow;
        }

        var (permits, window) = _options.Of(policy);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window / permits;
        LogRefused(_logger, policy);
        return new RateDecision(false, retryAfter);
    }

    /// <summary>The partition an address counts in: a keyed hash, never the address.</summary>
    internal string PartitionOf(IPAddress? address) =>
        address is null ? UnknownPartition : Convert.ToHexStringLower(HMACSHA256.HashData(_key, address.GetAddressBytes()).AsSpan(0, 16));

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    /// <summary>
    /// A token bucket per partition: <c>permits</c> at once, one more every <c>window / permits</c>. A failed lease
    /// carries that period as its Retry-After. Partitions that are full again and idle are dropped by the limiter.
    /// </summary>
    private static PartitionedRateLimiter<string> Create((int Permits, TimeSpan Window) limit) =>
        PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Permits,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = limit.Window / limit.Permits,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    [LoggerMessage(Level = LogLevel.Information, Message = "A request was refused: its client reached the {Policy} limit")]
    private static partial void LogRefused(ILogger logger, RatePolicy policy);
}
