using LoanSaaS.Domain.Applications;
using LoanSaaS.E2E.Tests.Infrastructure;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Progress;

/// <summary>
/// A salesperson pulls a customer's credit report and opens it with a reason, makes a progress link, and the borrower
/// opens it on a phone and sees the stage; once revoked, the phone shows 链接已失效.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressLinkJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Sales_pulls_credit_and_sends_a_progress_link_the_borrower_opens_on_a_phone() => Journey(async () =>
    {
        Step("a customer of 刘洋 with consent and an application in 风控复审 (written directly)");
        var (leadId, applicationId) = await ApplicationInReviewAsync();

        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoSalesMobile, DemoPassword);
        await page.GotoAsync($"{App.AgencyUrl(DemoSlug)}/applications/{applicationId}");
        await page.WaitInteractiveAsync();

        Step("pull the credit report: the summary in clear, the report after a reason");
        await page.ClickTestId("credit-pull");
        await Expect(page.ByTestId("credit-score")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[3-8][0-9]{2}$"));
        await page.ClickTestId("credit-reveal");
        await page.ClickTestId("credit-reveal-confirm");
        await Expect(page.GetByText("请填写原因")).ToBeVisibleAsync();
        await page.FillField("credit-reveal-reason", "风控复审核对负债");
        await page.ClickTestId("credit-reveal-confirm");
        await Expect(page.ByTestId("credit-report")).ToBeVisibleAsync();

        Step("make a progress link and read it once");
        await page.ClickTestId("progress-create");
        await Expect(page.ByTestId("progress-new")).ToBeVisibleAsync();
        var url = await page.ReadField("progress-new-url");
        Assert.Matches("/progress/[A-Za-z0-9_-]{43}$", url);
        await Expect(page.Locator("[data-testid='progress-link'][data-status='Active']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await page.ByTestId("progress-create").ScrollIntoViewIfNeededAsync();
        await Screenshots.Shoot(page, "application-credit-progress");

        Step("the borrower opens it on a phone");
        var phone = await NewPageAsync(390, 844);
        await phone.GotoAsync(url);
        await Expect(phone.ByTestId("progress-stage")).ToContainTextAsync("审批中");
        await Expect(phone.ByTestId("progress-step")).ToContainTextAsync("风控复审");
        await Expect(phone.ByTestId("progress-greeting")).ToContainTextAsync("您好");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the progress page scrolls sideways at 390 px");
        await Screenshots.Shoot(phone, "progress-page");

        Step("revoke: the phone now shows 链接已失效");
        await page.ClickTestId("progress-revoke");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "作废" }).ClickAsync();
        await Expect(page.Locator("[data-testid='progress-link'][data-status='Revoked']")).ToHaveCountAsync(1);
        await phone.ReloadAsync();
        await Expect(phone.ByTestId("progress-invalid")).ToContainTextAsync("链接已失效");
        await Screenshots.Shoot(phone, "progress-invalid");

        Step("the customer's timeline names the credit pull");
        await page.GotoAsync($"{App.AgencyUrl(DemoSlug)}/customers/{leadId}");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid='timeline-entry'][data-kind='creditpulled']")).ToBeVisibleAsync();
    });

    /// <summary>Gives a demo customer of the salesperson (one with an ID number) a recorded consent and an application waiting at 风控复审.</summary>
    private async Task<(Guid LeadId, Guid ApplicationId)> ApplicationInReviewAsync()
    {
        var path = Path.Combine(App.DataDirectory, "tenants", DemoSlug + ".db");
        await using var db = new SqliteAgencyDbContext(new DbContextOptionsBuilder<SqliteAgencyDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
        var sales = await db.Users.SingleAsync(u => u.PhoneNumber == DemoSalesMobile);
        var lead = await db.Leads.Where(l => l.OwnerId == sales.Id && l.ConvertedAt != null && l.IdNumber.Index != null)
            .Where(l => !db.LoanApplications.Any(a => a.LeadId == l.Id)).OrderBy(l => l.Number).FirstAsync();
        var product = await db.LoanProducts.OrderBy(p => p.Code).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        lead.ConsentAt ??= now;
        lead.ConsentVersion ??= "v1";
        lead.Version++;
        var application = new LoanApplication
        {
            Number = "JJE2E" + Guid.NewGuid().ToString("N")[..8], LeadId = lead.Id, ProductId = product.Id, AmountWan = 60, TermMonths = 36,
            Status = ApplicationStatus.InApproval, CurrentStep = "风控复审", OwnerId = sales.Id, TeamId = lead.TeamId,
            CreatedById = sales.Id, CreatedAt = now, UpdatedAt = now, SubmittedAt = now, SubmittedById = sales.Id, Version = 1,
        };
        db.LoanApplications.Add(application);
        await db.SaveChangesAsync();
        return (lead.Id, application.Id);
    }
}
