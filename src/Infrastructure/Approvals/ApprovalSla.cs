using LoanSaaS.Domain.Approvals;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>
/// One agency's SLA pass at <c>now</c>: every running approval whose node is past due and not yet handled gets its
/// timeout (remind / escalate / auto-reject) once. The transition saves against the approval's version, so two nodes,
/// a rerun after a restart, or a decision at the same moment never apply it twice. At most <see cref="BatchSize"/> per pass.
/// </summary>
public sealed class ApprovalSla(TenantDatabaseConnector connector, ApprovalRuntime runtime, ILiveEvents live)
{
    public const int BatchSize = 200;

    public async Task<int> HandleAsync(TenantInfo agency, DateTimeOffset now, CancellationToken ct)
    {
        List<Guid> due;
        await using (var db = TenantDbContextFactory.For(connector, agency.DatabaseName))
            due = await db.ApplicationApprovals.AsNoTracking()
                .Where(a => a.Status == ApprovalInstanceStatus.Running && !a.SlaHandled && a.DueAt != null && a.DueAt <= now)
                .OrderBy(a => a.DueAt).Take(BatchSize).Select(a => a.Id).ToListAsync(ct);
        var handled = 0;
        foreach (var id in due)
        {
            await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
            var approval = await db.ApplicationApprovals.FirstAsync(a => a.Id == id, ct);
            if (approval.Status != ApprovalInstanceStatus.Running || approval.SlaHandled) continue;
            var application = await db.LoanApplications.FirstAsync(a => a.Id == approval.ApplicationId, ct);
            var flow = await db.ApprovalFlows.AsNoTracking().FirstAsync(f => f.Id == approval.FlowVersionId, ct);
            var applied = await runtime.ApplyAsync(db, application, approval, flow, new ApprovalSlaPassed(approval.NodeId, approval.Round), AuditActor.System, now, ct);
            if (applied.Value is not { } change) continue;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue;
            }

            handled++;
            await change.PublishAsync(live, agency.Id, ct);
        }

        return handled;
    }
}
