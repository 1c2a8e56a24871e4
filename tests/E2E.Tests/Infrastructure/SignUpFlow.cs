using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Infrastructure;

/// <summary>A new agency as a visitor creates it: through the apex sign-up page. Unique slug, mobile and email per call.</summary>
public sealed record NewAgency(string Slug, string Name, string OwnerName, string OwnerMobile, string OwnerEmail, string OwnerPassword)
{
    public static NewAgency Random()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var mobile = "139" + System.Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new NewAgency($"e2e-{suffix}", $"浦江助贷{suffix}有限公司", "陈静怡", mobile, $"owner-{suffix}@example.cn", "Owner#2026go");
    }
}

public static class SignUpFlow
{
    public static async Task FillAsync(IPage page, NewAgency agency)
    {
        await page.FillField("signup-agency-name", agency.Name);
        await page.FillField("signup-slug", agency.Slug);
        await page.FillField("signup-owner-name", agency.OwnerName);
        await page.FillField("signup-mobile", agency.OwnerMobile);
        await page.FillField("signup-email", agency.OwnerEmail);
        await page.FillField("signup-password", agency.OwnerPassword);
    }

    /// <summary>Opens /signup on the apex, submits the form and waits until the workspace is ready (provisioning included).</summary>
    public static async Task CreateAsync(IPage page, AppServer app, NewAgency agency)
    {
        await page.GotoAsync(app.ApexUrl + "/signup");
        await page.WaitInteractiveAsync();
        await FillAsync(page, agency);
        await page.ClickTestId("signup-submit");
        await WaitDoneAsync(page);
    }

    public static async Task WaitDoneAsync(IPage page) =>
        await Expect(page.ByTestId("signup-done")).ToBeVisibleAsync(new() { Timeout = 60_000 });
}
