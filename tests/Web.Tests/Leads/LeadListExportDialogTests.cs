using Bunit;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Web.Leads;
using LoanSaaS.Web.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using MudBlazor;

namespace LoanSaaS.Web.Tests.Leads;

/// <summary>The export dialog: masked by default, unmasked only when permitted and with a reason; the form posts the list's filters.</summary>
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

    /// <summary>What the export form posts (the search and the reason travel in the body, never in a URL).</summary>
    private static LeadListQuery PostedQuery(IRenderedComponent<MudDialogProvider> provider, out Dictionary<string, string> raw)
    {
        var form = provider.Find("[data-testid=export-form]");
        Assert.Equal(("post", LeadExportForm.ExportPath), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal(form.Id, provider.Find("[data-testid=export-download]").GetAttribute("form"));
        raw = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        return LeadExportForm.Parse(new FormCollection(raw.ToDictionary(p => p.Key, p => new StringValues(p.Value))));
    }

    [Fact]
    public async Task Without_the_permission_the_export_is_masked_and_keeps_every_filter()
    {
        var provider = await OpenAsync(canUnmask: false);

        Assert.Contains("共 12 条", provider.Find("[data-testid=export-intro]").TextContent);
        Assert.NotEmpty(provider.FindAll("[data-testid=export-no-unmasked]"));
        Assert.Empty(provider.FindAll("[data-testid=export-unmasked]"));
        var query = PostedQuery(provider, out var raw);
        Assert.False(raw.ContainsKey("unmasked"));
        Assert.Equal(Query with { Tags = query.Tags }, query);
        Assert.Equal(Query.Tags, query.Tags);
    }

    [Fact]
    public async Task Unmasked_needs_a_reason_before_the_download_is_enabled()
    {
        var provider = await OpenAsync(canUnmask: true);

        provider.Find("[data-testid=export-unmasked]").Click();
        var link = provider.Find("[data-testid=export-download]");
        Assert.True(link.HasAttribute("disabled") || link.ClassName?.Contains("disabled", StringComparison.Ordinal) == true, link.OuterHtml);

        provider.Find("input[data-testid=export-reason], [data-testid=export-reason] input").Input("报送银行核对");
        PostedQuery(provider, out var raw);
        Assert.Equal(("true", "报送银行核对"), (raw["unmasked"], raw["reason"]));
    }
}
