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

/// <summary>Appends hash-chained entries to the agency's audit log, in the same SaveChanges as the change itself.</summary>
public sealed class AuditLog(TimeProvider time)
{
    public async Task AddAsync(AgencyDbContext db, AuditActor actor, string action, string entityType, string? entityId, object? details, CancellationToken ct)
    {
        var previous = db.AuditEntries.Local.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefault()
            ?? await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct)
            ?? "";
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is null ? null : JsonSerializer.Serialize(details),
            PreviousHash = previous,
            Hash = "",
        };
        entry.Hash = HashOf(entry);
        db.AuditEntries.Add(entry);
    }

    public static string HashOf(AuditEntry e)
    {
        var text = string.Join('\u001f', e.PreviousHash, e.At.ToUnixTimeMilliseconds(), e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Details);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>True when every entry's hash matches its content and its predecessor.</summary>
    public static async Task<bool> VerifyChainAsync(AgencyDbContext db, CancellationToken ct)
    {
        var previous = "";
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.PreviousHash != previous || e.Hash != HashOf(e)) return false;
            previous = e.Hash;
        }
        return true;
    }
}
