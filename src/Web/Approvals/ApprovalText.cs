using System.Globalization;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Approvals;

/// <summary>Texts of approvals (ApprovalText.resx = zh-CN, .en.resx): the inbox, the decide dialog, progress, delegation.</summary>
public sealed class ApprovalText
{
    public static string Error(IStringLocalizer<ApprovalText> t, FieldError error) =>
        t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Unknown"].Value;

    /// <summary>"3 小时" / "2 天 4 小时" (under an hour: minutes).</summary>
    public static string Span(IStringLocalizer<ApprovalText> t, TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalHours < 1) return t["Minutes", (int)span.TotalMinutes];
        return span.TotalDays < 1 ? t["Hours", (int)span.TotalHours] : t["DaysHours", (int)span.TotalDays, span.Hours];
    }

    /// <summary>The SLA in words: none, time left, or overdue by how much.</summary>
    public static (string Text, bool Overdue) Sla(IStringLocalizer<ApprovalText> t, DateTimeOffset? due, DateTimeOffset now) => due switch
    {
        null => (t["Sla.None"], false),
        { } d when d < now => (t["Sla.Overdue", Span(t, now - d)], true),
        { } d => (t["Sla.Left", Span(t, d - now)], false),
    };

    public static string Action(IStringLocalizer<ApprovalText> t, ApprovalAction action) => t["Action." + action];

    public static string Amount(decimal amountWan) => amountWan.ToString("0.##", CultureInfo.InvariantCulture);
}
