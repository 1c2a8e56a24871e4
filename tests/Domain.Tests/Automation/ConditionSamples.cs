using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Domain.Tests.Automation;

/// <summary>
/// Leads covering empty and filled values of every built-in condition field and of the agency's own fields, and conditions with every operator
/// and the lead names each must select — shared by the in-memory tests and the SQL parity tests (integration).
/// </summary>
public static class ConditionSamples
{
    /// <summary>2026-12-07 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    public static readonly Guid TeamOne = Guid.Parse("0193a0c0-0000-7000-8000-000000000001");
    public static readonly Guid StageVisit = Guid.Parse("0193a0c0-0000-7000-8000-0000000000aa");

    public static readonly CustomField Base = Field(1, "社保缴纳基数", FieldType.Money);
    public static readonly CustomField House = Field(2, "名下房产", FieldType.SingleSelect, "无", "全款房", "按揭房");
    public static readonly CustomField Assets = Field(3, "资产", FieldType.MultiSelect, "房产", "车辆", "股票");
    public static readonly CustomField Insured = Field(4, "有社保", FieldType.YesNo);
    public static readonly CustomField License = Field(5, "执照到期", FieldType.Date);
    public static readonly CustomField Note = Field(6, "备注", FieldType.Text);
    public static readonly CustomField Contact = Field(7, "紧急联系人", FieldType.Mobile);

    /// <summary>The agency's own fields the samples carry values of.</summary>
    public static IReadOnlyList<CustomField> Fields { get; } = [Base, House, Assets, Insured, License, Note, Contact];

    /// <summary>Built-in lead fields plus <see cref="Fields"/>.</summary>
    public static ConditionSchema<Lead> Schema { get; } = LeadConditions.With(Fields);

    private static CustomField Field(int n, string label, FieldType type, params string[] options) => new()
    {
        Id = Guid.Parse($"0193a0c0-0000-7000-8000-0000000001{n:x2}"), Label = label, Type = type, Options = [.. options],
    };

    public static IReadOnlyList<Lead> Leads(string prefix = "") =>
    [
        Lead(prefix + "甲", l =>
        {
            (l.City, l.LoanType, l.Source, l.AmountWan, l.TermMonths, l.Intent, l.CreditStatus) = ("上海", "mortgage", "web", 80m, 36, IntentLevel.A, CreditStatus.Good);
            (l.OwnerId, l.TeamId, l.StageId, l.BirthDate, l.Purpose) = ("u-sales-a", TeamOne, StageVisit, new DateOnly(1985, 3, 1), "经营周转，扩大门店");
            (l.LastFollowUpAt, l.NextFollowUpAt, l.StageEnteredAt) = (Now.AddDays(-1), Now.AddDays(2), Now.AddDays(-10));
            l.Mobile = new SealedValue([1], "idx-mobile-1", "138****0001");
            l.Tags = [new LeadTag { Tag = "有房" }, new LeadTag { Tag = "优质" }];
            l.FollowUpCount = 3;
            l.CustomValues =
            [
                new() { FieldId = Base.Id, Number = 8000m }, new() { FieldId = House.Id, Text = "全款房" },
                new() { FieldId = Assets.Id, Text = "房产" }, new() { FieldId = Assets.Id, Ordinal = 1, Text = "车辆" },
                new() { FieldId = Insured.Id, Flag = true }, new() { FieldId = License.Id, Date = new DateOnly(2026, 12, 17) },
            ];
        }),
        Lead(prefix + "乙", l =>
        {
            (l.City, l.LoanType, l.Source, l.AmountWan, l.TermMonths, l.Intent) = ("杭州", "credit", "referral", 20m, 12, IntentLevel.B);
            (l.OwnerId, l.Channel, l.BirthDate) = ("u-sales-b", LeadChannel.WebForm, new DateOnly(1995, 12, 20));
            (l.LastFollowUpAt, l.NextFollowUpAt, l.StageEnteredAt) = (Now.AddDays(-5), Now.AddDays(-1), Now.AddDays(-2));
            l.Tags = [new LeadTag { Tag = "有车" }];
            l.FollowUpCount = 1;
            l.CustomValues =
            [
                new() { FieldId = Base.Id, Number = 3000m }, new() { FieldId = House.Id, Text = "无" }, new() { FieldId = Insured.Id, Flag = false },
                new() { FieldId = License.Id, Date = new DateOnly(2026, 12, 8) },
                new() { FieldId = Contact.Id, Text = "139****0002", Cipher = [2], Index = "idx-contact-2" },
            ];
        }),
        Lead(prefix + "丙", l =>
        {
            (l.City, l.AmountWan, l.Intent, l.CreditStatus, l.Status, l.ConvertedAt) = ("上海市浦东新区", 150m, IntentLevel.C, CreditStatus.Overdue, LeadStatus.Active, Now.AddDays(-3));
            l.CreatedAt = Now.AddDays(-40);
            l.IdNumber = new SealedValue([1], "idx-id-1", "3101**********1234");
            l.CustomValues = [new() { FieldId = Assets.Id, Text = "股票" }, new() { FieldId = Note.Id, Text = "老客户转介绍" }];
        }),
        // Nothing filled but what every lead has.
        Lead(prefix + "丁", l => (l.Status, l.CreatedAt, l.City) = (LeadStatus.PublicPool, Now.AddDays(-8), "")),
    ];

    private static Lead Lead(string name, Action<Lead> fill)
    {
        var lead = new Lead { Number = "L" + name.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture), Name = name, CreatedAt = Now.AddHours(-2), Channel = LeadChannel.Manual };
        fill(lead);
        lead.UpdatedAt = lead.CreatedAt;
        foreach (var tag in lead.Tags) tag.LeadId = lead.Id;
        foreach (var value in lead.CustomValues) value.LeadId = lead.Id;
        return lead;
    }

    private static Comparison C(string field, ConditionOperator op, params string[] values) => Comparison.Of(field, op, values);

    /// <summary>Each condition with the (unprefixed) names it selects, in name order 甲乙丙丁.</summary>
    public static IReadOnlyList<(string Name, ConditionNode Condition, string[] Expected)> Cases { get; } =
    [
        ("text =", C("City", EqualTo, "上海"), ["甲"]),
        ("text ≠ (empty counts as different)", C("City", NotEqualTo, "上海"), ["乙", "丙", "丁"]),
        ("text contains", C("City", Contains, "上海"), ["甲", "丙"]),
        ("text does not contain", C("Purpose", NotContains, "门店"), ["乙", "丙", "丁"]),
        ("text in", C("City", In, "杭州", "上海"), ["甲", "乙"]),
        ("text not in", C("City", NotIn, "杭州", "上海"), ["丙", "丁"]),
        ("text empty (null or blank)", C("City", IsEmpty), ["丁"]),
        ("money >", C("AmountWan", GreaterThan, "20"), ["甲", "丙"]),
        ("money ≥", C("AmountWan", GreaterOrEqual, "20"), ["甲", "乙", "丙"]),
        ("money <", C("AmountWan", LessThan, "80"), ["乙"]),
        ("money ≤", C("AmountWan", LessOrEqual, "80"), ["甲", "乙"]),
        ("money between (ends included)", C("AmountWan", Between, "20", "80"), ["甲", "乙"]),
        ("money empty", C("AmountWan", IsEmpty), ["丁"]),
        ("number =", C("TermMonths", EqualTo, "36"), ["甲"]),
        ("number ≠", C("TermMonths", NotEqualTo, "36"), ["乙", "丙", "丁"]),
        ("enum =", C("Intent", EqualTo, "A"), ["甲"]),
        ("enum in", C("Intent", In, "A", "C"), ["甲", "丙"]),
        ("enum not in", C("Intent", NotIn, "A", "C"), ["乙", "丁"]),
        ("enum empty", C("CreditStatus", IsEmpty), ["乙", "丁"]),
        ("channel", C("Channel", EqualTo, "WebForm"), ["乙"]),
        ("status", C("Status", EqualTo, "PublicPool"), ["丁"]),
        ("dictionary key", C("LoanType", In, "mortgage", "credit"), ["甲", "乙"]),
        ("tags contain", C("Tags", Contains, "有房"), ["甲"]),
        ("tags do not contain", C("Tags", NotContains, "有房"), ["乙", "丙", "丁"]),
        ("no tags", C("Tags", IsEmpty), ["丙", "丁"]),
        ("some tag", C("Tags", IsNotEmpty), ["甲", "乙"]),
        ("yes/no", C("IsCustomer", EqualTo, "true"), ["丙"]),
        ("yes/no false", C("IsCustomer", EqualTo, "false"), ["甲", "乙", "丁"]),
        ("mobile given", C("Mobile", IsNotEmpty), ["甲"]),
        ("ID number missing", C("IdNumber", IsEmpty), ["甲", "乙", "丁"]),
        ("owner", C("OwnerId", EqualTo, "u-sales-a"), ["甲"]),
        ("team", C("TeamId", EqualTo, TeamOne.ToString()), ["甲"]),
        ("stage", C("StageId", EqualTo, StageVisit.ToString()), ["甲"]),
        ("no stage", C("StageId", IsEmpty), ["乙", "丙", "丁"]),
        ("date <", C("BirthDate", LessThan, "1990-01-01"), ["甲"]),
        ("date between", C("BirthDate", Between, "1995-01-01", "1995-12-31"), ["乙"]),
        ("created within last 7 days", C("CreatedAt", WithinLastDays, "7"), ["甲", "乙"]),
        ("created more than 7 days ago", C("CreatedAt", MoreThanDaysAgo, "7"), ["丙", "丁"]),
        ("created on or after a Shanghai date", C("CreatedAt", GreaterOrEqual, "2026-11-29"), ["甲", "乙", "丁"]),
        ("created before a Shanghai date", C("CreatedAt", LessThan, "2026-11-29"), ["丙"]),
        ("created between Shanghai dates (whole days)", C("CreatedAt", Between, "2026-11-29", "2026-11-29"), ["丁"]),
        ("no follow-up for 3 days (never counts as no)", C("LastFollowUpAt", MoreThanDaysAgo, "3"), ["乙"]),
        ("never followed up", C("LastFollowUpAt", IsEmpty), ["丙", "丁"]),
        ("next follow-up in the next 3 days", C("NextFollowUpAt", WithinNextDays, "3"), ["甲"]),
        ("next follow-up overdue up to 3 days", C("NextFollowUpAt", WithinLastDays, "3"), ["乙"]),
        ("7 days or more in stage", C("StageEnteredAt", MoreThanDaysAgo, "7"), ["甲"]),
        ("all of", ConditionGroup.AllOf(C("Intent", In, "A", "B"), C("AmountWan", GreaterOrEqual, "50")), ["甲"]),
        ("any of", ConditionGroup.AnyOf(C("Intent", EqualTo, "B"), C("CreditStatus", EqualTo, "Overdue")), ["乙", "丙"]),
        ("none of (null-safe)", ConditionGroup.NoneOf(C("AmountWan", GreaterThan, "50"), C("Tags", Contains, "有车")), ["丁"]),
        ("nested", ConditionGroup.AllOf(C("City", Contains, "上海"), ConditionGroup.NoneOf(C("Intent", EqualTo, "C"))), ["甲"]),
        ("empty all selects everyone", ConditionGroup.AllOf(), ["甲", "乙", "丙", "丁"]),
        ("follow-ups at least 2", C("FollowUpCount", GreaterOrEqual, "2"), ["甲"]),
        ("no follow-up logged", C("FollowUpCount", EqualTo, "0"), ["丙", "丁"]),
        ("custom money ≥", C(Base.Key, GreaterOrEqual, "5000"), ["甲"]),
        ("custom money between", C(Base.Key, Between, "1000", "5000"), ["乙"]),
        ("custom money empty", C(Base.Key, IsEmpty), ["丙", "丁"]),
        ("custom select =", C(House.Key, EqualTo, "全款房"), ["甲"]),
        ("custom select ≠ (no value counts as different)", C(House.Key, NotEqualTo, "全款房"), ["乙", "丙", "丁"]),
        ("custom select in", C(House.Key, In, "无", "全款房"), ["甲", "乙"]),
        ("custom multi-select holds", C(Assets.Key, Contains, "车辆"), ["甲"]),
        ("custom multi-select does not hold", C(Assets.Key, NotContains, "房产"), ["乙", "丙", "丁"]),
        ("custom multi-select empty", C(Assets.Key, IsEmpty), ["乙", "丁"]),
        ("custom yes", C(Insured.Key, EqualTo, "true"), ["甲"]),
        ("custom no (unknown is not no)", C(Insured.Key, EqualTo, "false"), ["乙"]),
        ("custom date within the next 3 days", C(License.Key, WithinNextDays, "3"), ["乙"]),
        ("custom date on or after", C(License.Key, GreaterOrEqual, "2026-12-10"), ["甲"]),
        ("custom text contains", C(Note.Key, Contains, "转介绍"), ["丙"]),
        ("custom mobile given", C(Contact.Key, IsNotEmpty), ["乙"]),
        ("custom and built-in together", ConditionGroup.AllOf(C("Intent", In, "A", "B"), C(House.Key, NotEqualTo, "无")), ["甲"]),
    ];
}
