using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.PersonalData;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>
/// "Set field" values, read with the same rules as an edit: the built-in fields a rule may set (city, purpose, loan
/// type and source by dictionary, amount, term, credit status, intent) and the agency's own fields (personal-data
/// fields excepted: a rule never holds a plain mobile or ID number). An empty value clears the field.
/// </summary>
public static class AutomationFieldValues
{
    public static readonly IReadOnlyList<string> BuiltIn =
        [nameof(Lead.Intent), nameof(Lead.City), nameof(Lead.Purpose), nameof(Lead.LoanType), nameof(Lead.Source), nameof(Lead.AmountWan), nameof(Lead.TermMonths), nameof(Lead.CreditStatus)];

    /// <summary>Whether a rule may set <paramref name="key"/>.</summary>
    public static bool IsSettable(string key, CustomFieldSet fields) =>
        BuiltIn.Contains(key) || (CustomFieldKeys.TryParse(key, out var id) && fields.All.FirstOrDefault(f => f.Id == id) is { IsArchived: false, IsPersonalData: false });

    /// <returns>The change made (null: the value was already so), or an error code.</returns>
    public static (FieldChange? Change, string? Error) Apply(Lead lead, string key, string? text, LeadDictionaries dictionaries, CustomFieldSet fields,
        PersonalDataProtector protector, DateTimeOffset now)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        switch (key)
        {
            case nameof(Lead.City):
                return value?.Length > LeadInputRules.MaxCityLength ? (null, "Value.TooLong") : (Set(key, lead.City, value, v => lead.City = v), null);
            case nameof(Lead.Purpose):
                return value?.Length > LeadInputRules.MaxPurposeLength ? (null, "Value.TooLong") : (Set(key, lead.Purpose, value, v => lead.Purpose = v), null);
            case nameof(Lead.LoanType) or nameof(Lead.Source):
                var kind = key == nameof(Lead.LoanType) ? DictionaryKind.LoanType : DictionaryKind.Source;
                var item = value is null ? null : dictionaries.Match(kind, value);
                if (value is not null && item is null) return (null, "Value.Invalid");
                return key == nameof(Lead.LoanType) ? (Set(key, lead.LoanType, item, v => lead.LoanType = v), null) : (Set(key, lead.Source, item, v => lead.Source = v), null);
            case nameof(Lead.AmountWan):
                decimal? amount = null;
                if (value is not null)
                {
                    if (!LeadFieldText.TryParseAmountWan(value, out var wan) || wan <= 0 || wan > LeadFieldText.MaxAmountWan) return (null, "Value.Invalid");
                    amount = wan;
                }
                return (Set(key, lead.AmountWan, amount, v => lead.AmountWan = v), null);
            case nameof(Lead.TermMonths):
                int? term = null;
                if (value is not null)
                {
                    if (!LeadFieldText.TryParseTermMonths(value, out var months)) return (null, "Value.Invalid");
                    term = months;
                }
                return (Set(key, lead.TermMonths, term, v => lead.TermMonths = v), null);
            case nameof(Lead.CreditStatus):
                CreditStatus? credit = null;
                if (value is not null)
                {
                    if (!LeadFieldText.TryParseCreditStatus(value, out var status)) return (null, "Value.Invalid");
                    credit = status;
                }
                return (Set(key, lead.CreditStatus, credit, v => lead.CreditStatus = v), null);
            case nameof(Lead.Intent):
                IntentLevel? intent = null;
                if (value is not null)
                {
                    if (!LeadFieldText.TryParseIntent(value, out var level)) return (null, "Value.Invalid");
                    intent = level;
                }
                return (Set(key, lead.Intent, intent, v => lead.Intent = v), null);
        }
        if (!CustomFieldKeys.TryParse(key, out var id) || fields.All.FirstOrDefault(f => f.Id == id) is not { IsArchived: false, IsPersonalData: false } field)
            return (null, "Field.Unknown");
        CustomFieldEntry entry;
        if (value is null) entry = new CustomFieldEntry(field.Id);
        else
        {
            var (parsed, code) = CustomFieldValueRules.Parse(field, value, Shanghai.DateOf(now), protector);
            if (code is not null) return (null, "Value." + code);
            entry = parsed!;
        }
        return (CustomFieldChanges.Replace(lead, [entry]).FirstOrDefault(), null);
    }

    private static FieldChange? Set<T>(string field, T? current, T? wanted, Action<T?> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, wanted)) return null;
        assign(wanted);
        return new FieldChange(field, LeadChanges.Text(current), LeadChanges.Text(wanted));
    }
}
