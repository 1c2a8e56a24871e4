namespace LoanSaaS.Tenancy.Live;

/// <summary>A channel of live events: per agency (TenantId) or platform-wide (TenantId null), e.g. "board:42", "user:{id}".</summary>
public sealed record LiveTopic(Guid? TenantId, string Name)
{
    public override string ToString() => $"{TenantId?.ToString("N") ?? "platform"}/{Name}";
}

/// <summary>Carries ids, versions and non-sensitive fields only (DESIGN §4); receivers reload what they may see.</summary>
public sealed record LiveMessage(string Kind, IReadOnlyDictionary<string, string>? Data = null)
{
    public string? this[string key] => Data is not null && Data.TryGetValue(key, out var v) ? v : null;
}

/// <summary>Publish/subscribe across circuits and nodes. Publish after the change is committed.</summary>
public interface ILiveEvents
{
    Task PublishAsync(LiveTopic topic, LiveMessage message, CancellationToken ct = default);

    /// <summary>The handler runs on a pool thread; a component marshals with InvokeAsync. Dispose to unsubscribe.</summary>
    IDisposable Subscribe(LiveTopic topic, Func<LiveMessage, Task> handler);
}
