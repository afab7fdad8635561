using System.Net;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using NearMiss.Core.Abuse;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Abuse;

public sealed class RequestRateLimitsTests
{
    private static readonly IPAddress First = IPAddress.Parse("203.0.113.10");
    private static readonly IPAddress Second = IPAddress.Parse("198.51.100.20");

    private static RequestRateLimits Limits(Action<RateLimitOptions>? configure = null, ILoggerProvider? logs = null)
    {
        var options = new RateLimitOptions { SubmissionPermits = 3, SubmissionWindowMinutes = 60, LookupPermits = 2, LookupWindowMinutes = 10 };
        configure?.Invoke(options);
        var factory = LoggerFactory.Create(builder =>
        {
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        return new RequestRateLimits(Options.Create(options), factory.CreateLogger<RequestRateLimits>());
    }

    private static RateDecision Acquire(RequestRateLimits limits, IPAddress? address, RatePolicy policy = RatePolicy.Submission, params string[] forwardedFor) =>
        limits.Acquire(policy, address, forwardedFor);

    [Fact]
    public void OneAddress_GetsItsPermits_ThenIsRefused_WhileAnotherAddressIsNot()
    {
        using var limits = Limits();

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(Acquire(limits, First).Allowed));
        var refused = Acquire(limits, First);

        Assert.False(refused.Allowed);
        Assert.True(Acquire(limits, Second).Allowed);
    }

    [Fact]
    public void Refusal_SaysWhenTheNextPermitComes_FromTheLease()
    {
        using var limits = Limits();
        for (var i = 0; i < 3; i++)
        {
            Acquire(limits, First);
        }

        // 3 permits refilled evenly over 60 minutes: one every 20 minutes.
        Assert.Equal(TimeSpan.FromMinutes(20), Acquire(limits, First).RetryAfter);
    }

    [Fact]
    public void Policies_AreSeparateBudgets()
    {
        using var limits = Limits();
        for (var i = 0; i < 3; i++)
        {
            Acquire(limits, First);
        }

        Assert.False(Acquire(limits, First).Allowed);
        Assert.True(Acquire(limits, First, RatePolicy.ReceiptLookup).Allowed);
        Assert.True(Acquire(limits, First, RatePolicy.SignIn).Allowed);
    }

    [Fact]
    public void Disabled_RefusesNothing()
    {
        using var limits = Limits(o => o.Enabled = false);

        Assert.All(Enumerable.Range(0, 50), _ => Assert.True(Acquire(limits, First).Allowed));
    }

    [Fact]
    public void SpoofedForwardedFor_DoesNotEscapeTheLimit()
    {
        using var limits = Limits(o => o.ForwardedFor = 1);

        // The client writes anything it likes on the left; the trusted proxy appends the address it saw.
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Acquire(limits, IPAddress.Loopback, RatePolicy.Submission, $"10.9.8.{i}, 203.0.113.10").Allowed);
        }

        Assert.False(Acquire(limits, IPAddress.Loopback, RatePolicy.Submission, "10.9.8.99, 203.0.113.10").Allowed);
        Assert.True(Acquire(limits, IPAddress.Loopback, RatePolicy.Submission, "203.0.113.10, 198.51.100.20").Allowed);
    }

    [Fact]
    public void WithoutTrustedProxies_TheHeaderIsIgnored()
    {
        using var limits = Limits();

        for (var i = 0; i < 3; i++)
        {
            Assert.True(Acquire(limits, First, RatePolicy.Submission, $"198.51.100.{i}").Allowed);
        }

        Assert.False(Acquire(limits, First, RatePolicy.Submission, "198.51.100.200").Allowed);
    }

    [Fact]
    public void Ipv6AddressesOfOneSlash64_ShareABudget()
    {
        using var limits = Limits();

        for (var i = 1; i <= 3; i++)
        {
            Assert.True(Acquire(limits, IPAddress.Parse($"2001:db8:aa:bb::{i}")).Allowed);
        }

        Assert.False(Acquire(limits, IPAddress.Parse("2001:db8:aa:bb:ffff::4")).Allowed);
        Assert.True(Acquire(limits, IPAddress.Parse("2001:db8:aa:cc::1")).Allowed);
    }

    [Fact]
    public void UnknownAddresses_ShareOneBudget()
    {
        using var limits = Limits();

        for (var i = 0; i < 3; i++)
        {
            Assert.True(Acquire(limits, null).Allowed);
        }

        Assert.False(Acquire(limits, null).Allowed);
    }

    [Fact]
    public void Partitions_AreKeyedHashes_NotAddresses_AndDifferInEveryProcess()
    {
        using var limits = Limits();
        using var another = Limits();

        var partition = limits.PartitionOf(First);

        Assert.Matches("^[0-9a-f]{32}$", partition);
        Assert.DoesNotContain(First.ToString(), partition); // (not a piece of it either: "203" turns up by chance in about one hash of 140)
        Assert.DoesNotContain(Convert.ToHexStringLower(First.GetAddressBytes()), partition);
        Assert.Equal(partition, limits.PartitionOf(IPAddress.Parse("203.0.113.10")));
        Assert.NotEqual(partition, limits.PartitionOf(Second));
        Assert.NotEqual(partition, another.PartitionOf(First));
    }

    [Fact]
    public void Refusal_IsLoggedWithoutTheAddress()
    {
        var logs = new CapturedLogs();
        using var limits = Limits(logs: logs);
        var address = IPAddress.Parse("203.0.113.177");
        for (var i = 0; i < 4; i++)
        {
            Acquire(limits, address);
        }

        var line = Assert.Single(logs.Lines);
        Assert.Contains("Submission", line);
        Assert.DoesNotContain("203.0.113.177", line);
        Assert.DoesNotContain(limits.PartitionOf(address), line);
    }

    [Fact]
    public void Settings_BindFromSectionNearMissRateLimits()
    {
        var settings = TestServices.Settings("UseDevelopmentStorage=true");
        settings["NearMiss:RateLimits:Enabled"] = "false";
        settings["NearMiss:RateLimits:ForwardedFor"] = "1";
        settings["NearMiss:RateLimits:SignInPermits"] = "7";
        using var services = TestServices.Create(settings);

        var options = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;

        Assert.False(options.Enabled);
        Assert.Equal(1, options.ForwardedFor);
        Assert.Equal((7, TimeSpan.FromMinutes(15)), options.Of(RatePolicy.SignIn));
        Assert.Equal((30, TimeSpan.FromHours(1)), options.Of(RatePolicy.Submission));
        Assert.Equal((60, TimeSpan.FromMinutes(10)), options.Of(RatePolicy.ReceiptLookup));
    }
}
