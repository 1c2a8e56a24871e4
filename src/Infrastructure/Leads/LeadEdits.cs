using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>Replaces a lead's fields with an edited draft (blank values clear plain fields) and lists what changed, personal data masked.</summary>
public static class LeadEdits
{
    public static List<FieldChange> Replace(Lead lead, LeadDraft draft)
    {
        var changes = new List<FieldChange>();
        Set(nameof(Lead.Name), lead.Name, draft.Name, v => lead.Name = v!, changes);
        if (draft.Mobile.Index != lead.Mobile.Index)
        {
            changes.Add(new FieldChange(nameof(Lead.Mobile), lead.Mobile.Masked, draft.Mobile.Masked));
            lead.Mobile = draft.Mobile;
        }
        if (draft.IdNumber.HasValue && draft.IdNumber.Index != lead.IdNumber.Index)
        {
            changes.Add(new FieldChange(nameof(Lead.IdNumber), lead.IdNumber.Masked, draft.IdNumber.Masked));
            lead.IdNumber = draft.IdNumber;
            lead.BirthDate = draft.BirthDate;
            lead.IsMale = draft.IsMale;
        }
        Set(nameof(Lead.City), lead.City, draft.City, v => lead.City = v, changes);
        Set(nameof(Lead.LoanType), lead.LoanType, draft.LoanType, v => lead.LoanType = v, changes);
        Set(nameof(Lead.AmountWan), lead.AmountWan, draft.AmountWan, v => lead.AmountWan = v, changes);
        Set(nameof(Lead.Purpose), lead.Purpose, draft.Purpose, v => lead.Purpose = v, changes);
        Set(nameof(Lead.TermMonths), lead.TermMonths, draft.TermMonths, v => lead.TermMonths = v, changes);
        Set(nameof(Lead.CreditStatus), lead.CreditStatus, draft.CreditStatus, v => lead.CreditStatus = v, changes);
        Set(nameof(Lead.Source), lead.Source, draft.Source, v => lead.Source = v, changes);
        Set(nameof(Lead.Intent), lead.Intent, draft.Intent, v => lead.Intent = v, changes);

        var old = LeadChanges.Tags(lead);
        var wanted = draft.Tags.ToHashSet(StringComparer.Ordinal);
        lead.Tags.RemoveAll(t => !wanted.Contains(t.Tag));
        lead.Tags.AddRange(draft.Tags.Where(t => lead.Tags.All(x => x.Tag != t)).Select(t => new LeadTag { LeadId = lead.Id, Tag = t }));
        var now = LeadChanges.Tags(lead);
        if (!wanted.SetEquals(old.Split(',', StringSplitOptions.RemoveEmptyEntries)))
            changes.Add(new FieldChange(nameof(Lead.Tags), old.Length == 0 ? null : old, now.Length == 0 ? null : now));
        changes.AddRange(CustomFieldChanges.Replace(lead, draft.Custom));
        return changes;
    }

    private static void Set<T>(string field, T? current, T? edited, Action<T?> assign, List<FieldChange> changes)
    {
        if (EqualityComparer<T>.Default.Equals(current, edited)) return;
        changes.Add(new FieldChange(field, LeadChanges.Text(current), LeadChanges.Text(edited)));
        assign(edited);
    }
}
