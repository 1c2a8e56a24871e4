using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace LoanSaaS.Bench.Imports;

/// <summary>Generated agency spreadsheets: distinct people, realistic columns, about half with an ID number. Written streaming.</summary>
public static class BenchRows
{
    public static readonly string[] Headers = ["姓名", "手机号", "身份证号", "城市", "贷款类型", "需求金额(万)", "期限", "来源", "意向等级", "标签"];
    private static readonly string[] Cities = ["上海", "杭州", "苏州", "南京", "北京", "深圳"];
    private static readonly string[] LoanTypes = ["抵押贷", "信用贷", "车贷", "经营贷"];
    private static readonly string[] Sources = ["地推", "电话", "转介绍"];

    public static IEnumerable<string?[]> Generate(int count)
    {
        for (var i = 0; i < count; i++)
            yield return
            [
                "客户" + i.ToString(CultureInfo.InvariantCulture),
                "135" + i.ToString("D8", CultureInfo.InvariantCulture),
                i % 2 == 0 ? IdNumber(i) : null,
                Cities[i % Cities.Length],
                LoanTypes[i % LoanTypes.Length],
                (10 + i % 190).ToString(CultureInfo.InvariantCulture),
                (12 * (1 + i % 5)).ToString(CultureInfo.InvariantCulture),
                Sources[i % Sources.Length],
                "ABCD"[i % 4].ToString(),
                i % 3 == 0 ? "优质" : null,
            ];
    }

    public static void WriteXlsx(string path, int count)
    {
        var rows = Generate(count).Select(r => Headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => (object?)x.Item2));
        MiniExcel.SaveAs(path, rows, overwriteFile: true);
    }

    public static void WriteCsv(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write(string.Join(',', Headers) + "\r\n");
        foreach (var row in Generate(count)) writer.Write(string.Join(',', row) + "\r\n");
    }

    /// <summary>A valid ID number, distinct for each i (serial + birth day from i).</summary>
    private static string IdNumber(int i)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(i / 1000 % 10_000);
        var body = $"310101{birth:yyyyMMdd}{i % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var k = 0; k < 17; k++) sum += (body[k] - '0') * weights[k];
        return body + "10X98765432"[sum % 11];
    }
}
