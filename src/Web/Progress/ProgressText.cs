using LoanSaaS.Domain.Applications;
using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Progress;

/// <summary>Resource marker for customer progress links and the public progress page (ProgressText.resx = zh-CN, ProgressText.en.resx).</summary>
public sealed class ProgressText
{
    public static string Greeting(IStringLocalizer<ProgressText> t, BorrowerGreeting g) => t["Greeting." + g.Title, g.Surname];

    public static string Stage(IStringLocalizer<ProgressText> t, ProgressStage stage) => t["Stage." + stage];

    public static string Status(IStringLocalizer<ProgressText> t, ProgressLinkStatus status) => t["Status." + status];

    public static string Error(IStringLocalizer<ProgressText> t, FieldError error) =>
        t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Unknown"].Value;
}
