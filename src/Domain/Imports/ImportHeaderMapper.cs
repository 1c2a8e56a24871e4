using System.Text;
using LoanSaaS.Domain.People;

namespace LoanSaaS.Domain.Imports;

/// <summary>
/// Guesses which lead field a column holds from its header, as agencies' spreadsheets name them (Chinese or English).
/// Headers are compared trimmed, half-width, case-insensitively, without spaces, "*" marks or a unit in brackets
/// ("需求金额(万)" is "需求金额"). Each field is mapped at most once: the first matching column wins.
/// </summary>
public static class ImportHeaderMapper
{
    private static readonly Dictionary<string, ImportField> Aliases = Build(
        (ImportField.Name, ["姓名", "客户姓名", "名字", "客户名称", "客户", "联系人", "name", "fullname", "customername", "customer"]),
        (ImportField.Mobile, ["手机号", "手机", "电话", "联系电话", "手机号码", "电话号码", "联系方式", "移动电话", "mobile", "phone", "mobilephone", "phonenumber", "cellphone", "tel"]),
        (ImportField.IdNumber, ["身份证号", "身份证", "证件号码", "身份证号码", "证件号", "idnumber", "idcard", "idno"]),
        (ImportField.City, ["城市", "所在城市", "地区", "所在地", "区域", "city", "region"]),
        (ImportField.LoanType, ["贷款类型", "产品类型", "贷款产品", "业务类型", "loantype", "producttype", "product"]),
        (ImportField.AmountWan, ["贷款金额", "金额", "意向金额", "需求金额", "借款金额", "申请金额", "amount", "loanamount"]),
        (ImportField.Purpose, ["资金用途", "用途", "贷款用途", "借款用途", "purpose"]),
        (ImportField.TermMonths, ["期限", "贷款期限", "借款期限", "期数", "term", "loanterm"]),
        (ImportField.CreditStatus, ["征信", "征信情况", "信用情况", "征信状况", "credit", "creditstatus"]),
        (ImportField.Source, ["来源", "渠道", "来源渠道", "客户来源", "source", "channel"]),
        (ImportField.Intent, ["意向", "意向等级", "意向度", "客户等级", "intent", "intentlevel", "level"]),
        (ImportField.Tags, ["标签", "客户标签", "tags", "tag", "labels"]));

    /// <summary>The field for one header, or <see cref="ImportField.Ignore"/>.</summary>
    public static ImportField Guess(string? header) =>
        header is not null && Aliases.TryGetValue(Normalize(header), out var field) ? field : ImportField.Ignore;

    /// <summary>A field per column (same order as <paramref name="headers"/>); unknown or repeated ones are ignored.</summary>
    public static IReadOnlyList<ImportField> Map(IReadOnlyList<string?> headers)
    {
        var taken = new HashSet<ImportField>();
        var result = new ImportField[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var field = Guess(headers[i]);
            result[i] = field != ImportField.Ignore && taken.Add(field) ? field : ImportField.Ignore;
        }
        return result;
    }

    /// <summary>The comparable form of a header: also the key under which a remembered mapping is stored.</summary>
    public static string Normalize(string header)
    {
        var text = FullWidth.ToHalfWidth(header).Trim();
        var bracket = text.IndexOfAny(['(', '[', '【', '（']);
        if (bracket > 0) text = text[..bracket];
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '*' or '_' or '-' or ':' or '：') continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static Dictionary<string, ImportField> Build(params (ImportField Field, string[] Names)[] groups)
    {
        var map = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (field, names) in groups)
            foreach (var name in names)
                map.Add(Normalize(name), field);
        return map;
    }
}
