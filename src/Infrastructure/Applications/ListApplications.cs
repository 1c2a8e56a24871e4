using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// Applications in pages, newest first: the member's own (我的), their team's (本组, managers) or all they may read
/// (全部: agency-wide roles and reviewers); optionally one status or one customer. Counts per status for the chips.
/// </summary>
public sealed class ListApplications(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public const int MaxPageSize = 100;

    public async Task<ApplicationList> HandleAsync(ApplicationListQuery query, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var views = Views(user);
        var view = views.Contains(query.View) ? query.View : ApplicationListView.Mine;
        await using var db = contexts.Create();
        var scoped = view switch
        {
            ApplicationListView.All => db.LoanApplications.AsNoTracking().VisibleTo(user),
            ApplicationListView.Team when user.TeamId is { } team => db.LoanApplications.AsNoTracking().Where(a => a.TeamId == team || a.OwnerId == user.UserId),
            _ => db.LoanApplications.AsNoTracking().Where(a => a.OwnerId == user.UserId),
        };
        // A customer's applications: whatever of them the viewer may read, whoever owns them.
        if (query.LeadId is { } leadId) scoped = db.LoanApplications.AsNoTracking().VisibleTo(user).Where(a => a.LeadId == leadId);
        var counts = await scoped.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var filtered = query.Status is { } status ? scoped.Where(a => a.Status == status) : scoped;
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var total = query.Status is { } s ? counts.GetValueOrDefault(s) : counts.Values.Sum();
        var rows = await filtered.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(a => new
            {
                a.Id, a.Number, a.LeadId, Customer = db.Leads.Where(l => l.Id == a.LeadId).Select(l => l.Name).FirstOrDefault(),
                Product = db.LoanProducts.Where(p => p.Id == a.ProductId).Select(p => p.Name).FirstOrDefault(),
                a.AmountWan, a.TermMonths, a.Status, a.CurrentStep, Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.FullName).FirstOrDefault(),
                a.CreatedAt, a.UpdatedAt,
            })
            .ToListAsync(ct);
        return new ApplicationList(
            rows.Select(r => new ApplicationListRow(r.Id, r.Number, r.LeadId, r.Customer ?? "", r.Product ?? "", r.AmountWan, r.TermMonths, r.Status, r.CurrentStep,
                r.Owner, r.CreatedAt, r.UpdatedAt)).ToList(),
            total, counts, views);
    }

    /// <summary>Sales see their own; managers also their team's; agency-wide roles and reviewers everything they may read.</summary>
    public static IReadOnlyList<ApplicationListView> Views(CurrentUser user)
    {
        var views = new List<ApplicationListView> { ApplicationListView.Mine };
        if (user.Scope == DataScope.Team && user.TeamId is not null) views.Add(ApplicationListView.Team);
        if (user.Scope == DataScope.All || user.Can(Permission.ApproveApplications)) views.Add(ApplicationListView.All);
        return views;
    }
}
