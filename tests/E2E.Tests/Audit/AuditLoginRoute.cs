using Microsoft.Playwright;
using LoanSaaS.E2E.Tests.Infrastructure;

namespace LoanSaaS.E2E.Tests.Audit;

/// <summary>Signs in straight to a page (the login form's ReturnUrl), as a bookmarked link would.</summary>
public static class AuditLoginRoute
{
    public static async Task LoginToAsync(this IPage page, string agencyUrl, string path, string login, string password)
    {
        await page.GotoAsync(agencyUrl + "/login?ReturnUrl=" + Uri.EscapeDataString(path));
        await page.FillField("login-name", login);
        await page.FillField("login-password", password);
        await page.ClickTestId("login-submit");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        await page.WaitInteractiveAsync();
    }
}
