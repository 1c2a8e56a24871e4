using System.Globalization;

namespace LoanSaaS.Domain.Applications;

public enum BorrowerTitle { Mr, Ms, Unknown }

/// <summary>
/// How the progress page addresses the borrower: the surname and a title only (张先生 / 张女士, or 张** when the gender
/// is unknown) — never the given name. Two-character surnames (欧阳, 司马 …) are kept whole.
/// </summary>
public sealed record BorrowerGreeting(string Surname, BorrowerTitle Title)
{
    private static readonly string[] CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐", "尉迟", "公孙", "长孙", "宇文", "司徒", "夏侯",
        "端木", "独孤", "南宫", "西门", "轩辕", "呼延", "澹台", "公冶", "太史", "申屠", "闻人", "万俟", "赫连", "钟离",
    ];

    public static BorrowerGreeting For(string name, bool? isMale)
    {
        var trimmed = name.Trim();
        // A name written with spaces ("Tom Lee") has its family name last.
        if (trimmed.Contains(' ', StringComparison.Ordinal)) return new BorrowerGreeting(trimmed[(trimmed.LastIndexOf(' ') + 1)..], TitleOf(isMale));
        var surname = CompoundSurnames.FirstOrDefault(s => trimmed.StartsWith(s, StringComparison.Ordinal) && trimmed.Length > s.Length)
            ?? (trimmed.Length == 0 ? "" : StringInfo.GetNextTextElement(trimmed));
        return new BorrowerGreeting(surname, TitleOf(isMale));
    }

    private static BorrowerTitle TitleOf(bool? isMale) => isMale switch { true => BorrowerTitle.Mr, false => BorrowerTitle.Ms, null => BorrowerTitle.Unknown };
}
