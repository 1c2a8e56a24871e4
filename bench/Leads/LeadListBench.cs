using System.Diagnostics;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Migrations;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LoanSaaS.Bench.Leads;

/// <summary>
/// Fills one PostgreSQL agency with N leads by binary COPY, then times the product's own ListLeads use case (count
/// capped at 1,001 + first page + tags + owner names) for the common list shapes, as different members.
/// </summary>
public sealed class LeadListBench(string server, int leadCount, int runs, bool keep, bool pools = false)
{
    private readonly string _prefix = "lbench_" + Guid.NewGuid().ToString("N")[..6] + "_";

    public async Task RunAsync()
    {
        var user = new BenchUser();
        var services = BenchHost.Services(server, _prefix, user, "LoanSaaS.Bench.Leads");
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<TenantMigrator>().MigrateCatalogAsync(CancellationToken.None);
            var tenant = await ProvisionAsync(provider);
            var protector = await provider.GetRequiredService<TenantKeyRing>().ForAsync(tenant.Id, CancellationToken.None);
            var database = new NpgsqlConnectionStringBuilder(server) { Database = tenant.DatabaseName, CommandTimeout = 0 }.ConnectionString;
            var seed = await LeadCopy.FillAsync(database, provider, tenant, protector, leadCount);
            if (pools) await MeasurePoolsAsync(provider, tenant, user, seed);
            else await MeasureAsync(provider, tenant, user, seed);
        }
        finally
        {
            if (!keep) await BenchHost.DropDatabasesAsync(server, _prefix);
            else Console.WriteLine($"kept databases {_prefix}*");
        }
    }

    private static async Task<TenantInfo> ProvisionAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var signUp = await scope.ServiceProvider.GetRequiredService<SignUpAgency>().HandleAsync(
            new SignUpRequest("基准线索机构", "bench-leads", "测试负责人", "13912349999", "owner@bench.test", "Bench2026x"), CancellationToken.None);
        if (!signUp.Succeeded) throw new InvalidOperationException(string.Join(", ", signUp.Errors));
        if (await provider.GetRequiredService<TenantProvisioner>().ProvisionAsync(signUp.Value, CancellationToken.None) != TenantState.Active)
            throw new InvalidOperationException("provisioning failed");
        await using var catalog = provider.GetRequiredService<CatalogDbContextFactory>().Create();
        return TenantStore.ToInfo(await catalog.Tenants.SingleAsync(t => t.Id == signUp.Value));
    }

    private async Task MeasureAsync(IServiceProvider provider, TenantInfo tenant, BenchUser user, SeedResult seed)
    {
        var owner = new CurrentUser(seed.OwnerId, "负责人", AgencyRole.Owner, DataScope.All, null, AgencyRoles.PermissionsOf(AgencyRole.Owner));
        var manager = new CurrentUser(seed.Manager.Id, "经理", AgencyRole.Manager, DataScope.Team, seed.Manager.TeamId, AgencyRoles.PermissionsOf(AgencyRole.Manager));
        var sales = new CurrentUser(seed.Sales.Id, "销售", AgencyRole.Sales, DataScope.Own, seed.Sales.TeamId, AgencyRoles.PermissionsOf(AgencyRole.Sales));
        var byCreated = new LeadListQuery { View = LeadView.Leads, Sort = LeadSort.Created, Descending = true, PageSize = 20 };
        Console.WriteLine($"--- ListLeads first page (20 rows + capped count), {runs} runs each after 20 warm-up runs ---");

        await TimeAsync("owner: 意向客户, created desc", owner, byCreated);
        await TimeAsync("owner: filter owner = one salesperson, created desc", owner, byCreated with { OwnerId = seed.Sales.Id });
        await TimeAsync("owner: filter intent A + source, created desc", owner, byCreated with { Intent = Domain.Leads.IntentLevel.A, Source = "platform" });
        await TimeAsync("owner: 公海 (pool), created desc", owner, byCreated with { View = LeadView.Pool });
        await TimeAsync("owner: 客户 (customers), created desc", owner, byCreated with { View = LeadView.Customers });
        await TimeAsync("owner: sort by name", owner, byCreated with { Sort = LeadSort.Name, Descending = false });
        await TimeAsync("manager (team scope): created desc", manager, byCreated);
        await TimeAsync("sales (own scope): created desc", sales, byCreated);
        await TimeAsync("owner: search name prefix", owner, byCreated with { Search = seed.SampleName[..2] });
        await TimeAsync("owner: search exact mobile", owner, byCreated with { Search = seed.SampleMobile });
        await TimeAsync("sales: search exact mobile", sales, byCreated with { Search = seed.SampleMobile });
        await TimeAsync("owner: 黑名单 (blacklist), created desc", owner, byCreated with { View = LeadView.Blacklist });
        await TimeAsync("manager: 客户 (customers), created desc", manager, byCreated with { View = LeadView.Customers });
        await TimeAsync("sales: 客户 (customers), created desc", sales, byCreated with { View = LeadView.Customers });
        await TimeAsync("sales: 公海 (pool), created desc", sales, byCreated with { View = LeadView.Pool });
        await TimeAsync("owner: created within the last 30 days", owner, byCreated with { CreatedFrom = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)) });

        Task TimeAsync(string label, CurrentUser who, LeadListQuery query) => Timed(provider, tenant, user, label, who, async services =>
        {
            var page = await services.GetRequiredService<ListLeads>().HandleAsync(query, CancellationToken.None);
            return $"rows {page.Rows.Count}, total {(page.TotalIsCapped ? $">{ListLeads.CountLimit}" : page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
        });
    }

    /// <summary>A 5-clause customer pool: its live count (what the pools page shows) and the first page of its list.</summary>
    private async Task MeasurePoolsAsync(IServiceProvider provider, TenantInfo tenant, BenchUser user, SeedResult seed)
    {
        var owner = new CurrentUser(seed.OwnerId, "负责人", AgencyRole.Owner, DataScope.All, null, AgencyRoles.PermissionsOf(AgencyRole.Owner));
        var manager = new CurrentUser(seed.Manager.Id, "经理", AgencyRole.Manager, DataScope.Team, seed.Manager.TeamId, AgencyRoles.PermissionsOf(AgencyRole.Manager));
        var sales = new CurrentUser(seed.Sales.Id, "销售", AgencyRole.Sales, DataScope.Own, seed.Sales.TeamId, AgencyRoles.PermissionsOf(AgencyRole.Sales));
        var condition = ConditionGroup.AllOf(
            Comparison.Of("Intent", ConditionOperator.In, "A", "B"), Comparison.Of("AmountWan", ConditionOperator.GreaterOrEqual, "100"),
            Comparison.Of("Source", ConditionOperator.In, "platform", "referral"), Comparison.Of("CreatedAt", ConditionOperator.WithinLastDays, "365"),
            Comparison.Of("Tags", ConditionOperator.Contains, "有房"));
        user.Current = owner;
        Guid pool;
        await using (var scope = provider.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
            pool = (await scope.ServiceProvider.GetRequiredService<SavePool>().HandleAsync(new SavePoolRequest(null, 0, "基准池", null, condition), CancellationToken.None)).Value;
        }
        await using (var scope = provider.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
            await using var db = scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().Create();
            Console.WriteLine("count SQL (owner):\n" + PoolMembers.Of(db.Leads.AsNoTracking().VisibleUnmerged(owner), condition, LeadConditions.Schema, DateTimeOffset.UtcNow).Select(l => l.Id).ToQueryString());
        }
        Console.WriteLine($"--- 5-clause pool (intent ∈ A,B; amount ≥ 100; source ∈ 2; created within 365 days; tag 有房), {runs} runs each after 20 warm-up runs ---");
        foreach (var (label, who) in new[] { ("owner (all)", owner), ("manager (team)", manager), ("sales (own)", sales) })
        {
            await Timed(provider, tenant, user, $"{label}: count (PreviewPool)", who, async services =>
                $"count {(await services.GetRequiredService<PreviewPool>().HandleAsync(condition, CancellationToken.None)).Value}");
            await Timed(provider, tenant, user, $"{label}: list first page of the pool", who, async services =>
                $"rows {(await services.GetRequiredService<ListLeads>().HandleAsync(new LeadListQuery { View = LeadView.Leads, PoolId = pool }, CancellationToken.None)).Rows.Count}");
        }
        await Timed(provider, tenant, user, "owner: pools page (3 seeded + this pool, one COUNT each)", owner, async services =>
            $"pools {(await services.GetRequiredService<ListPools>().HandleAsync(CancellationToken.None)).Pools.Count}");
    }

    private async Task Timed(IServiceProvider provider, TenantInfo tenant, BenchUser user, string label, CurrentUser who, Func<IServiceProvider, Task<string>> run)
    {
        user.Current = who;
        var times = new List<double>(runs);
        var result = "";
        for (var i = 0; i < runs + 20; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
            var clock = Stopwatch.StartNew();
            result = await run(scope.ServiceProvider);
            if (i >= 20) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine($"{label,-58} p50 {P(0.50),6:F1} ms  p95 {P(0.95),6:F1} ms  p99 {P(0.99),6:F1} ms  ({result})");
    }
}
