using Bunit;
using LoanSaaS.Web.Tenancy;
using LoanSaaS.Web.Tests.Harness;

namespace LoanSaaS.Web.Tests.Tenancy;

public sealed class TenantStatusBodyTests : WebTestContext
{
    [Theory]
    [InlineData(TenantStatusKind.NotFound, "找不到该工作区")]
    [InlineData(TenantStatusKind.Suspended, "工作区已暂停")]
    [InlineData(TenantStatusKind.Preparing, "工作区正在创建")]
    [InlineData(TenantStatusKind.Failed, "工作区创建未完成")]
    [InlineData(TenantStatusKind.Refused, "无权访问此工作区")]
    public void Each_state_has_its_own_clear_page(TenantStatusKind kind, string title)
    {
        var page = Render<TenantStatusBody>(p => p
            .Add(x => x.Kind, kind)
            .Add(x => x.AgencyName, "上海惠融助贷服务有限公司")
            .Add(x => x.ApexUrl, "http://localhost:5000/"));

        Assert.Equal(title, page.Find("h1").TextContent);
        Assert.Equal(kind.ToString(), page.Find("[data-testid=tenant-status]").GetAttribute("data-kind"));
        Assert.Equal("http://localhost:5000/", page.Find("a.status-link").GetAttribute("href"));
        Assert.Contains("上海惠融助贷服务有限公司", page.Markup);
    }

    [Fact]
    public void Every_state_is_translated()
    {
        foreach (var kind in Enum.GetValues<TenantStatusKind>())
        {
            var page = Render<TenantStatusBody>(p => p.Add(x => x.Kind, kind));
            Assert.DoesNotContain($"Status{kind}", page.Markup, StringComparison.Ordinal);
        }
    }
}
