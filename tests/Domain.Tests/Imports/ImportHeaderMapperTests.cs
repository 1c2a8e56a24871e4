using LoanSaaS.Domain.Imports;

namespace LoanSaaS.Domain.Tests.Imports;

public sealed class ImportHeaderMapperTests
{
    [Theory]
    [InlineData("姓名", ImportField.Name)]
    [InlineData("客户姓名", ImportField.Name)]
    [InlineData(" 名字 ", ImportField.Name)]
    [InlineData("手机号", ImportField.Mobile)]
    [InlineData("联系电话", ImportField.Mobile)]
    [InlineData("手机号码*", ImportField.Mobile)]
    [InlineData("身份证号", ImportField.IdNumber)]
    [InlineData("证件号码", ImportField.IdNumber)]
    [InlineData("所在城市", ImportField.City)]
    [InlineData("地区", ImportField.City)]
    [InlineData("产品类型", ImportField.LoanType)]
    [InlineData("需求金额(万)", ImportField.AmountWan)]
    [InlineData("贷款金额（万元）", ImportField.AmountWan)]
    [InlineData("意向金额", ImportField.AmountWan)]
    [InlineData("用途", ImportField.Purpose)]
    [InlineData("贷款期限", ImportField.TermMonths)]
    [InlineData("征信情况", ImportField.CreditStatus)]
    [InlineData("来源渠道", ImportField.Source)]
    [InlineData("意向等级", ImportField.Intent)]
    [InlineData("标签", ImportField.Tags)]
    [InlineData("Mobile", ImportField.Mobile)]
    [InlineData("PHONE NUMBER", ImportField.Mobile)]
    [InlineData("Ｎａｍｅ", ImportField.Name)]
    [InlineData("id_number", ImportField.IdNumber)]
    [InlineData("备注", ImportField.Ignore)]
    [InlineData("", ImportField.Ignore)]
    public void Common_headers_are_recognised(string header, ImportField expected) =>
        Assert.Equal(expected, ImportHeaderMapper.Guess(header));

    [Fact]
    public void Each_field_is_mapped_once_and_unknown_columns_are_ignored()
    {
        var mapped = ImportHeaderMapper.Map(["序号", "姓名", "手机", "电话", "客户姓名", null, "城市"]);

        Assert.Equal(
            [ImportField.Ignore, ImportField.Name, ImportField.Mobile, ImportField.Ignore, ImportField.Ignore, ImportField.Ignore, ImportField.City],
            mapped);
    }

    [Fact]
    public void Normalized_headers_ignore_width_case_spaces_and_units() =>
        Assert.Equal(ImportHeaderMapper.Normalize("需求金额"), ImportHeaderMapper.Normalize(" 需求 金额（万） "));
}
