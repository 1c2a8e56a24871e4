using System.Globalization;

namespace LoanSaaS.Domain.Leads;

public enum SampleLeadKind { Active, Pool, Blacklisted, Customer }

/// <summary>
/// One generated demo lead. Owner is an index into the caller's list of owners (ignored for the pool); times are
/// relative (days before today, minutes after 09:00 Shanghai) so the generator stays independent of the clock.
/// </summary>
public sealed record SampleLead(
    string Name, string Mobile, string? IdNumber, string City, string LoanType, decimal AmountWan, int TermMonths, string Purpose,
    CreditStatus Credit, string Source, IntentLevel? Intent, IReadOnlyList<string> Tags, SampleLeadKind Kind, int Owner,
    int DaysAgo, int MinuteOfDay, int? NextFollowUpInDays, string? BlacklistReason);

/// <summary>
/// Realistic, deterministic demo leads for a Shanghai loan agency: Chinese names, valid mainland mobiles, valid
/// 18-digit ID numbers for about half, Shanghai districts and nearby cities, the default loan types and sources.
/// Values are Chinese because they are sample customer data, not UI text.
/// </summary>
public static class SampleLeads
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "杜", "叶", "程", "沈", "陆", "顾", "钱", "施"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "辉", "鹏", "华", "红", "玉兰", "晨", "浩然", "子涵", "欣怡", "宇轩", "梓萱", "俊杰", "思远", "雨桐", "志强", "海燕", "国庆", "建国", "晓东", "丹丹", "佳琪", "一鸣", "春梅", "立新"];
    private static readonly (string City, string Area)[] Places =
    [
        ("上海浦东新区", "310115"), ("上海浦东新区", "310115"), ("上海闵行区", "310112"), ("上海徐汇区", "310104"), ("上海静安区", "310106"),
        ("上海宝山区", "310113"), ("上海松江区", "310117"), ("上海嘉定区", "310114"), ("上海杨浦区", "310110"), ("上海普陀区", "310107"),
        ("上海长宁区", "310105"), ("上海虹口区", "310109"), ("上海青浦区", "310118"), ("苏州", "320505"), ("杭州", "330106"), ("南京", "320102"),
        ("无锡", "320211"), ("嘉兴", "330402"), ("南通", "320602"),
    ];
    private static readonly string[] MobilePrefixes = ["138", "139", "136", "137", "135", "150", "151", "152", "158", "159", "186", "187", "188", "189", "177", "180", "181", "133", "153", "199", "166", "173"];
    private static readonly (string Key, decimal Min, decimal Max, string[] Purposes)[] Loans =
    [
        ("mortgage", 50, 500, ["房产抵押经营周转", "购房首付周转", "装修", "置换房产"]),
        ("credit", 5, 50, ["资金周转", "装修", "子女教育", "医疗支出", "还信用卡"]),
        ("car", 5, 40, ["购车", "车辆抵押周转"]),
        ("business", 20, 300, ["企业经营周转", "进货", "扩大经营", "支付货款"]),
        ("housing-fund", 10, 80, ["装修", "资金周转", "购车"]),
        ("policy", 5, 50, ["资金周转", "子女教育"]),
    ];
    private static readonly string[] Sources = ["platform", "platform", "web-form", "web-form", "phone", "street", "referral", "referral", "wechat", "walk-in", "other"];
    private static readonly string[] TagPool = ["有房", "有车", "有社保", "有公积金", "企业主", "上班族", "个体户", "急用款", "已面谈", "资料齐全", "征信花", "负债高", "回头客", "高意向"];
    private static readonly string[] BlacklistReasons = ["提供虚假收入证明", "冒用他人身份信息", "多次恶意辱骂工作人员", "涉嫌骗贷，已报警", "同行套取资料"];
    private static readonly int[] Terms = [6, 12, 12, 24, 36, 36, 60, 120];

    /// <summary><paramref name="owners"/> = how many owners the caller can assign (indexes 0..owners-1).</summary>
    public static IReadOnlyList<SampleLead> Generate(int count, int owners, int seed = 20261123)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(owners, 1);
        var random = new Random(seed);
        var mobiles = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var leads = new List<SampleLead>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = KindOf(random.Next(100));
            var (city, area) = Places[random.Next(Places.Length)];
            var loan = Loans[random.Next(Loans.Length)];
            var amount = Math.Round(loan.Min + (decimal)random.NextDouble() * (loan.Max - loan.Min), 0);
            var male = random.Next(2) == 0;
            string mobile;
            do mobile = MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            while (!mobiles.Add(mobile));
            string? id = null;
            if (random.Next(100) < 55)
            {
                do id = IdNumber(random, area, male);
                while (!ids.Add(id));
            }
            var tags = TagPool.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList();
            var intent = random.Next(10) switch { 0 => (IntentLevel?)null, < 3 => IntentLevel.A, < 6 => IntentLevel.B, < 8 => IntentLevel.C, _ => IntentLevel.D };
            var days = random.Next(0, 60);
            int? next = kind is SampleLeadKind.Active or SampleLeadKind.Customer && random.Next(10) < 7 ? random.Next(-5, 10) : null;
            leads.Add(new SampleLead(
                Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)], mobile, id, city, loan.Key, amount,
                Terms[random.Next(Terms.Length)], loan.Purposes[random.Next(loan.Purposes.Length)], CreditOf(random.Next(20)),
                Sources[random.Next(Sources.Length)], intent, tags, kind, random.Next(owners), days, random.Next(0, 10 * 60), next,
                kind == SampleLeadKind.Blacklisted ? BlacklistReasons[random.Next(BlacklistReasons.Length)] : null));
        }
        return leads;
    }

    private static SampleLeadKind KindOf(int roll) => roll switch
    {
        < 3 => SampleLeadKind.Blacklisted,
        < 18 => SampleLeadKind.Pool,
        < 32 => SampleLeadKind.Customer,
        _ => SampleLeadKind.Active,
    };

    private static CreditStatus CreditOf(int roll) => roll switch
    {
        < 11 => CreditStatus.Good,
        < 15 => CreditStatus.MinorLate,
        < 16 => CreditStatus.Overdue,
        < 18 => CreditStatus.NoHistory,
        _ => CreditStatus.Unknown,
    };

    /// <summary>A valid ID number: area code, birth date 1965–2000, sequence (odd = male), ISO 7064 MOD 11-2 check character.</summary>
    private static string IdNumber(Random random, string area, bool male)
    {
        var birth = new DateOnly(1965, 1, 1).AddDays(random.Next(0, 365 * 35));
        var sequence = random.Next(0, 50) * 2 + (male ? 1 : 0) + random.Next(0, 9) * 100;
        var body = area + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (sequence % 1000).ToString("D3", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (body[i] - '0') * weights[i];
        return body + "10X98765432"[sum % 11];
    }
}
