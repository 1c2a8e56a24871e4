using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>
/// What merging one lead into another means, shared by the preview and the merge itself. The survivor keeps its own
/// values and takes the merged lead's only where it has none; tags are united. A blacklisted or converted (customer)
/// lead may absorb another lead but never disappear into one, so a block or a customer number is never hidden.
/// </summary>
public static class MergeLeadsRules
{
    public static FieldError? Refusal(Lead survivor, Lead merged)
    {
        if (survivor.Id == merged.Id) return new FieldError("Lead", "SameLead");
        if (survivor.Status == LeadStatus.Merged || merged.Status == LeadStatus.Merged) return new FieldError("Lead", "AlreadyMerged");
        if (merged.Status == LeadStatus.Blacklisted && survivor.Status != LeadStatus.Blacklisted) return new FieldError("Lead", "BlacklistedMustSurvive");
        if (merged.IsCustomer && !survivor.IsCustomer) return new FieldError("Lead", "CustomerMustSurvive");
        return null;
    }

    /// <summary>The merged lead's values as incoming data; sealed personal data is copied as stored, never decrypted.</summary>
    public static LeadDraft DraftOf(Lead lead) => new()
    {
        Name = lead.Name, Mobile = lead.Mobile, IdNumber = lead.IdNumber, BirthDate = lead.BirthDate, IsMale = lead.IsMale,
        City = lead.City, LoanType = lead.LoanType, AmountWan = lead.AmountWan, Purpose = lead.Purpose, TermMonths = lead.TermMonths,
        CreditStatus = lead.CreditStatus, Source = lead.Source, Intent = lead.Intent, Tags = lead.Tags.Select(t => t.Tag).ToList(),
        Custom = Domain.CustomFields.CustomFieldChanges.EntriesOf(lead.CustomValues),
    };

    /// <summary>Fills the survivor's empty fields from the merged lead and unites the tags; returns what changed.</summary>
    public static IReadOnlyList<FieldChange> Apply(Lead survivor, Lead merged) =>
        LeadChanges.Apply(survivor, DraftOf(merged), DuplicatePolicy.FillEmpty);

    /// <summary>The earliest follow-up still to be done across both leads, else the earlier of their own dates.</summary>
    public static DateTimeOffset? NextFollowUp(Lead survivor, Lead merged, IEnumerable<FollowUp> followUps)
    {
        var open = followUps.Where(f => !f.IsClosed && f.NextAt is not null).Select(f => f.NextAt!.Value).ToList();
        if (open.Count > 0) return open.Min();
        return new[] { survivor.NextFollowUpAt, merged.NextFollowUpAt }.Where(d => d is not null).Min();
    }

    public static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
