namespace LoanSaaS.Tenancy.Live;

/// <summary>Someone looking at a topic's page (a board): one entry per browser tab, listed once per person.</summary>
public sealed record PresenceEntry(string UserId, string Name);

/// <summary>
/// Who is looking at a topic right now, across nodes. Joining and leaving publish <see cref="Changed"/> on the topic;
/// viewers then list it again. Entries of a node that died without leaving expire.
/// </summary>
public interface IPresence
{
    public static readonly LiveMessage Changed = new("presence");

    /// <summary>Present until the result is disposed.</summary>
    Task<IAsyncDisposable> JoinAsync(LiveTopic topic, string connectionId, PresenceEntry who, CancellationToken ct);

    /// <summary>Everyone present, each person once, in the order they arrived.</summary>
    Task<IReadOnlyList<PresenceEntry>> ListAsync(LiveTopic topic, CancellationToken ct);
}
