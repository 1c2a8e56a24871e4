using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>What the viewer may do on the lead page; the use cases check the same rules again.</summary>
public sealed record LeadActions(bool Edit, bool Reveal, bool Convert, bool Blacklist, bool Unblacklist, bool Release, bool Assign);

/// <summary>One lead (or customer) as the 360° page shows it: personal data masked, dictionary keys named.</summary>
public sealed record LeadDetail
{
    public required Guid Id { get; init; }
    public required string Number { get; init; }
    public string? CustomerNumber { get; init; }
    public DateTimeOffset? ConvertedAt { get; init; }
    public required string Name { get; init; }
    public string? MobileMasked { get; init; }
    public string? IdNumberMasked { get; init; }
    public int? Age { get; init; }
    public bool? IsMale { get; init; }
    public string? City { get; init; }
    public string? LoanType { get; init; }
    public string? LoanTypeName { get; init; }
    public decimal? AmountWan { get; init; }
    public string? Purpose { get; init; }
    public int? TermMonths { get; init; }
    public CreditStatus? CreditStatus { get; init; }
    public string? Source { get; init; }
    public string? SourceName { get; init; }
    public IntentLevel? Intent { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public LeadStatus Status { get; init; }
    public string? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public Guid? TeamId { get; init; }
    public string? TeamName { get; init; }
    public LeadChannel Channel { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastFollowUpAt { get; init; }
    public DateTimeOffset? NextFollowUpAt { get; init; }
    public string? ConsentVersion { get; init; }
    public DateTimeOffset? ConsentAt { get; init; }
    public LeadChannel? ConsentChannel { get; init; }
    public string? BlacklistReason { get; init; }
    public Guid? MergedIntoId { get; init; }
    public string? MergedIntoNumber { get; init; }
    /// <summary>The agency's fields (archived ones too, for values they still hold).</summary>
    public CustomFieldSet Fields { get; init; } = CustomFieldSet.Empty;
    /// <summary>The lead's custom values by field id, as invariant text (personal data masked), see <see cref="Domain.CustomFields.CustomFieldChanges.Text"/>.</summary>
    public IReadOnlyDictionary<Guid, string> CustomValues { get; init; } = new Dictionary<Guid, string>();
    public long Version { get; init; }
    public required LeadActions Can { get; init; }

    public bool IsCustomer => ConvertedAt is not null;
}

/// <summary>Reads one lead for its page. Leads outside the viewer's data scope are "not found" (pooled leads are everyone's).</summary>
public sealed class GetLead(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<Result<LeadDetail>> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await db.Leads.AsNoTracking().Include(l => l.Tags).Include(l => l.CustomValues).VisibleOrPooled(user).FirstOrDefaultAsync(l => l.Id == leadId, ct);
        if (lead is null) return Result<LeadDetail>.Fail([LeadDetailAccess.NotFound]);

        var dictionaries = await LeadDictionaries.LoadAsync(db, ct);
        var owner = lead.OwnerId is null ? null : await db.Users.Where(u => u.Id == lead.OwnerId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var team = lead.TeamId is null ? null : await db.Teams.Where(t => t.Id == lead.TeamId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        var mergedInto = lead.MergedIntoId is null ? null : await db.Leads.Where(l => l.Id == lead.MergedIntoId).Select(l => l.Number).FirstOrDefaultAsync(ct);

        return Result<LeadDetail>.Ok(new LeadDetail
        {
            Id = lead.Id, Number = lead.Number, CustomerNumber = lead.CustomerNumber, ConvertedAt = lead.ConvertedAt, Name = lead.Name,
            MobileMasked = lead.Mobile.Masked, IdNumberMasked = lead.IdNumber.Masked,
            Age = AgeOn(lead.BirthDate, Shanghai.Today(time)), IsMale = lead.IsMale,
            City = lead.City, LoanType = lead.LoanType, LoanTypeName = dictionaries.NameOf(DictionaryKind.LoanType, lead.LoanType),
            AmountWan = lead.AmountWan, Purpose = lead.Purpose, TermMonths = lead.TermMonths, CreditStatus = lead.CreditStatus,
            Source = lead.Source, SourceName = dictionaries.NameOf(DictionaryKind.Source, lead.Source), Intent = lead.Intent,
            Tags = lead.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
            Status = lead.Status, OwnerId = lead.OwnerId, OwnerName = owner, TeamId = lead.TeamId, TeamName = team,
            Channel = lead.Channel, CreatedAt = lead.CreatedAt, LastFollowUpAt = lead.LastFollowUpAt, NextFollowUpAt = lead.NextFollowUpAt,
            ConsentVersion = lead.ConsentVersion, ConsentAt = lead.ConsentAt, ConsentChannel = lead.ConsentChannel,
            BlacklistReason = lead.BlacklistReason, MergedIntoId = lead.MergedIntoId, MergedIntoNumber = mergedInto,
            Fields = await CustomFieldSet.LoadAsync(db, ct),
            CustomValues = lead.CustomValues.GroupBy(v => v.FieldId).ToDictionary(g => g.Key, g => CustomFieldChanges.Text(g) ?? ""),
            Version = lead.Version, Can = ActionsFor(user, lead),
        });
    }

    public static LeadActions ActionsFor(CurrentUser user, Lead lead)
    {
        var open = lead.Status is not LeadStatus.Merged;
        var inScope = user.CanSee(lead);
        var manage = user.Can(Permission.ManageLeads) && open;
        return new LeadActions(
            Edit: inScope && open,
            Reveal: user.Can(Permission.RevealPersonalData),
            Convert: inScope && lead.Status == LeadStatus.Active && !lead.IsCustomer,
            Blacklist: manage && inScope && lead.Status != LeadStatus.Blacklisted,
            Unblacklist: manage && inScope && lead.Status == LeadStatus.Blacklisted,
            Release: lead.Status == LeadStatus.Active && lead.OwnerId is not null && (lead.OwnerId == user.UserId || (manage && inScope)),
            Assign: manage && lead.Status is LeadStatus.Active or LeadStatus.PublicPool);
    }

    /// <summary>Whole years; a 29 February birthday counts on 1 March in other years.</summary>
    public static int? AgeOn(DateOnly? birth, DateOnly today)
    {
        if (birth is not { } b || b > today) return null;
        var age = today.Year - b.Year;
        return (today.Month, today.Day).CompareTo((b.Month, b.Day)) < 0 ? age - 1 : age;
    }
}
