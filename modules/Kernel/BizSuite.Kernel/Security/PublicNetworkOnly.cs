using System.Net;
using System.Net.Sockets;

namespace BizSuite.Kernel;

/// <summary>
/// Connects outbound calls a tenant configures (webhooks, automation rules) to public addresses only: a tenant must not make the server call what only the server
/// can reach (its own host, the cloud's metadata service, the office network). Checked on the address actually
/// connected to, so a name that resolves inward is refused as well as a literal private address.
/// </summary>
public static class PublicNetworkOnly
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var address = addresses.FirstOrDefault(a => !IsPrivate(a))
                      ?? throw new HttpRequestException($"{host} is on a private network; tenant-configured calls go to public addresses only.");
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Loopback, private (RFC 1918, unique local), link-local, shared (100.64/10), unspecified and multicast addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                   || address.Equals(IPAddress.IPv6Any);
        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or >= 224
               || (b[0] == 172 && b[1] is >= 16 and <= 31)
               || (b[0] == 192 && b[1] == 168)
               || (b[0] == 169 && b[1] == 254)
               || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
