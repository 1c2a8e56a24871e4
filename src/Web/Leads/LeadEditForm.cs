using System.Globalization;
using LoanSaaS.Infrastructure.Common;
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

    public void TouchAll() => _touched.UnionWith(Fields);

    public void SetServerErrors(IEnumerable<FieldError> errors) => _server = errors.ToList();

    public LeadInput ToInput() => new()
    {
        Name = this["Name"], Mobile = this["Mobile"], IdNumber = this["IdNumber"], City = this["City"], LoanType = this["LoanType"],
        Amount = this["Amount"], Purpose = this["Purpose"], Term = this["Term"], CreditStatus = this["CreditStatus"],
        Source = this["Source"], Intent = this["Intent"], Tags = this["Tags"],
    };

    /// <summary>The rules' problems with what is typed now (plus the last save's), for fields the member has left.</summary>
    public IReadOnlyList<FieldError> Problems(LeadDictionaries dictionaries, DateOnly today)
    {
        var all = LeadEntryChecks.Check(ToInput(), dictionaries, today)
            .Where(e => !(Editing && e is { Field: "Mobile", Code: "Required" }))
            .Concat(_server).Distinct();
        return all.Where(e => _touched.Contains(e.Field) || _server.Contains(e)).ToList();
    }

    public static LeadEditForm From(LeadDetail lead)
    {
        var form = new LeadEditForm { Editing = true };
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
