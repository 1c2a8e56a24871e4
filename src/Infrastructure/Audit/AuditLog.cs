using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Audit;

public sealed record AuditActor(string? Id, string Name)
{
    public static readonly AuditActor System = new(null, "system");
}

/// <summary>
/// Appends entries to the agency's audit log, in the same SaveChanges as the change itself. The hash chain is linked
/// when the entries are saved (see <see cref="AgencyDbContext"/>), under a database lock, so concurrent requests on
/// any node append one after another instead of forking the chain.
/// </summary>
public sealed class AuditLog(TimeProvider time)
{
    public void Add(AgencyDbContext db, AuditActor actor, string action, string entityType, string? entityId, object? details)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is null ? null : JsonSerializer.Serialize(details),
            PreviousHash = "",
            Hash = "",
        });
    }

    /// <summary>
    /// Saves <paramref name="appended"/> (and whatever else is pending) linked to the last stored entry. Holds the
    /// database's audit lock from reading that entry until commit; the chain follows the ids the database assigns.
    /// </summary>
    internal static async Task<int> SaveChainedAsync(AgencyDbContext db, IReadOnlyList<AuditEntry> appended, Func<Task<int>> save, CancellationToken ct)
    {
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (db.AuditLockSql is { } lockSql) await db.Database.ExecuteSqlRawAsync(lockSql, ct);
        var last = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? "";
        Link(appended, last);
        var written = await save();
        var inIdOrder = appended.OrderBy(e => e.Id).ToList();
        if (!inIdOrder.SequenceEqual(appended))
        {
            // The database numbered a batch differently from the order they were added in: link them in id order.
            Link(inIdOrder, last);
            await save();
        }
        if (owned is not null) await owned.CommitAsync(ct);
        return written;
    }

    private static void Link(IEnumerable<AuditEntry> entries, string previous)
    {
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = HashOf(entry);
            previous = entry.Hash;
        }
    }

    public static string HashOf(AuditEntry e)
    {
        var text = string.Join('\u001f', e.PreviousHash, e.At.ToUnixTimeMilliseconds(), e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Details);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>True when every entry's hash matches its content and its predecessor.</summary>
    public static async Task<bool> VerifyChainAsync(AgencyDbContext db, CancellationToken ct) =>
        (await CheckChainAsync(db, ct)).IsIntact;

    /// <summary>
    /// Walks the chain in id order, streaming (one entry in memory at a time), and stops at the first entry whose hash
    /// does not match its content or whose link does not match the entry before it.
    /// </summary>
    public static async Task<AuditChainCheck> CheckChainAsync(AgencyDbContext db, CancellationToken ct)
    {
        var previous = "";
        long count = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.Hash != HashOf(e)) return new AuditChainCheck(count, e.Id, AuditChainBreak.ContentChanged);
            if (e.PreviousHash != previous) return new AuditChainCheck(count, e.Id, AuditChainBreak.LinkBroken);
            previous = e.Hash;
        }
        return new AuditChainCheck(count, null, null);
    }
}
