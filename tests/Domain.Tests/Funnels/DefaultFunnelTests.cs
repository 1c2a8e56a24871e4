using System.Text.RegularExpressions;
using LoanSaaS.Domain.Funnels;

namespace LoanSaaS.Domain.Tests.Funnels;

public class DefaultFunnelTests
{
    [Fact]
    public void Stages_follow_the_brokerage_process_then_the_lost_stages()
    {
        Assert.Equal(
            ["new", "screening", "intent", "visit", "qualification", "matching", "application", "signing", "postloan", "invalid", "lost"],
            DefaultFunnel.Stages.Select(s => s.Key));
        Assert.Equal(Enumerable.Range(1, DefaultFunnel.Stages.Count), DefaultFunnel.Stages.Select(s => s.Order));
    }

    [Theory]
    [InlineData("signing", StageCategory.Open)]
    [InlineData("postloan", StageCategory.Won)]
    [InlineData("invalid", StageCategory.Lost)]
    [InlineData("lost", StageCategory.Lost)]
    public void Categories(string key, StageCategory expected) =>
        Assert.Equal(expected, DefaultFunnel.Stages.Single(s => s.Key == key).Category);

    [Fact]
    public void Keys_are_ascii_names_unique_and_colours_are_hex()
    {
        Assert.All(DefaultFunnel.Stages, s => Assert.Matches(new Regex("^[a-z]+$"), s.Key));
        Assert.All(DefaultFunnel.Stages, s => Assert.Matches(new Regex("^#[0-9A-F]{6}$"), s.Color));
        Assert.Equal(DefaultFunnel.Stages.Count, DefaultFunnel.Stages.Select(s => s.Name).Distinct().Count());
    }
}
