using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

public sealed record LatestApplication(Guid Id, string Number, ApplicationStatus Status, string ProductName, decimal AmountWan);

/// <summary>The customer's newest application the member may see, if any (the customer page shows its credit and progress panels).</summary>
public sealed class GetLatestApplication(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<LatestApplication?> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        return await db.LoanApplications.AsNoTracking().VisibleTo(user).Where(a => a.LeadId == leadId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new LatestApplication(a.Id, a.Number, a.Status, db.LoanProducts.Where(p => p.Id == a.ProductId).Select(p => p.Name).FirstOrDefault() ?? "", a.AmountWan))
            .FirstOrDefaultAsync(ct);
    }
}
