using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.People;

namespace LoanSaaS.Domain.Tests.Leads;

public class SampleLeadsTests
{
    [Fact]
    public void Samples_are_deterministic_valid_and_unique()
    {
        var first = SampleLeads.Generate(300, 5);
        var again = SampleLeads.Generate(300, 5);

        Assert.Equal(first.Select(l => l.Mobile), again.Select(l => l.Mobile));
        Assert.All(first, l => Assert.True(ChinaMobile.IsValid(l.Mobile), l.Mobile));
        Assert.All(first.Where(l => l.IdNumber is not null), l => Assert.True(ChineseIdNumber.IsValid(l.IdNumber), l.IdNumber));
        Assert.Equal(300, first.Select(l => l.Mobile).Distinct().Count());
        Assert.All(first, l => Assert.InRange(l.Owner, 0, 4));
        Assert.All(first.Where(l => l.Kind == SampleLeadKind.Blacklisted), l => Assert.False(string.IsNullOrEmpty(l.BlacklistReason)));
        Assert.All(Enum.GetValues<SampleLeadKind>(), kind => Assert.Contains(first, l => l.Kind == kind));
    }
}
