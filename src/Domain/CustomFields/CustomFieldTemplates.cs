using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.CustomFields;

/// <summary>Fields agencies commonly add, offered as templates (从模板添加) and given to the demo agency.</summary>
public static class CustomFieldTemplates
{
    public static IReadOnlyList<CustomField> All() =>
    [
        new() { Label = "社保缴纳基数", Type = FieldType.Money, Min = 0, Hint = "每月缴纳基数（元）", ShowInList = true },
        new() { Label = "公积金连续缴纳月数", Type = FieldType.Number, Min = 0, Max = 600, Hint = "截至目前连续缴纳的月数" },
        new() { Label = "名下房产", Type = FieldType.SingleSelect, Options = ["无", "全款房", "按揭房", "多套房产"], ShowInList = true },
        new() { Label = "名下车辆", Type = FieldType.SingleSelect, Options = ["无", "全款车", "按揭车"] },
        new() { Label = "负债总额", Type = FieldType.Money, Min = 0, Hint = "信用卡、贷款等合计（元）" },
    ];
}
