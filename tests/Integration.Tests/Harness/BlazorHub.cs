using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>A real SignalR client (HubConnection) to the Blazor hub at /_blazor of one host, over the loopback handler.</summary>
public static class BlazorHub
{
    public static async Task ConnectAsync(int port, string host, string sessionCookie)
    {
        await using var connection = Build(port, host, sessionCookie);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await connection.StartAsync(timeout.Token);
    }

    /// <summary>Connects and reports how far it got: StatusCode is set when the HTTP side (negotiate) was refused.</summary>
    public static async Task<HubOutcome> TryConnectAsync(int port, string host, string sessionCookie)
    {
        try
        {
            await ConnectAsync(port, host, sessionCookie);
            return new HubOutcome(true, null, null);
        }
        catch (HttpRequestException e) when (e.StatusCode is not null)
        {
            return new HubOutcome(false, e.StatusCode, e.Message);
        }
        catch (Exception e) when (e is not HttpRequestException)
        {
            // Past negotiation: e.g. the handshake of a protocol the Blazor hub does not speak.
            return new HubOutcome(false, null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static HubConnection Build(int port, string host, string sessionCookie) => new HubConnectionBuilder()
        .WithUrl($"http://{host}:{port}/_blazor", o =>
        {
            o.HttpMessageHandlerFactory = _ => LoopbackHandler.Create(port, null);
            o.Headers["Cookie"] = $"{AppHost.SessionCookie}={sessionCookie}";
            // Long polling runs over the same HttpClient (and so over the loopback handler); WebSockets would resolve the host itself.
            o.Transports = HttpTransportType.LongPolling;
        })
        .Build();
}

public sealed record HubOutcome(bool Connected, HttpStatusCode? StatusCode, string? Error);
