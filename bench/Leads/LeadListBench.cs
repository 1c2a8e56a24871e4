using System.Diagnostics;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.PersonalData;
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
public sealed class LeadListBench(string server, int leadCount, int runs, bool keep)
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
            await MeasureAsync(provider, tenant, user, seed);
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

        async Task TimeAsync(string label, CurrentUser who, LeadListQuery query)
        {
            user.Current = who;
            var times = new List<double>(runs);
            LeadListPage? last = null;
            for (var i = 0; i < runs + 20; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
                var clock = Stopwatch.StartNew();
                last = await scope.ServiceProvider.GetRequiredService<ListLeads>().HandleAsync(query, CancellationToken.None);
                if (i >= 20) times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            var total = last!.TotalIsCapped ? $">{ListLeads.CountLimit}" : last.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Console.WriteLine($"{label,-58} p50 {P(0.50),6:F1} ms  p95 {P(0.95),6:F1} ms  p99 {P(0.99),6:F1} ms  (rows {last.Rows.Count}, total {total})");
        }
    }
}
