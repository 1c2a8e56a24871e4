using LoanSaaS.Domain.People;

namespace LoanSaaS.Domain.Tests.People;

public class PersonNameTests
{
    [Theory]
    [InlineData("  张伟  ", "张伟")]
    [InlineData("张\u3000伟", "张 伟")]
    [InlineData("Ｌｉ　Ｎａ", "Li Na")]
    [InlineData("John   \t Smith", "John Smith")]
    [InlineData("阿依古丽·买买提", "阿依古丽·买买提")]
    [InlineData("（张三）", "(张三)")]
    [InlineData("\u3000\u3000", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_trims_collapses_and_folds_full_width(string? input, string expected) =>
        Assert.Equal(expected, PersonName.Normalize(input));
}
