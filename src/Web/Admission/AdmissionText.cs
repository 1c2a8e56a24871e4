using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Admission;

/// <summary>Texts of the admission rules (AdmissionText.resx = zh-CN, .en.resx).</summary>
public sealed class AdmissionText
{
    public static string Error(IStringLocalizer<AdmissionText> t, FieldError error) =>
        error.Field == "Condition" && error.Code == "Required" ? t["Error.Condition.Required"]
        : error.Field.StartsWith("Condition", StringComparison.Ordinal) ? t["Error.Condition"]
        : t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value
        : t[$"Error.{error.Code}"] is { ResourceNotFound: false } general ? general.Value : t["Error.Unknown"].Value;
}
