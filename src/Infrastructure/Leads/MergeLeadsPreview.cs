using System.Globalization;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

public sealed record MergePreviewRequest(Guid SurvivorId, Guid MergedId);

/// <summary>One side of a merge; <see cref="Version"/> goes back in the <see cref="MergeLeadsRequest"/>.</summary>
public sealed record MergeSide(Guid Id, string Number, string Name, string? OwnerName, LeadStatus Status, string? CustomerNumber, int FollowUps, long Version);

/// <summary>
/// A field before and after: display text (dictionary names, masked personal data; enums by name, amounts in 万元,
/// terms in months). <see cref="Taken"/> = the result comes from the merged lead.
/// </summary>
public sealed record MergeFieldRow(string Field, string? Survivor, string? Merged, string? Result, bool Taken);

public sealed record MergePreview(MergeSide Survivor, MergeSide Merged, IReadOnlyList<MergeFieldRow> Fields);

/// <summary>Shows what <see cref="MergeLeads"/> would do, field by field, without changing anything.</summary>
public sealed class MergeLeadsPreview(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    private static readonly string[] Fields =
    [
        nameof(Lead.Name), nameof(Lead.Mobile), nameof(Lead.IdNumber), nameof(Lead.City), nameof(Lead.LoanType), nameof(Lead.AmountWan),
        nameof(Lead.TermMonths), nameof(Lead.Purpose), nameof(Lead.CreditStatus), nameof(Lead.Source), nameof(Lead.Intent), nameof(Lead.Tags),
    ];

    public async Task<Result<MergePreview>> HandleAsync(MergePreviewRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var pair = await db.Leads.AsNoTracking().Include(l => l.Tags).Include(l => l.CustomValues).VisibleTo(user)
            .Where(l => l.Id == request.SurvivorId || l.Id == request.MergedId).ToListAsync(ct);
        var survivor = pair.FirstOrDefault(l => l.Id == request.SurvivorId);
        var merged = pair.FirstOrDefault(l => l.Id == request.MergedId);
        if (survivor is null || merged is null) return Result<MergePreview>.Fail("Lead", "NotFound");
        if (MergeLeadsRules.Refusal(survivor, merged) is { } refusal) return Result<MergePreview>.Fail([refusal]);

        var dictionaries = await LeadDictionaries.LoadAsync(db, ct);
        var ownerIds = pair.Where(l => l.OwnerId != null).Select(l => l.OwnerId!).ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.LeadId == survivor.Id || f.LeadId == merged.Id)
            .GroupBy(f => f.LeadId).Select(g => new { LeadId = g.Key, Count = g.Count() }).ToListAsync(ct);
        MergeSide Side(Lead l) => new(l.Id, l.Number, l.Name, owners.FirstOrDefault(o => o.Id == l.OwnerId)?.FullName, l.Status, l.CustomerNumber,
            followUps.FirstOrDefault(f => f.LeadId == l.Id)?.Count ?? 0, l.Version);
        var sides = (Side(survivor), Side(merged));

        var before = Values(survivor, dictionaries);
        var other = Values(merged, dictionaries);
        // The survivor was read without tracking: applying the merge to it changes nothing stored.
        var taken = MergeLeadsRules.Apply(survivor, merged).Select(c => c.Field).ToHashSet();
        var after = Values(survivor, dictionaries);
        var rows = Fields.Select(f => new MergeFieldRow(f, before[f], other[f], after[f], taken.Contains(f))).ToList();
        return Result<MergePreview>.Ok(new MergePreview(sides.Item1, sides.Item2, rows));
    }

    private static Dictionary<string, string?> Values(Lead l, LeadDictionaries dictionaries) => new()
    {
        [nameof(Lead.Name)] = l.Name,
        [nameof(Lead.Mobile)] = l.Mobile.Masked,
        [nameof(Lead.IdNumber)] = l.IdNumber.Masked,
        [nameof(Lead.City)] = l.City,
        [nameof(Lead.LoanType)] = dictionaries.NameOf(DictionaryKind.LoanType, l.LoanType),
        [nameof(Lead.AmountWan)] = l.AmountWan?.ToString("0.##", CultureInfo.InvariantCulture),
        [nameof(Lead.TermMonths)] = l.TermMonths?.ToString(CultureInfo.InvariantCulture),
        [nameof(Lead.Purpose)] = l.Purpose,
        [nameof(Lead.CreditStatus)] = l.CreditStatus?.ToString(),
        [nameof(Lead.Source)] = dictionaries.NameOf(DictionaryKind.Source, l.Source),
        [nameof(Lead.Intent)] = l.Intent?.ToString(),
        [nameof(Lead.Tags)] = l.Tags.Count == 0 ? null : LeadChanges.Tags(l),
    };
}
