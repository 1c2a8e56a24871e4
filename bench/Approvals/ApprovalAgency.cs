using System.Globalization;
using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Migrations;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Bench.Approvals;

/// <summary>
/// The product's infrastructure in process (<c>AddInfrastructure</c>, no web host, no Quartz): on SQLite files in a temp
/// folder by default, or on a PostgreSQL server (its own catalog and database-name prefix, dropped at the end).
/// Use cases run as <see cref="User"/>, switched between members.
/// </summary>
public sealed class ApprovalHost : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string _prefix;
    private readonly string _dir;

    private ApprovalHost(ServiceProvider provider, BenchUser user, string? server, string prefix, string dir) =>
        (Provider, User, _server, _prefix, _dir) = (provider, user, server, prefix, dir);

    public ServiceProvider Provider { get; }

    public BenchUser User { get; }

    public static async Task<ApprovalHost> StartAsync(string? postgres, string name)
    {
        var prefix = "abench_" + Guid.NewGuid().ToString("N")[..6] + "_";
        var user = new BenchUser();
        var dir = Path.Combine(Path.GetTempPath(), postgres is null ? $"loansaas-{name}-" + Guid.NewGuid().ToString("N")[..8] : prefix);
        IServiceCollection services;
        if (postgres is not null)
            services = BenchHost.Services(postgres, prefix, user, "LoanSaaS.Bench.Approvals");
        else
        {
            var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataDirectory"] = dir };
            services = new ServiceCollection()
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole())
                .AddSingleton<ICurrentUserAccessor>(user);
            services.AddDataProtection();
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
            {
                EnvironmentName = "Development", ApplicationName = "LoanSaaS.Bench.Approvals", ContentRootPath = AppContext.BaseDirectory,
            });
            services.AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        }

        var provider = services.BuildServiceProvider();
        var host = new ApprovalHost(provider, user, postgres, prefix, dir);
        try
        {
            await provider.GetRequiredService<TenantMigrator>().MigrateCatalogAsync(CancellationToken.None);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        if (_server is not null) await BenchHost.DropDatabasesAsync(_server, _prefix);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}

/// <summary>
/// One agency provisioned through the product (sign-up, migrations, seed with the sample flow 业务经理初审 → 风控复审 →
/// (金额 > 50万 → 总经理终审) → 财务放款确认, owner), with a team holding a sales member and its manager (the first
/// step's approver: the applicant's manager), a risk reviewer and finance (so approved tasks move on), the product
/// 房产抵押经营贷, and the admission rules switched off (the bench's customers have no documents uploaded).
/// </summary>
public sealed class BenchAgency
{
    private const string Password = "Bench2026x";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ApprovalHost _host;

    private BenchAgency(ApprovalHost host, TenantInfo tenant, CurrentUser owner) => (_host, Tenant, Owner) = (host, tenant, owner);

    public TenantInfo Tenant { get; }
    public CurrentUser Owner { get; }
    public CurrentUser Sales { get; private set; } = default!;
    public CurrentUser Manager { get; private set; } = default!;
    public Guid ProductId { get; private set; }

    public static async Task<BenchAgency> CreateAsync(ApprovalHost host, string slug)
    {
        var (tenant, owner) = await BenchHost.ProvisionAsync(host.Provider, slug);
        var agency = new BenchAgency(host, tenant, owner);
        host.User.Current = owner;
        Guid teamId;
        await using (var scope = agency.Scope())
        {
            var team = await scope.ServiceProvider.GetRequiredService<ManageTeams>().SaveAsync(new SaveTeamRequest(null, "审批基准组", null), Ct);
            teamId = Check(team, "team");
        }
        agency.Sales = await agency.AddAsync("销售员甲", "13900000001", AgencyRole.Sales, teamId);
        agency.Manager = await agency.AddAsync("业务经理乙", "13900000002", AgencyRole.Manager, teamId);
        await agency.AddAsync("风控专员丙", "13900000003", AgencyRole.RiskReviewer, null);
        await agency.AddAsync("财务专员丁", "13900000004", AgencyRole.Finance, null);

        await using var db = agency.Db();
        await db.AdmissionRules.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsEnabled, false));
        agency.ProductId = await db.LoanProducts.Where(p => p.Code == SampleProducts.MortgageCode).Select(p => p.Id).SingleAsync();
        return agency;
    }

    public AsyncServiceScope Scope() => _host.Provider.GetRequiredService<TenantScopes>().Begin(Tenant);

    public AgencyDbContext Db() => _host.Provider.GetRequiredService<ITenantDbContextFactory>().Create(Tenant);

    private async Task<CurrentUser> AddAsync(string name, string mobile, AgencyRole role, Guid? teamId)
    {
        _host.User.Current = Owner;
        await using var scope = Scope();
        var added = await scope.ServiceProvider.GetRequiredService<AddMember>().HandleAsync(
            new AddMemberRequest(name, mobile, $"{role.ToString().ToLowerInvariant()}-{mobile[^4..]}@bench.test", role, teamId, Password), Ct);
        var member = Check(added, "member " + name);
        return new CurrentUser(member.UserId, name, role, AgencyRoles.ScopeOf(role), teamId, AgencyRoles.PermissionsOf(role));
    }

    /// <summary>
    /// <paramref name="count"/> customers of the sales member, each through the product: captured as a lead it owns,
    /// converted (客户编号), and given a draft 进件 (60 万, 36 期, 等额本息) — returned as (id, version) to submit.
    /// </summary>
    public async Task<List<(Guid Id, long Version)>> DraftsAsync(int count)
    {
        _host.User.Current = Sales;
        await using var scope = Scope();
        var sp = scope.ServiceProvider;
        var leads = new List<Guid>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(500))
        {
            var captured = await sp.GetRequiredService<CaptureLeads>().HandleAsync(
                batch.Select(i => new LeadInput { Name = "进件客户" + i.ToString(CultureInfo.InvariantCulture), Mobile = "137" + i.ToString("D8", CultureInfo.InvariantCulture) }).ToList(),
                new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.Skip) { OwnerId = Sales.UserId }, Ct);
            leads.AddRange(captured.Select(c => c.Outcome == CaptureOutcome.Created ? c.LeadId!.Value : throw new InvalidOperationException($"lead not created: {c.Outcome}")));
        }

        var drafts = new List<(Guid, long)>();
        foreach (var lead in leads)
        {
            Check(await sp.GetRequiredService<ConvertToCustomer>().HandleAsync(lead, Ct), "convert");
            var created = await sp.GetRequiredService<CreateApplication>().HandleAsync(
                new CreateApplicationRequest(lead, ProductId, new ApplicationInput(60m, 36, RepaymentMethod.EqualInstallment, "经营周转")), Ct);
            drafts.Add((Check(created, "application"), 1));
        }
        return drafts;
    }

    /// <summary>The real 提交审批 as the sales member (admission rules, the approval flow's start, the card's move, live events).</summary>
    public async Task SubmitAsync(AsyncServiceScope salesScope, Guid applicationId, long version)
    {
        _host.User.Current = Sales;
        var submitted = await salesScope.ServiceProvider.GetRequiredService<SubmitApplication>().HandleAsync(new SubmitApplicationRequest(applicationId, version), Ct);
        Check(submitted, "submit");
    }

    public static T Check<T>(Result<T> result, string what) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"{what}: {string.Join(", ", result.Errors.Select(e => $"{e.Field}.{e.Code}"))}");

    public static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
