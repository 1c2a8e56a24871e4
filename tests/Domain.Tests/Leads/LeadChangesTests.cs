using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Tests.Leads;

public sealed class LeadChangesTests
{
    private static readonly SealedValue MobileA = new([1], "index-a", "138****0001");
    private static readonly SealedValue IdA = new([2], "id-a", "3101**********1234");
    private static readonly SealedValue IdB = new([3], "id-b", "3101**********5678");

    private static Lead Existing() => new()
    {
        Number = "L202611230001", Name = "张三", Mobile = MobileA, City = "上海", AmountWan = 50m,
        Tags = [new LeadTag { Tag = "有房" }],
    };

    private static LeadDraft Incoming() => new()
    {
        Name = "张三丰", Mobile = MobileA, IdNumber = IdB, BirthDate = new DateOnly(1990, 1, 1), City = "杭州", AmountWan = 80m,
        Purpose = "装修", Intent = IntentLevel.A, Tags = ["有房", "有车"],
    };

    [Fact]
    public void Skip_changes_nothing()
    {
        var lead = Existing();
        Assert.Empty(LeadChanges.Apply(lead, Incoming(), DuplicatePolicy.Skip));
        Assert.Equal(("张三", "上海", 50m), (lead.Name, lead.City, lead.AmountWan));
    }

    [Fact]
    public void Fill_empty_only_fills_what_is_missing_and_adds_new_tags()
    {
        var lead = Existing();
        var changes = LeadChanges.Apply(lead, Incoming(), DuplicatePolicy.FillEmpty);

        Assert.Equal(("张三", "上海", 50m, "装修", IntentLevel.A), (lead.Name, lead.City, lead.AmountWan, lead.Purpose, lead.Intent));
        Assert.Equal(IdB, lead.IdNumber);
        Assert.Equal(new DateOnly(1990, 1, 1), lead.BirthDate);
        Assert.Equal(["有房", "有车"], lead.Tags.Select(t => t.Tag));
        Assert.Equal(["IdNumber", "Purpose", "Intent", "Tags"], changes.Select(c => c.Field));
    }

    [Fact]
    public void Overwrite_replaces_with_every_non_empty_value_and_reports_masked_personal_data()
    {
        var lead = Existing();
        lead.IdNumber = IdA;
        var changes = LeadChanges.Apply(lead, Incoming() with { Purpose = null }, DuplicatePolicy.Overwrite);

        Assert.Equal(("张三丰", "杭州", 80m), (lead.Name, lead.City, lead.AmountWan));
        Assert.Contains(new FieldChange("IdNumber", IdA.Masked, IdB.Masked), changes);
        Assert.Contains(new FieldChange("AmountWan", "50", "80"), changes);
        Assert.DoesNotContain(changes, c => c.Field == "Purpose");
    }

    [Fact]
    public void Equal_values_are_not_changes()
    {
        var lead = Existing();
        var same = new LeadDraft { Name = "张三", Mobile = MobileA, City = "上海", AmountWan = 50m, Tags = ["有房"] };
        Assert.Empty(LeadChanges.Apply(lead, same, DuplicatePolicy.Overwrite));
    }

    [Theory]
    [InlineData("L", 2026, 11, 23, 1, "L202611230001")]
    [InlineData("C", 2026, 1, 5, 12345, "C2026010512345")]
    public void Numbers_carry_the_day_and_a_sequence_of_at_least_four_digits(string prefix, int y, int m, int d, long sequence, string expected) =>
        Assert.Equal(expected, LeadNumber.Format(LeadNumber.SequenceKey(prefix, new DateOnly(y, m, d)), sequence));
}
