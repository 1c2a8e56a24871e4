using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.People;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.PersonalData;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>
/// Validates and normalises a <see cref="LeadInput"/> into a sealed <see cref="LeadDraft"/>, the same way for every
/// channel. Error codes are "Field.Reason" (e.g. "Mobile.Invalid"), localized by the UI and the import report.
/// </summary>
public static class LeadInputRules
{
    public const int MaxNameLength = 50;
    public const int MaxCityLength = 30;
    public const int MaxPurposeLength = 200;

    /// <param name="custom">The agency's own fields and which of them this channel must give; none checked when null.</param>
    public static Result<LeadDraft> Validate(LeadInput input, LeadDictionaries dictionaries, PersonalDataProtector protector, DateOnly today, CustomFieldScope? custom = null)
    {
        var errors = new List<FieldError>();
        var name = PersonName.Normalize(input.Name);
        if (name.Length == 0) errors.Add(new("Name", "Required"));
        else if (name.Length > MaxNameLength) errors.Add(new("Name", "TooLong"));

        string? mobile = null;
        if (string.IsNullOrWhiteSpace(input.Mobile)) errors.Add(new("Mobile", "Required"));
        else if ((mobile = MobileNumbers.Normalize(input.Mobile)) is null) errors.Add(new("Mobile", "Invalid"));

        var id = ChineseIdNumber.Normalize(input.IdNumber);
        if (id is not null && !ChineseIdNumber.IsValid(id, today)) errors.Add(new("IdNumber", "Invalid"));

        var city = Optional(input.City);
        if (city?.Length > MaxCityLength) errors.Add(new("City", "TooLong"));
        var purpose = Optional(input.Purpose);
        if (purpose?.Length > MaxPurposeLength) errors.Add(new("Purpose", "TooLong"));

        var loanType = Lookup(input.LoanType, DictionaryKind.LoanType, "LoanType", dictionaries, errors);
        var source = Lookup(input.Source, DictionaryKind.Source, "Source", dictionaries, errors);

        decimal? amount = null;
        if (Optional(input.Amount) is { } a)
        {
            if (!LeadFieldText.TryParseAmountWan(a, out var wan)) errors.Add(new("Amount", "NotNumber"));
            else if (wan <= 0 || wan > LeadFieldText.MaxAmountWan) errors.Add(new("Amount", "OutOfRange"));
            else amount = wan;
        }

        int? term = null;
        if (Optional(input.Term) is { } t)
        {
            if (LeadFieldText.TryParseTermMonths(t, out var months)) term = months;
            else errors.Add(new("Term", "Invalid"));
        }

        CreditStatus? credit = null;
        if (Optional(input.CreditStatus) is { } c)
        {
            if (LeadFieldText.TryParseCreditStatus(c, out var status)) credit = status;
            else errors.Add(new("CreditStatus", "Invalid"));
        }

        IntentLevel? intent = null;
        if (Optional(input.Intent) is { } i)
        {
            if (LeadFieldText.TryParseIntent(i, out var level)) intent = level;
            else errors.Add(new("Intent", "Invalid"));
        }

        var tags = LeadFieldText.SplitTags(input.Tags);
        if (tags.Any(x => x.Length > LeadTag.MaxLength)) errors.Add(new("Tags", "TooLong"));
        else if (tags.Count > LeadTag.MaxPerLead) errors.Add(new("Tags", "TooMany"));

        var customEntries = custom is null ? [] : CustomFieldValueRules.Validate(input.Custom, custom, protector, today, errors);

        if (errors.Count > 0) return Result<LeadDraft>.Fail(errors);
        return Result<LeadDraft>.Ok(new LeadDraft
        {
            Name = name,
            Mobile = protector.SealMobile(mobile!),
            IdNumber = id is null ? SealedValue.Empty : protector.SealIdNumber(id),
            BirthDate = id is null ? null : ChineseIdNumber.BirthDate(id),
            IsMale = id is null ? null : ChineseIdNumber.IsMale(id),
            City = city, LoanType = loanType, AmountWan = amount, Purpose = purpose, TermMonths = term,
            CreditStatus = credit, Source = source, Intent = intent, Tags = tags, Custom = customEntries,
        });
    }

    private static string? Lookup(string? text, DictionaryKind kind, string field, LeadDictionaries dictionaries, List<FieldError> errors)
    {
        if (Optional(text) is not { } value) return null;
        var key = dictionaries.Match(kind, value);
        if (key is null) errors.Add(new(field, "Unknown"));
        return key;
    }

    private static string? Optional(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : FullWidth.ToHalfWidth(text.Trim());
}
