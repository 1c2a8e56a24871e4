using System.Net;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Apply;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Apply;

/// <summary>The public form of an agency: capture into the pool with consent, repeats, bots, blacklist, limits, isolation.</summary>
public abstract class SubmitApplicationTests(AppHost app)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private Task<Agency> AgencyAsync() => app.SharedAsync("apply", () => app.ProvisionAgencyAsync(TestIds.Slug("apply")));

    /// <summary>Every test uses its own address so the per-address limit of the shared agency never interferes.</summary>
    private static ApplicationRequest Form(string mobile, string? name = "陈晓东", string? address = null) =>
        new(name, mobile, "上海", "credit", "20", "12", "装修", true, null, null, address ?? "10.1." + Random.Shared.Next(0, 255) + "." + Random.Shared.Next(1, 255));

    private async Task<ApplicationResult> SubmitAsync(Agency agency, ApplicationRequest request)
    {
        await using var visitor = await TenantScope.BeginAsync(app, agency);
        return await visitor.Get<SubmitApplication>().HandleAsync(request, None);
    }

    private async Task<List<Lead>> LeadsWithMobileAsync(Agency agency, string mobile)
    {
        await using var visitor = await TenantScope.BeginAsync(app, agency);
        var index = (await visitor.Get<TenantPersonalData>().GetAsync(None)).Index(PersonalDataKind.Mobile, "+86" + mobile);
        await using var db = app.OpenAgencyDb(agency.Info);
        return await db.Leads.AsNoTracking().Where(l => l.Mobile.Index == index).ToListAsync();
    }

    [Fact]
    public async Task A_submission_creates_a_pooled_web_form_lead_with_the_consent_version_time_and_channel()
    {
        var agency = await AgencyAsync();
        var mobile = TestIds.Mobile();

        var result = await SubmitAsync(agency, Form(mobile) with { ConsentVersion = "v1" });

        Assert.Equal(ApplicationStatus.Submitted, result.Status);
        var lead = Assert.Single(await LeadsWithMobileAsync(agency, mobile));
        Assert.Equal(("陈晓东", "上海", "credit", 20m, 12, "装修"), (lead.Name, lead.City, lead.LoanType, lead.AmountWan, lead.TermMonths, lead.Purpose));
        Assert.Equal((LeadStatus.PublicPool, (string?)null, LeadChannel.WebForm, DefaultDictionaries.WebFormSource), (lead.Status, lead.OwnerId, lead.Channel, lead.Source));
        Assert.Equal(("v1", LeadChannel.WebForm), (lead.ConsentVersion, lead.ConsentChannel));
        Assert.NotNull(lead.ConsentAt);
    }

    [Fact]
    public async Task A_repeat_submission_updates_the_same_lead_and_refreshes_the_consent()
    {
        var agency = await AgencyAsync();
        var mobile = TestIds.Mobile();
        Assert.Equal(ApplicationStatus.Submitted, (await SubmitAsync(agency, Form(mobile) with { City = null, Purpose = null })).Status);
        var first = Assert.Single(await LeadsWithMobileAsync(agency, mobile));

        var again = await SubmitAsync(agency, Form(mobile, name: "陈晓东（改）") with { City = "杭州", Purpose = "经营周转" });

        Assert.Equal(ApplicationStatus.Submitted, again.Status);
        var lead = Assert.Single(await LeadsWithMobileAsync(agency, mobile));
        Assert.Equal(first.Id, lead.Id);
        // Fill empty only: the name stays, the empty city and purpose are filled.
        Assert.Equal(("陈晓东", "杭州", "经营周转"), (lead.Name, lead.City, lead.Purpose));
        Assert.True(lead.Version > first.Version);
        Assert.True(lead.ConsentAt >= first.ConsentAt);
    }

    [Fact]
    public async Task The_honeypot_stores_nothing_and_answers_like_a_success()
    {
        var agency = await AgencyAsync();
        var mobile = TestIds.Mobile();

        var result = await SubmitAsync(agency, Form(mobile) with { Website = "http://spam.example" });

        Assert.Equal(ApplicationStatus.Submitted, result.Status);
        Assert.Empty(await LeadsWithMobileAsync(agency, mobile));
    }

    [Fact]
    public async Task A_blacklisted_person_gets_the_neutral_answer_nothing_changes_and_staff_see_a_masked_audit_entry()
    {
        var agency = await AgencyAsync();
        var mobile = TestIds.Mobile();
        Assert.Equal(ApplicationStatus.Submitted, (await SubmitAsync(agency, Form(mobile))).Status);
        var before = Assert.Single(await LeadsWithMobileAsync(agency, mobile));
        await using (var visitor = await TenantScope.BeginAsync(app, agency))
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            var protector = await visitor.Get<TenantPersonalData>().GetAsync(None);
            db.Blacklist.Add(new BlacklistEntry
            {
                MobileIndex = protector.Index(PersonalDataKind.Mobile, "+86" + mobile), MobileMasked = mobile[..3] + "****" + mobile[7..],
                Name = "陈晓东", Reason = "伪造流水", AddedById = agency.OwnerUserId, AddedByName = agency.OwnerName,
            });
            await db.SaveChangesAsync();
        }

        var result = await SubmitAsync(agency, Form(mobile) with { City = "北京", Purpose = "别的用途" });

        Assert.Equal(ApplicationResult.Submitted, result);
        var after = Assert.Single(await LeadsWithMobileAsync(agency, mobile));
        Assert.Equal((before.Version, before.City, before.ConsentAt), (after.Version, after.City, after.ConsentAt));
        await using var check = app.OpenAgencyDb(agency.Info);
        var blocked = await check.AuditEntries.AsNoTracking().Where(a => a.Action == "apply.blocked").ToListAsync();
        Assert.Contains(blocked, a => a.Details!.Contains(mobile[..3] + "****" + mobile[7..], StringComparison.Ordinal));
        Assert.DoesNotContain(blocked, a => a.Details!.Contains(mobile, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_and_a_missing_consent_are_refused_field_by_field_and_store_nothing()
    {
        var agency = await AgencyAsync();

        var result = await SubmitAsync(agency, new ApplicationRequest("", "1381234", null, "spaceship", "很多", "12", null, false, null, null, "10.2.0.1"));

        Assert.Equal(ApplicationStatus.Invalid, result.Status);
        Assert.Equal(["Amount.NotNumber", "Consent.Required", "LoanType.Unknown", "Mobile.Invalid", "Name.Required"],
            result.Errors.Select(e => e.Field + "." + e.Code).Order());
    }

    [Fact]
    public async Task One_mobile_may_submit_three_times_an_hour_then_gets_too_many_requests()
    {
        var agency = await AgencyAsync();
        var mobile = TestIds.Mobile();
        for (var i = 0; i < 3; i++)
            Assert.Equal(ApplicationStatus.Submitted, (await SubmitAsync(agency, Form(mobile))).Status);

        var fourth = await SubmitAsync(agency, Form(mobile));

        Assert.Equal(ApplicationStatus.TooManyRequests, fourth.Status);
        Assert.Equal(ApplicationStatus.Submitted, (await SubmitAsync(agency, Form(TestIds.Mobile()))).Status);
    }

    [Fact]
    public async Task One_address_may_submit_five_times_in_ten_minutes_invalid_attempts_not_counted()
    {
        var agency = await AgencyAsync();
        var address = "10.3." + Random.Shared.Next(0, 255) + "." + Random.Shared.Next(1, 255);
        Assert.Equal(ApplicationStatus.Invalid, (await SubmitAsync(agency, Form("123", address: address))).Status);
        for (var i = 0; i < 5; i++)
            Assert.Equal(ApplicationStatus.Submitted, (await SubmitAsync(agency, Form(TestIds.Mobile(), address: address))).Status);

        var mobile = TestIds.Mobile();
        Assert.Equal(ApplicationStatus.TooManyRequests, (await SubmitAsync(agency, Form(mobile, address: address))).Status);
        Assert.Empty(await LeadsWithMobileAsync(agency, mobile));
    }

    [Fact]
    public async Task A_submission_on_B_host_lands_in_B_and_never_in_A()
    {
        var a = await AgencyAsync();
        var b = await app.SharedAsync("apply-b", () => app.ProvisionAgencyAsync(TestIds.Slug("apply-b")));
        var mobile = TestIds.Mobile();

        Assert.Equal(ApplicationStatus.Submitted, (await SubmitAsync(b, Form(mobile))).Status);

        Assert.Single(await LeadsWithMobileAsync(b, mobile));
        Assert.Empty(await LeadsWithMobileAsync(a, mobile));
    }

    [Fact]
    public async Task Only_the_form_may_be_framed_and_unknown_hosts_get_the_status_page()
    {
        var agency = await AgencyAsync();
        using var client = app.CreateAgencyClient(agency);

        using var form = await client.GetAsync("/apply");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var csp = string.Join(' ', form.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", csp);
        Assert.DoesNotContain("frame-ancestors 'none'", csp);
        Assert.False(form.Headers.Contains("X-Frame-Options"));
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains(agency.Info.Name, html);
        Assert.Contains("apply-consent", html);

        using var login = await client.GetAsync("/login");
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', login.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(login.Headers.GetValues("X-Frame-Options")));

        using var unknown = app.CreateClient(app.AgencyHost(TestIds.Slug("nosuch")));
        using var missing = await unknown.GetAsync("/apply");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("apply-consent", await missing.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSubmitApplicationTests(SqliteAppHost app) : SubmitApplicationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSubmitApplicationTests(PostgresAppHost app) : SubmitApplicationTests(app);
