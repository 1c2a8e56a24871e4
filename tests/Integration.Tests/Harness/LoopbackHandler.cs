using System.Net;
using System.Net.Sockets;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>
/// .NET does not resolve *.localhost, so every connection dials 127.0.0.1:port whatever the URL's host;
/// the Host header keeps the agency host (e.g. "acme.localhost:PORT"), exactly as a browser sends it.
/// </summary>
public static class LoopbackHandler
{
    public static SocketsHttpHandler Create(int port, CookieContainer? cookies) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
