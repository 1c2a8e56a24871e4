using System.Globalization;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>Parses the free-text forms of amounts, terms, credit status, intent and tags that people type into spreadsheets.</summary>
public static class LeadFieldText
{
    public const decimal MaxAmountWan = 100_000m;

    /// <summary>"50", "50万", "50万元", "500,000", "500000元" → 万元. Values of 10,000 and more without 万 are 元.</summary>
    public static bool TryParseAmountWan(string text, out decimal wan)
    {
        var t = Domain.People.FullWidth.ToHalfWidth(text.Trim()).Replace(",", "").Replace("，", "").Replace(" ", "");
        var inWan = t.EndsWith('万') || t.EndsWith("万元", StringComparison.Ordinal) || t.EndsWith('w') || t.EndsWith('W');
        var inYuan = !inWan && (t.EndsWith('元') || t.EndsWith("RMB", StringComparison.OrdinalIgnoreCase));
        t = t.TrimEnd('元', '万', 'w', 'W').Replace("RMB", "", StringComparison.OrdinalIgnoreCase).Replace("¥", "").Replace("￥", "");
        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out wan)) return false;
        if (inYuan || (!inWan && wan >= 10_000m)) wan /= 10_000m;
        wan = Math.Round(wan, 2, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>"12", "12个月", "12期", "1年", "3 years" → months.</summary>
    public static bool TryParseTermMonths(string text, out int months)
    {
        var t = Domain.People.FullWidth.ToHalfWidth(text.Trim()).Replace(" ", "");
        var years = t.EndsWith('年') || t.EndsWith("years", StringComparison.OrdinalIgnoreCase) || t.EndsWith("year", StringComparison.OrdinalIgnoreCase);
        var digits = new string(t.TakeWhile(char.IsAsciiDigit).ToArray());
        var rest = t[digits.Length..];
        if (digits.Length is 0 or > 4 || !(rest is "" or "个月" or "月" or "期" or "年" or "m" or "M" || years)) { months = 0; return false; }
        months = int.Parse(digits, CultureInfo.InvariantCulture) * (years ? 12 : 1);
        return months is > 0 and <= 360;
    }

    public static bool TryParseCreditStatus(string text, out CreditStatus status)
    {
        var t = text.Trim();
        CreditStatus? found = t switch
        {
            "良好" or "好" or "正常" or "无逾期" => CreditStatus.Good,
            "有少量逾期" or "少量逾期" or "一般" or "轻微逾期" => CreditStatus.MinorLate,
            "当前逾期" or "有逾期" or "逾期" or "当前有逾期" or "较差" => CreditStatus.Overdue,
            "白户" or "无记录" or "无征信" => CreditStatus.NoHistory,
            "不清楚" or "未知" => CreditStatus.Unknown,
            _ => Enum.TryParse<CreditStatus>(t, true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(t, out _) ? parsed : null,
        };
        status = found ?? default;
        return found is not null;
    }

    public static bool TryParseIntent(string text, out IntentLevel intent)
    {
        var t = Domain.People.FullWidth.ToHalfWidth(text.Trim()).TrimEnd('类', '级');
        intent = default;
        return t.Length == 1 && char.IsAsciiLetter(t[0]) && Enum.TryParse(t, true, out intent) && Enum.IsDefined(intent);
    }

    /// <summary>Tags separated by commas, 、, semicolons or spaces; trimmed, de-duplicated, order kept.</summary>
    public static IReadOnlyList<string> SplitTags(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : Domain.People.FullWidth.ToHalfWidth(text)
            .Split([',', '、', ';', '；', '，', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
}
