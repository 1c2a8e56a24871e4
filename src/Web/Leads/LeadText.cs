using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Leads;

/// <summary>
/// Texts shared by every lead page: field labels ("Field.Mobile"), enum values ("Intent.A", "Status.PublicPool",
/// "Credit.Good", "Channel.Import", "FollowUp.Phone", "Outcome.NoAnswer") and validation errors ("Error.Mobile.Invalid").
/// </summary>
public sealed class LeadText
{
    public static string Error(IStringLocalizer<LeadText> t, FieldError error) =>
        error.Field.StartsWith(Domain.CustomFields.CustomFieldKeys.Prefix, StringComparison.Ordinal) ? t[$"Error.Custom.{error.Code}"].Value
        : t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t[$"Error.{error.Code}"].Value;

    public static string Enum<TEnum>(IStringLocalizer<LeadText> t, TEnum value) where TEnum : struct, System.Enum =>
        t[$"{Prefix(typeof(TEnum))}.{value}"].Value;

    /// <summary>An enum value whose type is known only at run time (a condition's field).</summary>
    public static string Enum(IStringLocalizer<LeadText> t, System.Enum value) => t[$"{Prefix(value.GetType())}.{value}"].Value;

    private static string Prefix(Type type) => type.Name switch
    {
        "IntentLevel" => "Intent",
        "LeadStatus" => "Status",
        "CreditStatus" => "Credit",
        "LeadChannel" => "Channel",
        "FollowUpChannel" => "FollowUp",
        "FollowUpOutcome" => "Outcome",
        "DuplicatePolicy" => "Policy",
        var name => name,
    };
}
