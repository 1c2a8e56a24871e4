using LoanSaaS.Domain.Funnels;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Funnels;

/// <summary>Where new leads' cards start: the first open stage of the agency's default board.</summary>
public static class EntryStage
{
    public static Task<Guid?> FindAsync(AgencyDbContext db, CancellationToken ct) =>
        db.FunnelStages.AsNoTracking()
            .Where(s => !s.IsArchived && s.Category == StageCategory.Open && db.FunnelBoards.Any(b => b.Id == s.BoardId && b.IsDefault))
            .OrderBy(s => s.Order)
            .Select(s => (Guid?)s.Id)
            .FirstOrDefaultAsync(ct);
}
