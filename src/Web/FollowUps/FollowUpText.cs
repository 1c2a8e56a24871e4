using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.FollowUps;

/// <summary>Texts of follow-ups, my tasks and notifications (FollowUpText.resx = zh-CN, FollowUpText.en.resx).</summary>
public sealed class FollowUpText
{
    public static string Error(IStringLocalizer<FollowUpText> t, FieldError error) =>
        t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Unknown"].Value;
}
