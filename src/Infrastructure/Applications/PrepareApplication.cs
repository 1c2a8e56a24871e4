using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>What the new-application form starts from: the customer (their wish as the default terms) and the active products.</summary>
public sealed record ApplicationStart(Guid LeadId, string Name, string? CustomerNumber, bool IsCustomer, bool IsActive, decimal? AmountWan, int? TermMonths,
    IReadOnlyList<ProductTerms> Products);

/// <summary>The start of a new application for a lead the member may see; null for anyone else's or another agency's.</summary>
public sealed class PrepareApplication(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<ApplicationStart?> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await LeadDetailAccess.FindAsync(db.Leads.AsNoTracking(), user, leadId, orPooled: false, ct);
        if (lead is null) return null;
        var products = await db.LoanProducts.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).ToListAsync(ct);
        return new ApplicationStart(lead.Id, lead.Name, lead.CustomerNumber, lead.IsCustomer, lead.Status == LeadStatus.Active, lead.AmountWan, lead.TermMonths,
            products.Select(ProductTerms.Of).ToList());
    }
}
