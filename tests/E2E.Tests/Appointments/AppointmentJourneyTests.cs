using System.Globalization;
using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Appointments;

/// <summary>
/// 邀约上门: a salesperson books an office visit from the lead's page with the admin attending; the admin's calendar
/// shows it without a reload; at reception the admin checks the customer in, the salesperson's bell says so at once,
/// and the salesperson records the outcome, which lands in the lead's activity as a visit follow-up.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AppointmentJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_booked_visit_is_checked_in_at_reception_the_owner_is_told_live_and_the_outcome_is_recorded() => Journey(async () =>
    {
        var url = App.AgencyUrl(DemoSlug);
        var sales = await NewPageAsync();
        await sales.LoginAsync(url, DemoSalesMobile, DemoPassword);
        // One of the salesperson's own cards (their board shows only their leads), opened by its address.
        await sales.GotoAsync(url + "/boards");
        await sales.WaitInteractiveAsync();
        var card = sales.ByTestId("board-card").First;
        await Expect(card).ToBeVisibleAsync();
        var lead = (await card.GetAttributeAsync("data-lead"))!;
        await sales.GotoAsync($"{url}/leads/{lead}");
        await sales.WaitInteractiveAsync();
        var name = await sales.ByTestId("lead-name").InnerTextAsync();

        // Twenty minutes from now in Shanghai: reception may check in from two hours before.
        var startsAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(20);
        var day = startsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reception = await NewPageAsync();
        await reception.LoginAsync(url, DemoAdminMobile, DemoPassword);
        await reception.GotoAsync($"{url}/appointments?view=day&date={day}");
        await reception.WaitInteractiveAsync();

        Step("the salesperson books an office visit with 李娜 attending instead of themself");
        await sales.ClickTestId("lead-appointment-new");
        var dialog = sales.ByTestId("appointment-edit-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await sales.FillField("appointment-starts-at", startsAt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await sales.FillField("appointment-place", "总部 3 楼洽谈室");
        await sales.ClickTestId("appointment-staff");
        await sales.Locator(".mud-popover-open .mud-list-item", new() { HasText = "刘洋" }).ClickAsync();
        await sales.Locator(".mud-popover-open .mud-list-item", new() { HasText = "李娜" }).ClickAsync();
        await Expect(sales.ByTestId("appointment-staff")).ToHaveValueAsync(new Regex("李娜"));
        // A multi-select stays open while choosing: a click beside it closes it (Escape could close the dialog instead).
        await sales.ByTestId("appointment-lead-name").ClickAsync(new() { Force = true });
        await Expect(sales.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await sales.FillField("appointment-notes", "客户带身份证和近 6 个月银行流水");
        await Screenshots.Shoot(sales, "appointment-edit");
        await sales.ClickTestId("appointment-save");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(sales.ByTestId("lead-appointment").First).ToContainTextAsync("到店面谈");

        Step("reception's calendar shows it live; reception checks the customer in");
        var item = reception.Locator("[data-testid='appointment-item']", new() { HasText = name }).Filter(new() { HasText = "总部 3 楼洽谈室" });
        await Expect(item.First).ToBeVisibleAsync();
        await Screenshots.Shoot(reception, "appointments-day");
        await item.First.ClickAsync();
        await Expect(reception.ByTestId("appointment-detail")).ToContainTextAsync("李娜");
        await Screenshots.Shoot(reception, "appointment-detail");
        await reception.ClickTestId("appointment-check-in");
        await Expect(item.First).ToHaveAttributeAsync("data-status", "Arrived");

        Step("the salesperson's bell says the customer arrived, without a reload, and leads to the visit");
        await Expect(sales.ByTestId("notification-badge")).ToContainTextAsync(new Regex(@"\d"));
        await sales.ClickTestId("notification-button");
        await sales.Locator(".mud-popover-open [data-testid='notification-item']", new() { HasText = "客户已到访" }).First.ClickAsync();
        await sales.WaitForURLAsync(new Regex($"/appointments\\?lead={lead}$"));
        var visit = sales.Locator("[data-testid='appointment-item'][data-status='Arrived']");
        await Expect(visit).ToHaveCountAsync(1);

        Step("the salesperson records how it went: the visit is completed and its follow-up is in the lead's activity");
        await visit.ClickAsync();
        await sales.ClickTestId("appointment-outcome");
        await sales.FillField("appointment-outcome-content", "客户流水稳定，月供可承受，下周提交进件资料");
        await sales.ClickTestId("appointment-confirm");
        await Expect(sales.Locator("[data-testid='appointment-item'][data-status='Completed']")).ToHaveCountAsync(1);
        await Expect(item.First).ToHaveAttributeAsync("data-status", "Completed");
        await sales.GotoAsync($"{url}/leads/{lead}");
        await sales.WaitInteractiveAsync();
        await Expect(sales.Locator("[data-testid='timeline-entry'][data-kind='appointment.completed']")).ToHaveCountAsync(1);
        await Expect(sales.Locator("[data-testid='timeline-entry'][data-kind='followup']").First).ToContainTextAsync("面访");

        Step("the week view at desktop and phone width");
        await reception.GotoAsync($"{url}/appointments?view=week&date={day}");
        await reception.WaitInteractiveAsync();
        await Expect(reception.ByTestId("appointments-day")).ToHaveCountAsync(7);
        await Screenshots.Shoot(reception, "appointments-week");
    });
}
