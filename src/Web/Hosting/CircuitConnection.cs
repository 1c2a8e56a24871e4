using Microsoft.AspNetCore.Components.Server.Circuits;

namespace LoanSaaS.Web.Hosting;

/// <summary>
/// Whether this circuit's browser is connected. A closed tab's circuit stays in memory for minutes in case the browser
/// comes back; components that show the user to others (board presence) leave when the connection drops and return
/// when it is restored.
/// </summary>
public sealed class CircuitConnection
{
    public bool IsUp { get; private set; } = true;

    public event Func<bool, Task>? Changed;

    internal async Task SetAsync(bool up)
    {
        if (IsUp == up) return;
        IsUp = up;
        if (Changed is { } changed) await changed(up);
    }
}

/// <summary>Feeds <see cref="CircuitConnection"/> from Blazor's circuit events.</summary>
public sealed class CircuitConnectionHandler(CircuitConnection connection) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => connection.SetAsync(false);

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => connection.SetAsync(true);
}
