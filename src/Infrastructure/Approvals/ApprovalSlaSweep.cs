using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Scheduling;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>"Approvals:Sla": how often the SLA sweep runs, or not at all on this node.</summary>
public sealed class ApprovalSlaOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary><see cref="ApprovalSla"/> over every active agency as a sweep ("approval-sla"), on one node of the cluster.</summary>
public sealed class ApprovalSlaSweep(CatalogDbContextFactory catalog, ApprovalSla sla, IOptions<ApprovalSlaOptions> options, ILogger<ApprovalSlaSweep> logger) : ISweep
{
    public const string SweepName = "approval-sla";

    public string Name => SweepName;

    public TimeSpan Interval => options.Value.Interval;

    public async Task HandleAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<TenantInfo> agencies;
        await using (var db = catalog.Create())
            agencies = (await db.Tenants.AsNoTracking().Where(t => t.State == TenantState.Active).ToListAsync(ct)).Select(TenantStore.ToInfo).ToList();
        foreach (var agency in agencies)
        {
            try
            {
                await sla.HandleAsync(agency, now, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One unreachable agency database must not stop the others.
                logger.LogWarning(e, "Approval SLA pass for agency {Slug} failed", agency.Slug);
            }
        }
    }
}

public static class ApprovalServices
{
    /// <summary>The approval runtime, its submission hook and the SLA sweep ("Approvals:Sla:Enabled" = false leaves it unscheduled here).</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ApprovalRuntime>();
        services.AddScoped<IApplicationSubmissionHook, StartApprovalOnSubmit>();
        var section = configuration.GetSection("Approvals:Sla");
        services.AddOptions<ApprovalSlaOptions>().Bind(section);
        if (section.GetValue(nameof(ApprovalSlaOptions.Enabled), true))
            services.AddSweep<ApprovalSlaSweep>();
        return services;
    }
}
