using System.Security.Cryptography;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.PersonalData;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>What the entry and edit forms offer: the agency's dictionaries and own fields and, for ManageLeads, the members who may own the lead.</summary>
public sealed record LeadEntryOptions(LeadDictionaries Dictionaries, IReadOnlyList<LeadAssignee> Owners, CustomFieldSet Fields);

/// <summary>
/// Field-by-field feedback while a form is typed, from exactly the rules the save applies (<see cref="LeadInputRules"/>).
/// The values are sealed under a throw-away key that is never stored, so nothing here touches real personal data keys.
/// </summary>
public static class LeadEntryChecks
{
    private static readonly PersonalDataProtector Scratch = new(RandomNumberGenerator.GetBytes(32));

    public static IReadOnlyList<FieldError> Check(LeadInput input, LeadDictionaries dictionaries, DateOnly today, CustomFieldScope? custom = null) =>
        LeadInputRules.Validate(input, dictionaries, Scratch, today, custom).Errors;
}
