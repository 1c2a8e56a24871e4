using System.Threading.Channels;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>Tells this node's <see cref="AutomationEventWorker"/> that an agency saved automation events (the sweep covers other nodes and crashes).</summary>
public sealed class AutomationSignal
{
    private readonly Channel<TenantInfo> _channel = Channel.CreateUnbounded<TenantInfo>(new UnboundedChannelOptions { SingleReader = true });

    public void Raise(TenantInfo agency) => _channel.Writer.TryWrite(agency);

    internal ChannelReader<TenantInfo> Reader => _channel.Reader;
}

/// <summary>Hooks agency contexts so they record automation events: depth 0 for people's requests, one deeper for each rule run.</summary>
public sealed class AutomationHooks(AutomationTriggerCache cache, AutomationSignal signal, TimeProvider time)
{
    public Persistence.AgencyDbContext Attach(Persistence.AgencyDbContext db, TenantInfo agency, int depth)
    {
        db.Automation = new AutomationEventRecorder(cache, signal, agency, depth, time);
        return db;
    }

    public AutomationTriggerCache Cache => cache;
}
