using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>The colleagues a comment on this lead may mention (empty when the viewer may not see the lead).</summary>
public sealed class ListLeadMentionables(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<IReadOnlyList<Mentionable>> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await db.Leads.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(l => l.Id == leadId, ct);
        return lead is null ? [] : (await LeadMentionables.ForAsync(db, lead, ct)).Where(m => m.UserId != user.UserId).ToList();
    }
}
