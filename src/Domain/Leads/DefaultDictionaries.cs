namespace LoanSaaS.Domain.Leads;

/// <summary>What a new agency starts with; names are Chinese because they are the agency's data, not UI text.</summary>
public static class DefaultDictionaries
{
    public static IReadOnlyList<DictionaryItem> All { get; } =
    [
        .. Items(DictionaryKind.LoanType, ("mortgage", "抵押贷"), ("credit", "信用贷"), ("car", "车贷"), ("business", "经营贷"), ("housing-fund", "公积金贷"), ("policy", "保单贷")),
        .. Items(DictionaryKind.Source, ("web-form", "官网表单"), ("platform", "第三方平台"), ("street", "地推"), ("phone", "电话"), ("referral", "转介绍"), ("wechat", "微信"), ("walk-in", "上门"), ("other", "其他")),
    ];

    /// <summary>The source given to leads from the public application form.</summary>
    public const string WebFormSource = "web-form";

    private static IEnumerable<DictionaryItem> Items(DictionaryKind kind, params (string Key, string Name)[] items) =>
        items.Select((x, i) => new DictionaryItem { Kind = kind, Key = x.Key, Name = x.Name, SortOrder = i });
}
