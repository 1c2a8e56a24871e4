using System.Globalization;

namespace LoanSaaS.Domain.Leads;

/// <summary>Applies incoming data to an existing lead under a <see cref="DuplicatePolicy"/> and reports what changed.</summary>
public static class LeadChanges
{
    public static IReadOnlyList<FieldChange> Apply(Lead lead, LeadDraft incoming, DuplicatePolicy policy)
    {
        var changes = new List<FieldChange>();
        if (policy == DuplicatePolicy.Skip) return changes;
        var overwrite = policy == DuplicatePolicy.Overwrite;

        Set(nameof(Lead.Name), lead.Name, incoming.Name, v => lead.Name = v!, overwrite && incoming.Name.Length > 0, changes);
        if (incoming.Mobile.HasValue && (overwrite || !lead.Mobile.HasValue) && incoming.Mobile.Index != lead.Mobile.Index)
        {
            changes.Add(new FieldChange(nameof(Lead.Mobile), lead.Mobile.Masked, incoming.Mobile.Masked));
            lead.Mobile = incoming.Mobile;
        }
        if (incoming.IdNumber.HasValue && (overwrite || !lead.IdNumber.HasValue) && incoming.IdNumber.Index != lead.IdNumber.Index)
        {
            changes.Add(new FieldChange(nameof(Lead.IdNumber), lead.IdNumber.Masked, incoming.IdNumber.Masked));
            lead.IdNumber = incoming.IdNumber;
            lead.BirthDate = incoming.BirthDate;
            lead.IsMale = incoming.IsMale;
        }
        Set(nameof(Lead.City), lead.City, incoming.City, v => lead.City = v, overwrite, changes);
        Set(nameof(Lead.LoanType), lead.LoanType, incoming.LoanType, v => lead.LoanType = v, overwrite, changes);
        Set(nameof(Lead.AmountWan), lead.AmountWan, incoming.AmountWan, v => lead.AmountWan = v, overwrite, changes);
        Set(nameof(Lead.Purpose), lead.Purpose, incoming.Purpose, v => lead.Purpose = v, overwrite, changes);
        Set(nameof(Lead.TermMonths), lead.TermMonths, incoming.TermMonths, v => lead.TermMonths = v, overwrite, changes);
        Set(nameof(Lead.CreditStatus), lead.CreditStatus, incoming.CreditStatus, v => lead.CreditStatus = v, overwrite, changes);
        Set(nameof(Lead.Source), lead.Source, incoming.Source, v => lead.Source = v, overwrite, changes);
        Set(nameof(Lead.Intent), lead.Intent, incoming.Intent, v => lead.Intent = v, overwrite, changes);

        var added = incoming.Tags.Where(t => lead.Tags.All(x => x.Tag != t)).Take(LeadTag.MaxPerLead - lead.Tags.Count).ToList();
        if (added.Count > 0)
        {
            var old = Tags(lead);
            lead.Tags.AddRange(added.Select(t => new LeadTag { LeadId = lead.Id, Tag = t }));
            changes.Add(new FieldChange(nameof(Lead.Tags), old, Tags(lead)));
        }
        changes.AddRange(CustomFields.CustomFieldChanges.Fill(lead, incoming.Custom, overwrite));
        return changes;
    }

    /// <summary>Sets a plain field, recording the change. Empty incoming values never erase anything.</summary>
    public static void Set<T>(string field, T? current, T? incoming, Action<T?> assign, bool overwrite, List<FieldChange> changes)
    {
        if (IsEmpty(incoming) || EqualityComparer<T>.Default.Equals(current, incoming)) return;
        if (!overwrite && !IsEmpty(current)) return;
        changes.Add(new FieldChange(field, Text(current), Text(incoming)));
        assign(incoming);
    }

    public static string? Text<T>(T? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string Tags(Lead lead) => string.Join(',', lead.Tags.Select(t => t.Tag));

    private static bool IsEmpty<T>(T? value) => value is null || value is string { Length: 0 };
}
