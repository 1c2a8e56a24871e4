using Bunit;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Web.Leads;
using LoanSaaS.Web.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace LoanSaaS.Web.Tests.Leads;

/// <summary>The export dialog: masked by default, unmasked only when permitted and with a reason; the link carries the list's filters.</summary>
public sealed class LeadListExportDialogTests : WebTestContext
{
    private static readonly LeadListQuery Query = new()
    {
        View = LeadView.Customers, Intent = IntentLevel.A, Tags = ["有房", "有车"], Search = "王", CreatedFrom = new DateOnly(2026, 11, 1),
        Sort = LeadSort.Amount, Descending = false,
    };

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(bool canUnmask)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetService<IDialogService>();
        var parameters = new DialogParameters<ExportDialog>
        {
            { d => d.Query, Query }, { d => d.CountText, "共 12 条" }, { d => d.CanUnmask, canUnmask },
        };
        await provider.InvokeAsync(() => dialogs!.ShowAsync<ExportDialog>("导出到Excel", parameters));
        return provider;
    }

    private static LeadListQuery LinkQuery(IRenderedComponent<MudDialogProvider> provider, out Dictionary<string, string> raw)
    {
        var href = provider.Find("[data-testid=export-download]").GetAttribute("href")!;
        Assert.StartsWith(LeadListUrl.ExportPath + "?", href);
        raw = QueryHelpers.ParseQuery(new Uri("http://x" + href).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        return LeadListUrl.Parse(new QueryCollection(QueryHelpers.ParseQuery(new Uri("http://x" + href).Query)));
    }

    [Fact]
    public async Task Without_the_permission_the_export_is_masked_and_keeps_every_filter()
    {
        var provider = await OpenAsync(canUnmask: false);

        Assert.Contains("共 12 条", provider.Find("[data-testid=export-intro]").TextContent);
        Assert.NotEmpty(provider.FindAll("[data-testid=export-no-unmasked]"));
        Assert.Empty(provider.FindAll("[data-testid=export-unmasked]"));
        var query = LinkQuery(provider, out var raw);
        Assert.False(raw.ContainsKey("unmasked"));
        Assert.Equal(Query with { Tags = query.Tags }, query);
        Assert.Equal(Query.Tags, query.Tags);
    }

    [Fact]
    public async Task Unmasked_needs_a_reason_before_the_link_is_enabled()
    {
        var provider = await OpenAsync(canUnmask: true);

        provider.Find("[data-testid=export-unmasked]").Click();
        var link = provider.Find("[data-testid=export-download]");
        Assert.True(link.HasAttribute("disabled") || link.ClassName?.Contains("disabled", StringComparison.Ordinal) == true, link.OuterHtml);

        provider.Find("input[data-testid=export-reason], [data-testid=export-reason] input").Input("报送银行核对");
        LinkQuery(provider, out var raw);
        Assert.Equal(("true", "报送银行核对"), (raw["unmasked"], raw["reason"]));
    }
}
