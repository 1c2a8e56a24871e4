using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Tests.CustomFields;

public sealed class CustomFieldRulesTests
{
    private static string Problems(CustomField field, params CustomField[] others) =>
        string.Join(",", CustomFieldDefinitionRules.Check(field, others).Select(e => $"{e.Field}.{e.Code}"));

    [Fact]
    public void The_templates_are_valid_fields()
    {
        var templates = CustomFieldTemplates.All();
        Assert.Equal(["社保缴纳基数", "公积金连续缴纳月数", "名下房产", "名下车辆", "负债总额"], templates.Select(t => t.Label));
        Assert.All(templates, t => Assert.Equal("", Problems(t)));
    }

    [Fact]
    public void A_definition_is_refused_with_each_problem_named()
    {
        Assert.Equal("Label.Required", Problems(new CustomField { Label = " ", Type = FieldType.Text }));
        Assert.Equal("Label.TooLong", Problems(new CustomField { Label = new string('长', 21), Type = FieldType.Text }));
        var existing = new CustomField { Label = "名下房产", Type = FieldType.Text };
        Assert.Equal("Label.Taken", Problems(new CustomField { Label = " 名下房产 ", Type = FieldType.Text }, existing));
        Assert.Equal("", Problems(new CustomField { Label = "名下房产", Type = FieldType.Text }, new CustomField { Label = "名下房产", Type = FieldType.Text, IsArchived = true }));
        Assert.Equal("Type.Invalid", Problems(new CustomField { Label = "时间", Type = FieldType.DateTime }));
        Assert.Equal("Options.Required", Problems(new CustomField { Label = "房产", Type = FieldType.SingleSelect }));
        Assert.Equal("Options.Repeated", Problems(new CustomField { Label = "房产", Type = FieldType.MultiSelect, Options = ["有", "有 "] }));
        Assert.Equal("Options.NotAllowed", Problems(new CustomField { Label = "房产", Type = FieldType.Number, Options = ["有"] }));
        Assert.Equal("Max.BelowMin", Problems(new CustomField { Label = "月数", Type = FieldType.Number, Min = 10, Max = 1 }));
        Assert.Equal("Min.NotAllowed", Problems(new CustomField { Label = "有车", Type = FieldType.YesNo, Min = 1 }));
        Assert.Equal("Pattern.Invalid", Problems(new CustomField { Label = "编号", Type = FieldType.Text, Pattern = "([a-z" }));
        Assert.Equal("Pattern.NotAllowed", Problems(new CustomField { Label = "月数", Type = FieldType.Number, Pattern = "^1$" }));
    }

    [Fact]
    public void Keys_name_a_field_by_id_and_survive_a_rename()
    {
        var field = new CustomField { Label = "旧名", Type = FieldType.Text };
        var key = field.Key;
        field.Label = "新名";

        Assert.Equal(key, field.Key);
        Assert.True(CustomFieldKeys.TryParse(key, out var id));
        Assert.Equal(field.Id, id);
        Assert.False(CustomFieldKeys.TryParse("City", out _));
    }

    [Fact]
    public void Replacing_values_updates_rows_in_place_clears_and_reports_each_change()
    {
        var assets = Guid.NewGuid();
        var base_ = Guid.NewGuid();
        var lead = new Lead { Number = "L1", Name = "甲" };

        var first = CustomFieldChanges.Replace(lead, [new CustomFieldEntry(assets) { Texts = ["房产", "车辆"] }, new CustomFieldEntry(base_) { Number = 8000m }]);
        Assert.Equal([(CustomFieldKeys.Of(assets), (string?)null, "房产, 车辆"), (CustomFieldKeys.Of(base_), null, "8000")],
            first.Select(c => (c.Field, c.Old, c.New)));
        var rows = lead.CustomValues.Where(v => v.FieldId == assets).ToList();

        var second = CustomFieldChanges.Replace(lead, [new CustomFieldEntry(assets) { Texts = ["股票"] }, new CustomFieldEntry(base_) { Number = 8000m }]);
        Assert.Equal([(CustomFieldKeys.Of(assets), (string?)"房产, 车辆", (string?)"股票")], second.Select(c => (c.Field, c.Old, c.New)));
        Assert.Same(rows[0], lead.CustomValues.Single(v => v.FieldId == assets));

        var cleared = CustomFieldChanges.Replace(lead, [new CustomFieldEntry(base_)]);
        Assert.Equal("8000", cleared.Single().Old);
        Assert.DoesNotContain(lead.CustomValues, v => v.FieldId == base_);
    }

    [Fact]
    public void Incoming_values_fill_empty_fields_and_overwrite_only_when_asked()
    {
        var house = Guid.NewGuid();
        var lead = new Lead { Number = "L1", Name = "甲" };
        CustomFieldChanges.Replace(lead, [new CustomFieldEntry(house) { Texts = ["无"] }]);

        Assert.Empty(CustomFieldChanges.Fill(lead, [new CustomFieldEntry(house) { Texts = ["全款房"] }], overwrite: false));
        Assert.Empty(CustomFieldChanges.Fill(lead, [new CustomFieldEntry(house)], overwrite: true));
        Assert.Equal("全款房", CustomFieldChanges.Fill(lead, [new CustomFieldEntry(house) { Texts = ["全款房"] }], overwrite: true).Single().New);
    }

    [Fact]
    public void Personal_values_are_kept_sealed_and_shown_masked()
    {
        var contact = Guid.NewGuid();
        var lead = new Lead { Number = "L1", Name = "甲" };
        var sealed_ = new SealedValue([1, 2], "idx", "139****0002");

        var change = CustomFieldChanges.Replace(lead, [new CustomFieldEntry(contact) { Sealed = sealed_ }]).Single();

        Assert.Equal("139****0002", change.New);
        var row = lead.CustomValues.Single();
        Assert.Equal([1, 2], row.Cipher!);
        Assert.Equal(("idx", "139****0002"), (row.Index, row.Text));
        Assert.Empty(CustomFieldChanges.Replace(lead, [new CustomFieldEntry(contact) { Sealed = sealed_ }]));
        var back = CustomFieldChanges.EntriesOf(lead.CustomValues).Single().Sealed;
        Assert.Equal((sealed_.Cipher, sealed_.Index, sealed_.Masked), (back.Cipher, back.Index, back.Masked));
    }
}
