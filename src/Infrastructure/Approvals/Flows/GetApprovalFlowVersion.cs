using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals.Flows;

/// <summary>One version of one of the agency's flows, any status (needs ManageSettings); null when the agency has no such version.</summary>
public sealed class GetApprovalFlowVersion(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<ApprovalFlowVersion?> HandleAsync(Guid versionId, CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        return await db.ApprovalFlows.AsNoTracking().FirstOrDefaultAsync(f => f.Id == versionId, ct);
    }
}
