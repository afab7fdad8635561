using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using NearMiss.Core.Abuse;

namespace NearMiss.Tests.Abuse;

public sealed class ClientAddressTests
{
    private static readonly IPAddress Connection = IPAddress.Parse("192.0.2.1");

    [Fact]
    public void NoTrustedProxy_UsesTheConnection_AndIgnoresTheHeader()
    {
        Assert.Equal(Connection, ClientAddress.Resolve(Connection, ["198.51.100.7"], 0));
    }

    [Fact]
    public void OneTrustedProxy_UsesTheEntryItAppended_NotTheClientsLeftmostOnes()
    {
        Assert.Equal(IPAddress.Parse("203.0.113.9"), ClientAddress.Resolve(Connection, ["198.51.100.7, 10.0.0.1, 203.0.113.9"], 1));
    }

    [Fact]
    public void TwoTrustedProxies_CountFromTheRight_AcrossRepeatedHeaders()
    {
        Assert.Equal(IPAddress.Parse("203.0.113.9"), ClientAddress.Resolve(Connection, ["198.51.100.7", "203.0.113.9", "10.0.0.1"], 2));
    }

    [Theory]
    [InlineData("203.0.113.9:51234", "203.0.113.9")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::")]
    [InlineData("[2001:db8:1:2::1]:443", "2001:db8:1:2::")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    public void Entries_WithPortsOrBrackets_AreAddresses(string entry, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), ClientAddress.Resolve(Connection, [entry], 1));
    }

    [Fact]
    public void FewerEntriesThanTrustedProxies_UsesTheConnection()
    {
        Assert.Equal(Connection, ClientAddress.Resolve(Connection, [], 1));
        Assert.Equal(Connection, ClientAddress.Resolve(Connection, ["203.0.113.9"], 2));
    }

    [Fact]
    public void TrustedEntryThatIsNoAddress_IsUnknown()
    {
        Assert.Null(ClientAddress.Resolve(Connection, ["unknown"], 1));
        Assert.Null(ClientAddress.Resolve(null, [], 0));
    }

    [Fact]
    public void Ipv6_CountsByItsSlash64_AndMappedIpv4AsIpv4()
    {
        Assert.Equal(IPAddress.Parse("2001:db8:aa:bb::"), ClientAddress.Normalize(IPAddress.Parse("2001:db8:aa:bb:1234:5678:9abc:def0")));
        Assert.Equal(IPAddress.Parse("203.0.113.9"), ClientAddress.Normalize(IPAddress.Parse("::ffff:203.0.113.9")));
        Assert.Equal(IPAddress.Parse("203.0.113.9"), ClientAddress.Normalize(IPAddress.Parse("203.0.113.9")));
    }

    /// <summary>
    /// The Functions host forwards each request to the worker from loopback with <c>X-Forwarded-For</c> set (not
    /// appended) to the address it took the request from; the worker's ASP.NET Core integration runs the
    /// forwarded-headers middleware (all headers, trusting loopback), which moves that entry into the connection and
    /// drops the header. One trusted proxy finds the same address whether or not the middleware ran.
    /// </summary>
    [Fact]
    public async Task OneTrustedProxy_FindsTheHostsEntry_WhetherOrNotTheWorkerMovedItIntoTheConnection()
    {
        static HttpContext Forwarded()
        {
            var context = new DefaultHttpContext();
            context.Connection.RemoteIpAddress = IPAddress.Loopback;
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.9:50412";
            return context;
        }

        var untouched = Forwarded();
        var moved = Forwarded();
        var middleware = new ForwardedHeadersMiddleware(
            _ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All }));
        await middleware.Invoke(moved);

        Assert.Equal(IPAddress.Parse("203.0.113.9"), moved.Connection.RemoteIpAddress);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), ClientAddress.Resolve(untouched.Connection.RemoteIpAddress, untouched.Request.Headers["X-Forwarded-For"], 1));
        Assert.Equal(IPAddress.Parse("203.0.113.9"), ClientAddress.Resolve(moved.Connection.RemoteIpAddress, moved.Request.Headers["X-Forwarded-For"], 1));
    }
}
