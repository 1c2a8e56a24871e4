using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>What the filter bar offers this viewer: only owners and teams inside their data scope.</summary>
public sealed record LeadListOptions(
    IReadOnlyList<LeadFilterChoice> Owners, IReadOnlyList<LeadFilterChoice> Teams, IReadOnlyList<LeadFilterChoice> Sources,
    bool CanExport, bool CanExportUnmasked)
{
    /// <summary>The agency's customer pools (客群池), to narrow a list or board to one.</summary>
    public IReadOnlyList<LeadFilterChoice> Pools { get; init; } = [];
    /// <summary>The agency's own fields, for optional columns and filters.</summary>
    public CustomFieldSet Fields { get; init; } = CustomFieldSet.Empty;
    /// <summary>May hand chosen leads to the agency's enabled assignment rules (ManageLeads, and a rule to apply).</summary>
    public bool CanApplyRules { get; init; }
    public string? ViewerId { get; init; }
}

public sealed class ListLeadsOptions(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<LeadListOptions> HandleAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        users = user.Scope switch
        {
            DataScope.All => users,
            DataScope.Team when user.TeamId is { } team => users.Where(u => u.TeamId == team || u.Id == user.UserId),
            _ => users.Where(u => u.Id == user.UserId),
        };
        var owners = await LeadFilterChoices.MembersAsync(users, ct);
        var teams = user.Scope == DataScope.All ? await LeadFilterChoices.TeamsAsync(db, ct) : [];
        var sources = (await LeadDictionaries.LoadAsync(db, ct)).Active(DictionaryKind.Source)
            .Select(s => new LeadFilterChoice(s.Key, s.Name)).ToList();
        var pools = (await db.CustomerPools.AsNoTracking().Where(p => !p.IsArchived).Select(p => new { p.Id, p.Name, p.CreatedAt }).ToListAsync(ct))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => new LeadFilterChoice(p.Id.ToString(), p.Name)).ToList();
        return new LeadListOptions(owners, teams, sources, user.Can(Permission.ExportData),
            user.Can(Permission.ExportData | Permission.ExportPersonalData)) {
            Pools = pools,
            ViewerId = user.UserId,
            Fields = await CustomFieldSet.LoadAsync(db, ct),
            CanApplyRules = user.Can(Permission.ManageLeads) && await db.AssignmentRules.AnyAsync(r => r.IsEnabled && !r.IsArchived, ct),
        };
    }
}
