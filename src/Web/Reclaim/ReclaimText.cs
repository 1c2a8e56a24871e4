using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Reclaim;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Reclaim;

/// <summary>Texts of the reclaim rules (ReclaimText.resx = zh-CN, .en.resx), also used by the bell, the timeline and the lead page.</summary>
public sealed class ReclaimText
{
    public static string Error(IStringLocalizer<ReclaimText> t, FieldError error) =>
        error.Field.StartsWith("Condition", StringComparison.Ordinal) ? t["Error.Condition"]
        : error.Code == "Number" ? t["Error.Number"]
        : t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Unknown"].Value;

    /// <summary>"分配后 24 小时未联系" / "3 天未跟进" / "7 天未推进".</summary>
    public static string Reason(IStringLocalizer<ReclaimText> t, ReclaimLimit limit, int amount) => t["Limit." + limit, amount];

    /// <summary>The reason carried by a notification or an audit entry; empty when it is not one.</summary>
    public static string Reason(IStringLocalizer<ReclaimText> t, string? detail) =>
        ReclaimNotices.Parse(detail) is { } r ? Reason(t, r.Limit, r.Amount) : "";

    /// <summary>The rule's limits in words, "或" between them.</summary>
    public static string Limits(IStringLocalizer<ReclaimText> t, ReclaimRule rule)
    {
        var parts = new List<string>();
        if (rule.NotContactedHours is { } h) parts.Add(Reason(t, ReclaimLimit.NotContacted, h));
        if (rule.NoFollowUpDays is { } d) parts.Add(Reason(t, ReclaimLimit.NoFollowUp, d));
        if (rule.NoStageAdvanceDays is { } s) parts.Add(Reason(t, ReclaimLimit.NoStageAdvance, s));
        return string.Join(t["Or"].Value, parts);
    }
}
