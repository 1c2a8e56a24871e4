using System.Globalization;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;

namespace LoanSaaS.Web.Leads;

/// <summary>
/// What a member types into the new-lead form or the edit dialog, all as text so nothing is lost on an error, and
/// which fields they have left (only those show their problems until they try to save).
/// </summary>
public sealed class LeadEditForm
{
    public static readonly string[] Fields =
        ["Name", "Mobile", "IdNumber", "City", "LoanType", "Amount", "Term", "Purpose", "CreditStatus", "Source", "Intent", "Tags"];

    private readonly Dictionary<string, string?> _values = [];
    private readonly HashSet<string> _touched = [];
    private List<FieldError> _server = [];

    /// <summary>In the edit dialog a blank mobile or ID number keeps the stored one.</summary>
    public bool Editing { get; init; }

    /// <summary>Customer fields are asked of customers only.</summary>
    public bool IsCustomer { get; init; }

    /// <summary>The agency's fields this form asks for (set once they are loaded); their values are held by key like the rest.</summary>
    public CustomFieldSet CustomFields { get; set; } = CustomFieldSet.Empty;

    /// <summary>Custom personal-data fields with a stored value (by id, with its mask): blank keeps it.</summary>
    public Dictionary<Guid, string> KeptPersonal { get; } = [];

    /// <summary>Whether a save error belongs to one of this form's inputs.</summary>
    public bool Owns(string field) => Fields.Contains(field) || CustomFields.Find(field) is not null;

    private CustomFieldScope CustomScope => new(CustomFields, IsCustomer, RequireAll: true, Kept: KeptPersonal.Keys.ToHashSet());

    public string? this[string field]
    {
        get => _values.GetValueOrDefault(field);
        set
        {
            _values[field] = value;
            _server.RemoveAll(e => e.Field == field || e.Field == "Lead");
        }
    }

    public void Touch(string field) => _touched.Add(field);

    public void TouchAll()
    {
        _touched.UnionWith(Fields);
        _touched.UnionWith(CustomFields.For(IsCustomer).Select(f => f.Key));
    }

    public void SetServerErrors(IEnumerable<FieldError> errors) => _server = errors.ToList();

    public LeadInput ToInput() => new()
    {
        Name = this["Name"], Mobile = this["Mobile"], IdNumber = this["IdNumber"], City = this["City"], LoanType = this["LoanType"],
        Amount = this["Amount"], Purpose = this["Purpose"], Term = this["Term"], CreditStatus = this["CreditStatus"],
        Source = this["Source"], Intent = this["Intent"], Tags = this["Tags"],
        Custom = CustomFields.For(IsCustomer).ToDictionary(f => f.Key, f => this[f.Key]),
    };

    /// <summary>The rules' problems with what is typed now (plus the last save's), for fields the member has left.</summary>
    public IReadOnlyList<FieldError> Problems(LeadDictionaries dictionaries, DateOnly today)
    {
        var all = LeadEntryChecks.Check(ToInput(), dictionaries, today, CustomScope)
            .Where(e => !(Editing && e is { Field: "Mobile", Code: "Required" }))
            .Concat(_server).Distinct();
        return all.Where(e => _touched.Contains(e.Field) || _server.Contains(e)).ToList();
    }

    public static LeadEditForm From(LeadDetail lead)
    {
        var form = new LeadEditForm { Editing = true, IsCustomer = lead.IsCustomer };
        foreach (var (id, text) in lead.CustomValues)
        {
            if (lead.Fields.Find(id) is not { } field) continue;
            if (field.IsPersonalData) form.KeptPersonal[id] = text;
            else form._values[field.Key] = text;
        }
        form._values["Name"] = lead.Name;
        form._values["City"] = lead.City;
        form._values["LoanType"] = lead.LoanType;
        form._values["Amount"] = lead.AmountWan?.ToString("0.##", CultureInfo.InvariantCulture);
        form._values["Term"] = lead.TermMonths?.ToString(CultureInfo.InvariantCulture);
        form._values["Purpose"] = lead.Purpose;
        form._values["CreditStatus"] = lead.CreditStatus?.ToString();
        form._values["Source"] = lead.Source;
        form._values["Intent"] = lead.Intent?.ToString();
        form._values["Tags"] = string.Join(", ", lead.Tags);
        return form;
    }
}
