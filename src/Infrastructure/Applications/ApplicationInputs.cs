using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.PersonalData;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>The product rules' refusals as field errors, and the typed terms tidied for storing.</summary>
internal static class ApplicationInputs
{
    /// <summary>The rules with the leads' mobile check (libphonenumber, <see cref="MobileNumbers"/>).</summary>
    public static IReadOnlyList<ApplicationInputError> Check(ApplicationInput input, LoanProduct product) =>
        ApplicationInputRules.Check(input, product, m => MobileNumbers.Normalize(m) is not null);

    public static IReadOnlyList<FieldError> Errors(IReadOnlyList<ApplicationInputError> errors) => errors.Select(e => new FieldError(e.Field, e.Code)).ToList();

    public static string? Purpose(string? purpose) => string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();

    /// <summary>The checked co-borrower / guarantor as stored, the mobile sealed; all empty when none was given.</summary>
    public static RelatedPerson Related(ApplicationInput input, PersonalDataProtector protector) =>
        input.RelatedRole is not { } role
            ? RelatedPerson.None
            : new RelatedPerson(role, ApplicationInputRules.RelatedName(input.RelatedName), input.RelatedRelation,
                protector.SealMobile(MobileNumbers.Normalize(input.RelatedMobile)!));

    public static void Apply(LoanApplication application, RelatedPerson related)
    {
        application.RelatedRole = related.Role;
        application.RelatedName = related.Name;
        application.RelatedRelation = related.Relation;
        application.RelatedMobile = related.Mobile;
    }

    /// <summary>For the audit: role, name, relation and the mobile's mask — never its value.</summary>
    public static object? AuditOf(RelatedPerson related) => related.Role is null ? null : new
    {
        role = related.Role.ToString(), name = related.Name, relation = related.Relation?.ToString(), mobile = related.Mobile.Masked,
    };

    /// <summary>"CoBorrower,王芳,Spouse,138****5678" for an audited change (the mask, never the number); null for none.</summary>
    public static string? Text(RelatedPerson related) =>
        related.Role is null ? null : $"{related.Role},{related.Name},{related.Relation},{related.Mobile.Masked}";
}

/// <summary>An application's co-borrower or guarantor as stored.</summary>
internal sealed record RelatedPerson(RelatedPersonRole? Role, string? Name, RelatedPersonRelation? Relation, SealedValue Mobile)
{
    public static readonly RelatedPerson None = new(null, null, null, SealedValue.Empty);

    public static RelatedPerson Of(LoanApplication a) => new(a.RelatedRole, a.RelatedName, a.RelatedRelation, a.RelatedMobile);

    /// <summary>Same person: the mobile compared by its blind index (a fresh seal has a fresh nonce).</summary>
    public bool SameAs(RelatedPerson other) =>
        Role == other.Role && Name == other.Name && Relation == other.Relation && Mobile.Index == other.Mobile.Index;
}
