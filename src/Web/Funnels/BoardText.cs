using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Funnels;

/// <summary>Resource marker for the funnel boards (BoardText.resx = zh-CN, BoardText.en.resx).</summary>
public sealed class BoardText
{
    /// <summary>"Error.{Field}.{Code}" of a board or stage refusal, or the generic one.</summary>
    public static string Error(IStringLocalizer<BoardText> t, FieldError error) =>
        t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Other"].Value;
}
