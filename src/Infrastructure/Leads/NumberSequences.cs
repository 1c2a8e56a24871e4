using LoanSaaS.Domain.Settings;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>Hands out per-agency sequence numbers (lead and customer numbers), safe across concurrent requests and nodes.</summary>
public static class NumberSequences
{
    /// <summary>Reserves <paramref name="count"/> numbers under <paramref name="key"/> and returns the first. Runs in its own context so a retry never disturbs the caller's pending changes.</summary>
    public static async Task<long> ReserveAsync(ITenantDbContextFactory contexts, string key, int count, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = contexts.Create();
            var sequence = await db.NumberSequences.FirstOrDefaultAsync(s => s.Key == key, ct);
            if (sequence is null) db.NumberSequences.Add(sequence = new NumberSequence { Key = key });
            var first = sequence.Last + 1;
            sequence.Last += count;
            sequence.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                return first;
            }
            catch (DbUpdateException) when (attempt < 20)
            {
                // Someone else took numbers (or created the row) meanwhile: read again.
                await Task.Delay(Random.Shared.Next(1, 10 + attempt * 5), ct);
            }
        }
    }
}
