using System.Globalization;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Assignment;

/// <summary>
/// The agency's limits on how many leads one member holds: the holding cap (持有上限: open leads; rules pass a full
/// member by and a full member cannot claim from the pool) and the daily claim cap (每日领取上限 from the pool).
/// </summary>
public static class AssignmentSettings
{
    public const string HoldingCapKey = "leads.holding-cap";
    public const string DailyClaimCapKey = "leads.daily-claim-cap";
    public const int MaxCap = 100_000;

    public static Task<int?> HoldingCapAsync(AgencyDbContext db, CancellationToken ct) => CapAsync(db, HoldingCapKey, ct);

    public static Task<int?> DailyClaimCapAsync(AgencyDbContext db, CancellationToken ct) => CapAsync(db, DailyClaimCapKey, ct);

    private static async Task<int?> CapAsync(AgencyDbContext db, string key, CancellationToken ct) =>
        int.TryParse(await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct),
            NumberStyles.None, CultureInfo.InvariantCulture, out var cap) ? cap : null;
}
