using System.Globalization;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Assignment;

/// <summary>The agency's holding cap (持有上限): open leads one member may hold; rules pass a full member by.</summary>
public static class AssignmentSettings
{
    public const string HoldingCapKey = "leads.holding-cap";
    public const int MaxHoldingCap = 100_000;

    public static async Task<int?> HoldingCapAsync(AgencyDbContext db, CancellationToken ct) =>
        int.TryParse(await db.Settings.AsNoTracking().Where(s => s.Key == HoldingCapKey).Select(s => s.Value).FirstOrDefaultAsync(ct),
            NumberStyles.None, CultureInfo.InvariantCulture, out var cap) ? cap : null;
}
