using LoanSaaS.Domain.Credit;
using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Credit;

/// <summary>Resource marker for credit reports (CreditText.resx = zh-CN, CreditText.en.resx).</summary>
public sealed class CreditText
{
    public static string Summary(IStringLocalizer<CreditText> t, CreditReportSummary s) => t["Summary", s.Score, s.CurrentOverdueCount, s.Queries6Months];

    public static string Kind(IStringLocalizer<CreditText> t, CreditAccountKind kind) => t["Kind." + kind];

    public static string State(IStringLocalizer<CreditText> t, CreditAccountState state) => t["State." + state];

    public static string Error(IStringLocalizer<CreditText> t, FieldError error) =>
        t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Unknown"].Value;
}
