using System.Diagnostics;
using LoanSaaS.Bench;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Migrations;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Bench.Scheduler;

/// <summary>
/// 1,000 SQLite agencies, made cheaply: one agency is provisioned through the product (sign-up, migrations, seed,
/// owner), given one lead with a follow-up, and its database file is copied for the others, which are registered in
/// the catalog as Active. Then <see cref="SendReminders"/> — what the "reminders" sweep runs — is timed over all of
/// them: with nothing due, and with <c>due</c> agencies each holding one due follow-up (re-armed between runs, untimed).
/// </summary>
public sealed class SweepBench(int agencies, int due, int runs)
{
    public async Task RunAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "loansaas-sweep-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataDirectory"] = dir };
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole())
            .AddSingleton<LoanSaaS.Infrastructure.Team.ICurrentUserAccessor>(new BenchUser());
        services.AddDataProtection();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            EnvironmentName = "Development", ApplicationName = "LoanSaaS.Bench.Scheduler", ContentRootPath = AppContext.BaseDirectory,
        });
        services.AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<TenantMigrator>().MigrateCatalogAsync(CancellationToken.None);
            var clock = Stopwatch.StartNew();
            var (template, followUpId, ownerId) = await TemplateAsync(provider);
            var all = await CopyAsync(provider, template, agencies - 1);
            all.Insert(0, template);
            Console.WriteLine($"{all.Count} agencies (1 provisioned, {all.Count - 1} copied and registered): {clock.Elapsed.TotalSeconds:F1} s");

            var dueAgencies = all.Take(due).ToList();
            await ArmAsync(provider, all, null);
            var sweep = provider.GetRequiredService<SendReminders>();
            Task<int> Remind() => sweep.HandleAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            await TimeAsync($"sweep over {all.Count} agencies, nothing due", runs, () => Task.CompletedTask, Remind, expected: 0);
            await TimeAsync($"sweep over {all.Count} agencies, {dueAgencies.Count} with a due follow-up", runs,
                () => ArmAsync(provider, dueAgencies, followUpId), Remind, expected: dueAgencies.Count);

            // The pool-reclaim sweep over the same agencies, each with the default rules and its one owned lead.
            var reclaim = provider.GetRequiredService<LoanSaaS.Infrastructure.Reclaim.PoolReclaim>();
            async Task<int> Reclaim() => (await reclaim.HandleAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Reclaimed;
            await TimeAsync($"reclaim sweep over {all.Count} agencies, nothing due", runs, () => ArmReclaimAsync(provider, all, ownerId, due: false), Reclaim, expected: 0);
            await TimeAsync($"reclaim sweep over {all.Count} agencies, {dueAgencies.Count} with a lead uncontacted for 25 h", runs,
                () => ArmReclaimAsync(provider, dueAgencies, ownerId, due: true), Reclaim, expected: dueAgencies.Count);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task TimeAsync(string label, int runs, Func<Task> arrange, Func<Task<int>> sweep, int expected)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await arrange();
            var clock = Stopwatch.StartNew();
            var sent = await sweep();
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (sent != expected) throw new InvalidOperationException($"{label}: sent {sent}, expected {expected}");
        }
        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine($"{label}: first {times[0]:F0} ms; then p50 {Percentile(warm, 0.5):F0} ms, p95 {Percentile(warm, 0.95):F0} ms, max {warm[^1]:F0} ms (n={warm.Count})");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>One agency through the product, with one lead owned by its owner and a follow-up (not due yet).</summary>
    private static async Task<(TenantInfo Tenant, Guid FollowUpId, string OwnerId)> TemplateAsync(IServiceProvider provider)
    {
        var (tenant, owner) = await BenchHost.ProvisionAsync(provider, "sweep-0000");
        await using var scope = provider.GetRequiredService<TenantScopes>().Begin(tenant);
        var captured = await scope.ServiceProvider.GetRequiredService<CaptureLeads>().HandleAsync(
            [new LeadInput { Name = "提醒客户", Mobile = "13912345678" }],
            new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.FillEmpty) { OwnerId = owner.UserId }, CancellationToken.None);
        var followUp = new FollowUp
        {
            LeadId = captured[0].LeadId!.Value, Channel = FollowUpChannel.Phone, Content = "回电", Outcome = FollowUpOutcome.CallBack,
            At = DateTimeOffset.UtcNow, NextAt = DateTimeOffset.UtcNow.AddDays(30), AuthorId = owner.UserId, AuthorName = owner.FullName,
        };
        await using var db = provider.GetRequiredService<ITenantDbContextFactory>().Create(tenant);
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync();
        return (tenant, followUp.Id, owner.UserId);
    }

    private static async Task<List<TenantInfo>> CopyAsync(IServiceProvider provider, TenantInfo template, int count)
    {
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var connector = provider.GetRequiredService<TenantDatabaseConnector>();
        await using var catalog = provider.GetRequiredService<CatalogDbContextFactory>().Create();
        var source = await catalog.Tenants.AsNoTracking().SingleAsync(t => t.Id == template.Id);
        SqliteConnection.ClearAllPools();
        var tenants = new List<Tenant>();
        for (var i = 1; i <= count; i++)
        {
            var slug = $"sweep-{i:D4}";
            var name = connector.DatabaseNameFor(slug);
            File.Copy(options.SqliteTenantPath(template.DatabaseName), options.SqliteTenantPath(name));
            tenants.Add(new Tenant
            {
                Slug = slug, Name = $"提醒机构{i}", Provider = source.Provider, DatabaseName = name, State = TenantState.Active,
                ProvisioningStep = source.ProvisioningStep, SchemaVersion = source.SchemaVersion, WrappedDataKey = source.WrappedDataKey,
                Plan = source.Plan, TrialEndsOn = source.TrialEndsOn, CreatedAt = DateTimeOffset.UtcNow,
            });
        }
        catalog.Tenants.AddRange(tenants);
        await catalog.SaveChangesAsync();
        return tenants.Select(TenantStore.ToInfo).ToList();
    }

    /// <summary>Gives each agency's lead back to its owner: assigned 25 hours ago and never contacted (due), or just now.</summary>
    private static async Task ArmReclaimAsync(IServiceProvider provider, IEnumerable<TenantInfo> tenants, string ownerId, bool due)
    {
        var factory = provider.GetRequiredService<ITenantDbContextFactory>();
        var assigned = due ? DateTimeOffset.UtcNow.AddHours(-25) : DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (tenant, ct) =>
        {
            await using var db = factory.Create(tenant);
            await db.Leads.ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, LeadStatus.Active).SetProperty(l => l.OwnerId, ownerId)
                .SetProperty(l => l.AssignedAt, assigned).SetProperty(l => l.LastFollowUpAt, (DateTimeOffset?)null).SetProperty(l => l.ReclaimWarnedFor, (DateTimeOffset?)null), ct);
            await db.Notifications.ExecuteDeleteAsync(ct);
        });
    }

    /// <summary>Makes the agencies' follow-up due again (or not due, with a null id) and clears the reminders already sent.</summary>
    private static async Task ArmAsync(IServiceProvider provider, IEnumerable<TenantInfo> tenants, Guid? dueFollowUp)
    {
        var factory = provider.GetRequiredService<ITenantDbContextFactory>();
        var next = dueFollowUp is null ? DateTimeOffset.UtcNow.AddDays(30) : DateTimeOffset.UtcNow.AddMinutes(-5);
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (tenant, ct) =>
        {
            await using var db = factory.Create(tenant);
            await db.FollowUps.ExecuteUpdateAsync(s => s.SetProperty(f => f.NextAt, next).SetProperty(f => f.ReminderSentAt, (DateTimeOffset?)null), ct);
            await db.Notifications.ExecuteDeleteAsync(ct);
        });
    }
}
