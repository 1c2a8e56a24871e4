using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Provisioning;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Platform;

/// <summary>Suspend/resume an agency and retry a failed provisioning (platform admin).</summary>
public sealed class ManageAgencyState(CatalogDbContextFactory catalog, ProvisioningQueue queue, ILiveEvents live, TimeProvider time)
{
    /// <summary>Every circuit of an agency listens here and reloads when its workspace changes state.</summary>
    public static LiveTopic WorkspaceTopic(Guid tenantId) => new(tenantId, "workspace");

    public const int ReasonMaxLength = 500;

    public async Task<Result> SuspendAsync(Guid tenantId, string? reason, CancellationToken ct)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > ReasonMaxLength) return Result.Fail("Reason", "TooLong");
        return await ChangeAsync(tenantId, TenantState.Active, TenantState.Suspended, t =>
        {
            t.SuspendedAt = time.GetUtcNow();
            t.SuspendedReason = reason;
        }, ct);
    }

    public async Task<Result> ResumeAsync(Guid tenantId, CancellationToken ct) =>
        await ChangeAsync(tenantId, TenantState.Suspended, TenantState.Active, t =>
        {
            t.SuspendedAt = null;
            t.SuspendedReason = null;
        }, ct);

    public async Task<Result> RetryProvisioningAsync(Guid tenantId, CancellationToken ct)
    {
        await using var db = catalog.Create();
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null) return Result.Fail("", "AgencyNotFound");
        if (tenant.State != TenantState.Failed) return Result.Fail("", "AgencyNotFailed");
        await queue.EnqueueAsync(tenantId, ct);
        return Result.Ok();
    }

    private async Task<Result> ChangeAsync(Guid tenantId, TenantState from, TenantState to, Action<Tenant> apply, CancellationToken ct)
    {
        await using var db = catalog.Create();
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null) return Result.Fail("", "AgencyNotFound");
        if (tenant.State != from) return Result.Fail("", "AgencyStateChanged");
        tenant.State = to;
        tenant.Version++;
        apply(tenant);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Fail("", "AgencyStateChanged");
        }
        await live.PublishAsync(WorkspaceTopic(tenantId), new LiveMessage("state", new Dictionary<string, string> { ["state"] = to.ToString() }), ct);
        return Result.Ok();
    }
}
