using System.Globalization;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.CustomFields;

/// <summary>Puts validated custom values on a lead and reports each field that changed (by key, values as invariant text, personal data masked).</summary>
public static class CustomFieldChanges
{
    /// <summary>Sets every given field; an empty entry clears it.</summary>
    public static List<FieldChange> Replace(Lead lead, IEnumerable<CustomFieldEntry> entries) => Apply(lead, entries, overwrite: true, clear: true);

    /// <summary>Incoming data on an existing lead (a duplicate): fills empty fields, or overwrites them; never clears.</summary>
    public static List<FieldChange> Fill(Lead lead, IEnumerable<CustomFieldEntry> entries, bool overwrite) => Apply(lead, entries, overwrite, clear: false);

    /// <summary>One field's value as text: "8000.5", "2024-03-01", "true", "全款房, 按揭房", or the mask of personal data.</summary>
    public static string? Text(IEnumerable<CustomFieldValue> rows)
    {
        var ordered = rows.OrderBy(v => v.Ordinal).ToList();
        if (ordered.Count == 0) return null;
        var first = ordered[0];
        if (first.Number is { } number) return number.ToString("0.####", CultureInfo.InvariantCulture);
        if (first.Date is { } date) return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (first.Flag is { } flag) return flag ? "true" : "false";
        return string.Join(", ", ordered.Select(v => v.Text));
    }

    /// <summary>Stored values back as entries (a merged lead's values offered to the survivor); sealed data copied as stored.</summary>
    public static IReadOnlyList<CustomFieldEntry> EntriesOf(IEnumerable<CustomFieldValue> rows) => rows.GroupBy(v => v.FieldId).Select(g =>
    {
        var ordered = g.OrderBy(v => v.Ordinal).ToList();
        var first = ordered[0];
        return first.Cipher is not null
            ? new CustomFieldEntry(g.Key) { Sealed = new SealedValue(first.Cipher, first.Index, first.Text) }
            : new CustomFieldEntry(g.Key)
            {
                Texts = ordered.Where(v => v.Text is not null).Select(v => v.Text!).ToList(), Number = first.Number, Date = first.Date, Flag = first.Flag,
            };
    }).ToList();

    public static IEnumerable<CustomFieldValue> Rows(Guid leadId, CustomFieldEntry entry)
    {
        if (entry.Sealed.HasValue)
        {
            yield return new CustomFieldValue { LeadId = leadId, FieldId = entry.FieldId, Text = entry.Sealed.Masked, Cipher = entry.Sealed.Cipher, Index = entry.Sealed.Index };
            yield break;
        }
        if (entry.Texts.Count > 0)
        {
            for (var i = 0; i < entry.Texts.Count; i++) yield return new CustomFieldValue { LeadId = leadId, FieldId = entry.FieldId, Ordinal = i, Text = entry.Texts[i] };
            yield break;
        }
        if (!entry.IsEmpty) yield return new CustomFieldValue { LeadId = leadId, FieldId = entry.FieldId, Number = entry.Number, Date = entry.Date, Flag = entry.Flag };
    }

    private static void CopyTo(CustomFieldValue from, CustomFieldValue to) =>
        (to.Text, to.Number, to.Date, to.Flag, to.Cipher, to.Index) = (from.Text, from.Number, from.Date, from.Flag, from.Cipher, from.Index);

    private static List<FieldChange> Apply(Lead lead, IEnumerable<CustomFieldEntry> entries, bool overwrite, bool clear)
    {
        var changes = new List<FieldChange>();
        foreach (var entry in entries)
        {
            if (entry.IsEmpty && !clear) continue;
            var current = lead.CustomValues.Where(v => v.FieldId == entry.FieldId).OrderBy(v => v.Ordinal).ToList();
            if (current.Count > 0 && !overwrite) continue;
            var incoming = Rows(lead.Id, entry).ToList();
            var (before, after) = (Text(current), Text(incoming));
            var samePersonal = entry.Sealed.HasValue && current.Count == 1 && current[0].Index == entry.Sealed.Index;
            if (before == after && (!entry.Sealed.HasValue || samePersonal)) continue;
            // Rows are updated in place by ordinal: deleting and re-adding the same key in one unit of work is not something to lean on.
            for (var i = 0; i < incoming.Count; i++)
            {
                if (i < current.Count) CopyTo(incoming[i], current[i]);
                else lead.CustomValues.Add(incoming[i]);
            }
            foreach (var extra in current.Skip(incoming.Count)) lead.CustomValues.Remove(extra);
            changes.Add(new FieldChange(CustomFieldKeys.Of(entry.FieldId), before, after));
        }
        return changes;
    }
}
