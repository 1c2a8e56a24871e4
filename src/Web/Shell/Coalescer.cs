namespace LoanSaaS.Web.Shell;

/// <summary>
/// Turns a burst of live events into one reload: the first request starts a timer, later ones until it fires join it
/// (an import publishes every batch). Requests and the reload run on the component's dispatcher.
/// </summary>
public sealed class Coalescer(TimeProvider time, TimeSpan delay, Func<Func<Task>, Task> dispatch, Func<Task> reload) : IDisposable
{
    private ITimer? _pending;

    /// <summary>Call on the component's dispatcher (inside InvokeAsync).</summary>
    public void Request()
    {
        if (_pending is not null) return;
        _pending = time.CreateTimer(_ => _ = dispatch(async () =>
        {
            _pending?.Dispose();
            _pending = null;
            await reload();
        }), null, delay, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _pending?.Dispose();
}
