namespace LoanSaaS.Tenancy.Live;

/// <summary>Leaves a topic when disposed, once, however often it is disposed.</summary>
public sealed class PresenceLeave(Func<Task> leave) : IAsyncDisposable
{
    private int _left;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0) await leave();
    }
}
