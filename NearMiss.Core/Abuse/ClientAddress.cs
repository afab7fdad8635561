using System.Net;
using System.Net.Sockets;

namespace NearMiss.Core.Abuse;

/// <summary>
/// Which address a request counts against. Only the connection's address, or an entry a trusted proxy appended to
/// <c>X-Forwarded-For</c>, is believed: entries a client can write (everything left of the trusted ones) never are.
/// </summary>
public static class ClientAddress
{
    /// <summary>
    /// The client's address: with <paramref name="trustedProxies"/> = 0 the connection's; otherwise the entry of
    /// <paramref name="forwardedFor"/> that many places from the right, or the connection's when the header has
    /// fewer entries. Null when there is none, or when the trusted entry is not an address.
    /// </summary>
    /// <param name="forwardedFor">Every <c>X-Forwarded-For</c> header of the request, in order.</param>
    public static IPAddress? Resolve(IPAddress? connection, IReadOnlyList<string?> forwardedFor, int trustedProxies)
    {
        if (trustedProxies <= 0)
        {
            return Normalize(connection);
        }

        var entries = forwardedFor
            .SelectMany(header => (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (entries.Count < trustedProxies)
        {
            return Normalize(connection);
        }

        return Parse(entries[^trustedProxies]) is { } address ? Normalize(address) : null;
    }

    /// <summary>
    /// The form an address is counted in: IPv4-mapped IPv6 as IPv4, and IPv6 cut to its /64 network, because one
    /// host or home router usually holds a whole /64 and could otherwise take a fresh address for every request.
    /// </summary>
    public static IPAddress? Normalize(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    /// <summary>An entry as proxies write it: <c>203.0.113.9</c>, <c>203.0.113.9:51234</c>, <c>2001:db8::1</c> or <c>[2001:db8::1]:443</c>.</summary>
    private static IPAddress? Parse(string entry)
    {
        if (IPAddress.TryParse(entry, out var address))
        {
            return address;
        }

        return IPEndPoint.TryParse(entry, out var endPoint) ? endPoint.Address : null;
    }
}
