using System.Diagnostics;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Migrations;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LoanSaaS.Bench.Provisioning;

public sealed class ProvisioningBench(BenchDatabase database)
{
    public async Task RunAsync(int provisions, int agencies, bool measureConnections)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole())
            .AddSingleton<ICurrentUserAccessor, NoUser>();
        services.AddDataProtection();
        services.AddInfrastructure(config);
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<TenantMigrator>().MigrateCatalogAsync(CancellationToken.None);
            Console.WriteLine($"--- {database.Name} ---");
            await ProvisionOneByOneAsync(provider, provisions);
            var tenants = await RegisterDatabasesAsync(provider, agencies);
            await MigrateAllAsync(provider, agencies);
            if (measureConnections) await ActiveLoopAsync(provider, tenants);
        }
        finally
        {
            await database.CleanupAsync();
        }
    }

    /// <summary>The sign-up path: register + create database + migrate + seed + owner, timed per agency.</summary>
    private static async Task ProvisionOneByOneAsync(IServiceProvider provider, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<SignUpAgency>().HandleAsync(
                new SignUpRequest($"基准机构{i}", $"bench-p{i}", "测试负责人", $"1391234{i:0000}", $"owner{i}@bench.test", "Bench2026x"), CancellationToken.None);
            var state = await provider.GetRequiredService<TenantProvisioner>().ProvisionAsync(result.Value, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (state != TenantState.Active) throw new InvalidOperationException("provisioning failed");
        }
        Report($"provision one agency (n={count}, first includes warm-up)", times);
    }

    /// <summary>Creates N empty agency databases registered at step DatabaseCreated, as before a schema roll-out.</summary>
    private static async Task<List<TenantInfo>> RegisterDatabasesAsync(IServiceProvider provider, int count)
    {
        var creator = provider.GetRequiredService<TenantDatabaseCreator>();
        var connector = provider.GetRequiredService<TenantDatabaseConnector>();
        var clock = Stopwatch.StartNew();
        var tenants = new List<Tenant>();
        for (var i = 0; i < count; i++)
            tenants.Add(new Tenant
            {
                Slug = $"bench-m{i}", Name = $"迁移机构{i}", Provider = connector.Provider, DatabaseName = connector.DatabaseNameFor($"bench-m{i}"),
                State = TenantState.Active, ProvisioningStep = ProvisioningStep.DatabaseCreated, CreatedAt = DateTimeOffset.UtcNow,
            });
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (t, ct) => await creator.CreateAsync(t.DatabaseName, ct));
        await using (var db = provider.GetRequiredService<CatalogDbContextFactory>().Create())
        {
            db.Tenants.AddRange(tenants);
            await db.SaveChangesAsync();
        }
        Console.WriteLine($"create {count} empty agency databases: {clock.Elapsed.TotalSeconds:F1} s");
        return tenants.Select(TenantStore.ToInfo).ToList();
    }

    private static async Task MigrateAllAsync(IServiceProvider provider, int count)
    {
        var migrator = provider.GetRequiredService<TenantMigrator>();
        foreach (var (label, parallel) in new[] { ("schema roll-out", 4), ("no-op re-run", 4) })
        {
            var clock = Stopwatch.StartNew();
            var results = await migrator.MigrateTenantsAsync(parallel, null, CancellationToken.None);
            Console.WriteLine($"migrate {results.Count} agencies ({label}, parallel {parallel}): {clock.Elapsed.TotalSeconds:F1} s, failed {results.Count(r => !r.Succeeded)}");
        }
    }

    /// <summary>All agencies active in a loop (8 workers, 3 rounds) while server connections are sampled every 50 ms.</summary>
    private async Task ActiveLoopAsync(IServiceProvider provider, List<TenantInfo> tenants)
    {
        using var stop = new CancellationTokenSource();
        var max = 0;
        var sampler = Task.Run(async () =>
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE datname LIKE '{database.Prefix}%'", conn);
                max = Math.Max(max, (int)(long)(await cmd.ExecuteScalarAsync())!);
                await Task.Delay(50);
            }
        });
        var connector = provider.GetRequiredService<TenantDatabaseConnector>();
        var clock = Stopwatch.StartNew();
        var work = Enumerable.Range(0, 3).SelectMany(_ => tenants).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (t, ct) =>
        {
            await using var db = TenantDbContextFactory.For(connector, t.DatabaseName);
            await db.Users.CountAsync(ct);
        });
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await sampler;
        var registry = provider.GetRequiredService<TenantDataSourceRegistry>();
        Console.WriteLine($"{tenants.Count} agencies active (3 rounds, 8 workers, {work.Count} queries in {elapsed.TotalSeconds:F1} s): max server connections {max}, active pools at end {registry.ActivePools}");
    }

    private static void Report(string label, List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"{label}: median {P(0.5):F0} ms, p95 {P(0.95):F0} ms, min {sorted[0]:F0} ms, max {sorted[^1]:F0} ms");
    }

    private sealed class NoUser : ICurrentUserAccessor
    {
        public Task<CurrentUser?> GetAsync(CancellationToken ct = default) => Task.FromResult<CurrentUser?>(null);
    }
}
