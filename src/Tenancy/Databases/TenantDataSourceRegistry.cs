using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LoanSaaS.Tenancy.Databases;

/// <summary>
/// One NpgsqlDataSource per tenant database, with a global budget: Npgsql keeps a pool per connection string,
/// so with hundreds of agencies idle pools alone would exhaust the server. Only the most recently used
/// <see cref="DatabaseOptions.MaxActiveTenantPools"/> tenants keep pooled connections; the others are cleared
/// (idle connections closed now, busy ones closed when returned).
/// </summary>
public sealed class TenantDataSourceRegistry(IOptions<DatabaseOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _sources = new(StringComparer.Ordinal);
    private readonly Lock _budgetLock = new();

    public NpgsqlDataSource ForDatabase(string databaseName)
    {
        var entry = _sources.GetOrAdd(databaseName, name => new Entry(Build(name)));
        var now = time.GetTimestamp();
        var wasActive = Interlocked.Exchange(ref entry.LastUsed, now) != 0;
        if (!wasActive) EnforceBudget(databaseName);
        return entry.Source;
    }

    public int ActivePools => _sources.Values.Count(e => Volatile.Read(ref e.LastUsed) != 0);

    /// <summary>Closes a tenant's pooled connections, e.g. before dropping or renaming its database.</summary>
    public void Clear(string databaseName)
    {
        if (_sources.TryGetValue(databaseName, out var entry))
        {
            Interlocked.Exchange(ref entry.LastUsed, 0);
            entry.Source.Clear();
        }
    }

    private void EnforceBudget(string current)
    {
        var max = Math.Max(1, options.Value.MaxActiveTenantPools);
        lock (_budgetLock)
        {
            var active = _sources.Where(kv => kv.Key != current && Volatile.Read(ref kv.Value.LastUsed) != 0)
                .OrderBy(kv => Volatile.Read(ref kv.Value.LastUsed))
                .ToList();
            foreach (var (name, _) in active.Take(Math.Max(0, active.Count + 1 - max)))
                Clear(name);
        }
    }

    private NpgsqlDataSource Build(string databaseName)
    {
        var o = options.Value;
        var csb = new NpgsqlConnectionStringBuilder(o.TenantServerConnectionString)
        {
            Database = databaseName,
            MaxPoolSize = o.MaxConnectionsPerTenant,
            MinPoolSize = 0,
            ConnectionIdleLifetime = o.IdleConnectionLifetimeSeconds,
            ConnectionPruningInterval = Math.Max(1, Math.Min(10, o.IdleConnectionLifetimeSeconds / 2)),
        };
        return new NpgsqlDataSourceBuilder(csb.ConnectionString).Build();
    }

    public void Dispose()
    {
        foreach (var entry in _sources.Values) entry.Source.Dispose();
        _sources.Clear();
    }

    private sealed class Entry(NpgsqlDataSource source)
    {
        public readonly NpgsqlDataSource Source = source;
        public long LastUsed;
    }
}
