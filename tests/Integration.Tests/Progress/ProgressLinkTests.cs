using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Notifications;
using ISubmissionThrottle = LoanSaaS.Infrastructure.Apply.ISubmissionThrottle;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Progress;
using LoanSaaS.Integration.Tests.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LoanSaaS.Integration.Tests.Credit.ApplicationFixture;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Progress;

/// <summary>
/// 客户进度链接: a link shows the borrower the stage and nothing personal; expired, revoked, unknown and other agencies'
/// tokens all get the same 链接已失效; only the hash is stored; the SMS goes through the outbox masked; another agency
/// can neither make nor revoke links of this one's applications.
/// </summary>
public abstract class ProgressLinkTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const string Sms = "【{agency}】进度：{link}（{days}天内有效）";

    private static string Codes(Result result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));

    private string Origin(Agency agency) => $"http://{agency.Host}:{app.Port}";

    private Task<Result<CreatedProgressLink>> CreateAsync(Agency agency, string member, Guid applicationId, int days = 7, string? sms = null, Agency? originOf = null) =>
        AsAsync(app, agency, member, s => s.Get<CreateProgressLink>().HandleAsync(new CreateProgressLinkRequest(applicationId, days, Origin(originOf ?? agency), sms), Ct));

    /// <summary>The public read on <paramref name="agency"/>'s host, at <paramref name="later"/> from now (a moved clock).</summary>
    private async Task<ProgressLookup> ViewAsync(Agency agency, string? token, TimeSpan later = default, string address = "203.0.113.7")
    {
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var read = new GetApplicationProgress(scope.Get<ITenantDbContextFactory>(), scope.Get<TenantContext>(), scope.Get<ISubmissionThrottle>(),
            scope.Get<IOptions<ProgressLinkOptions>>(), new FixedTime(DateTimeOffset.UtcNow + later));
        return await read.HandleAsync(token, address + "-" + TestIds.Hex8(), Ct);
    }

    [Fact]
    public async Task The_borrower_sees_surname_product_amount_stage_and_step_only_and_the_view_is_counted()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);

        var created = await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId);

        Assert.True(created.Succeeded, Codes(created));
        Assert.Equal(ProgressTokens.Length, created.Value!.Token.Length);
        Assert.Equal(new Uri(new Uri(Origin(w.Agency)), "/progress/" + created.Value.Token).ToString(), created.Value.Url);
        var found = await ViewAsync(w.Agency, created.Value.Token);
        Assert.Equal(ProgressLookupStatus.Found, found.Status);
        var view = found.View!;
        var isMale = (await LeadAsync(w.Agency, c.LeadId)).IsMale;
        Assert.Equal(new ApplicationProgressView(w.Agency.Info.Name, BorrowerGreeting.For(c.Name, isMale), c.ProductName, 30m, ProgressStage.InApproval, "风控复审", view.UpdatedOn), view);
        Assert.Equal(c.Name[..1], view.Greeting.Surname);
        // Nothing else can leak: these are all the fields the page gets.
        Assert.Equal(["AgencyName", "AmountWan", "Greeting", "ProductName", "Stage", "Step", "UpdatedOn"],
            typeof(ApplicationProgressView).GetProperties().Select(p => p.Name).Order());
        var json = System.Text.Json.JsonSerializer.Serialize(view);
        Assert.DoesNotContain(c.Mobile, json);
        Assert.DoesNotContain(c.IdNumber!, json);
        Assert.DoesNotContain(c.Name, json);

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var link = await db.ApplicationProgressLinks.AsNoTracking().SingleAsync(l => l.Id == created.Value.LinkId);
        Assert.Equal(ProgressTokens.Hash(created.Value.Token), link.TokenHash);
        Assert.NotEqual(created.Value.Token, link.TokenHash);
        Assert.Equal((1, (long)1), (link.ViewCount, link.Version));
        Assert.NotNull(link.LastViewedAt);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "application.progresslink.created" && a.EntityId == c.ApplicationId.ToString());
        Assert.DoesNotContain(created.Value.Token, audit.Details);
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var row = Assert.Single((await sales.Get<ListProgressLinks>().HandleAsync(c.ApplicationId, Ct)).Value!);
        Assert.Equal((ProgressLinkStatus.Active, 1, w.SalesA.FullName), (row.Status, row.ViewCount, row.CreatedByName));
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, ProgressStage.Draft)]
    [InlineData(ApplicationStatus.Returned, ProgressStage.NeedsDocuments)]
    [InlineData(ApplicationStatus.Approved, ProgressStage.Approved)]
    [InlineData(ApplicationStatus.Rejected, ProgressStage.NotApproved)]
    public async Task Each_status_reads_as_its_stage_without_an_internal_step(ApplicationStatus status, ProgressStage stage)
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId, status: status);
        var created = await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId);

        var view = (await ViewAsync(w.Agency, created.Value!.Token)).View!;

        Assert.Equal((stage, (string?)null), (view.Stage, view.Step));
    }

    [Fact]
    public async Task Expired_revoked_unknown_and_junk_tokens_all_get_the_same_answer()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);
        var shortLived = (await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId, days: 1)).Value!;
        var revoked = (await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId, days: 30)).Value!;

        Assert.Equal(ProgressLookupStatus.Found, (await ViewAsync(w.Agency, shortLived.Token, TimeSpan.FromHours(23))).Status);
        Assert.Equal(ProgressLookup.Invalid, await ViewAsync(w.Agency, shortLived.Token, TimeSpan.FromHours(25)));

        await using (var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId))
        {
            var revoke = sales.Get<RevokeProgressLink>();
            Assert.Equal(".ChangedByOthers", Codes(await revoke.HandleAsync(revoked.LinkId, 99, Ct)));
            Assert.True((await revoke.HandleAsync(revoked.LinkId, 1, Ct)).Succeeded);
            Assert.True((await revoke.HandleAsync(revoked.LinkId, 2, Ct)).Succeeded);
            var rows = (await sales.Get<ListProgressLinks>().HandleAsync(c.ApplicationId, Ct)).Value!;
            Assert.Equal(ProgressLinkStatus.Revoked, rows.Single(r => r.Id == revoked.LinkId).Status);
            Assert.Equal(w.SalesA.FullName, rows.Single(r => r.Id == revoked.LinkId).RevokedByName);
        }
        Assert.Equal(ProgressLookup.Invalid, await ViewAsync(w.Agency, revoked.Token));
        Assert.Equal(ProgressLookup.Invalid, await ViewAsync(w.Agency, ProgressTokens.New()));
        Assert.Equal(ProgressLookup.Invalid, await ViewAsync(w.Agency, "not-a-token"));
        Assert.Equal(ProgressLookup.Invalid, await ViewAsync(w.Agency, null));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "application.progresslink.revoked" && a.EntityId == c.ApplicationId.ToString()));
    }

    [Fact]
    public async Task The_public_page_shows_the_stage_on_the_agency_host_and_one_generic_page_elsewhere()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);
        var token = (await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId)).Value!.Token;

        using var client = app.CreateCookielessClient(w.Agency.Host);
        using var page = await client.GetAsync("/progress/" + token);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-stage=\"InApproval\"", html);
        Assert.Contains("风控复审", html);
        Assert.Contains(c.ProductName, html);
        Assert.DoesNotContain(c.Name, html);
        Assert.DoesNotContain(c.Mobile, html);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString());

        // A's token on B's host: B's database has no such link, and says so the way it says everything else.
        using var other = app.CreateCookielessClient(w.Other.Host);
        var elsewhere = await (await other.GetAsync("/progress/" + token)).Content.ReadAsStringAsync();
        using var unknown = await client.GetAsync("/progress/" + ProgressTokens.New());
        var invalid = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"progress-invalid\"", elsewhere);
        Assert.Contains("链接已失效", elsewhere);
        Assert.Contains("data-testid=\"progress-invalid\"", invalid);
        Assert.DoesNotContain("data-testid=\"progress-stage\"", elsewhere);
    }

    [Fact]
    public async Task The_link_goes_to_the_customer_by_SMS_through_the_outbox_with_the_number_masked()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);

        var created = await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId, days: 3, sms: Sms);

        Assert.True(created.Succeeded, Codes(created));
        var masked = $"{c.Mobile[..3]}****{c.Mobile[7..]}";
        Assert.Equal(masked, created.Value!.SentTo);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.LeadId == c.LeadId);
        Assert.Equal((OutboxChannel.Sms, OutboxStatus.Sent, masked), (message.Channel, message.Status, message.Recipient.Masked));
        Assert.Equal($"【{w.Agency.Info.Name}】进度：{created.Value.Url}（3天内有效）", message.Body);
        Assert.NotNull((await db.ApplicationProgressLinks.AsNoTracking().SingleAsync(l => l.Id == created.Value.LinkId)).SentAt);
        var logs = Directory.GetFiles(Path.Combine(app.DataDirectory, "outbox", w.Agency.Info.Slug), "sms-*.log");
        var log = string.Join("\n", logs.Select(File.ReadAllText));
        Assert.Contains(masked, log);
        Assert.DoesNotContain(c.Mobile, log);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_reason()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);
        var withdrawn = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId, status: ApplicationStatus.Withdrawn);

        Assert.Equal("Days.OutOfRange", Codes(await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId, days: 0)));
        Assert.Equal("Days.OutOfRange", Codes(await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId, days: 31)));
        Assert.Equal("Origin.Invalid", Codes(await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId, originOf: w.Other)));
        Assert.Equal("Application.Closed", Codes(await CreateAsync(w.Agency, w.SalesA.UserId, withdrawn.ApplicationId)));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.False(await db.ApplicationProgressLinks.AnyAsync(l => l.ApplicationId == c.ApplicationId || l.ApplicationId == withdrawn.ApplicationId));
    }

    [Fact]
    public async Task Too_many_views_from_one_address_are_refused_for_a_while()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);
        var token = (await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId)).Value!.Token;
        var limit = app.Services.GetRequiredService<IOptions<ProgressLinkOptions>>().Value.ViewsPerAddress;
        var address = "198.51.100." + Random.Shared.Next(1, 250) + "-" + TestIds.Hex8();

        await using var scope = await TenantScope.BeginAsync(app, w.Agency);
        var read = scope.Get<GetApplicationProgress>();
        for (var i = 0; i < limit; i++) Assert.NotEqual(ProgressLookupStatus.TooManyRequests, (await read.HandleAsync(ProgressTokens.New(), address, Ct)).Status);

        Assert.Equal(ProgressLookup.TooManyRequests, await read.HandleAsync(token, address, Ct));
    }

    [Fact]
    public async Task Another_agency_or_another_team_can_neither_make_list_nor_revoke_links()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);
        var link = (await CreateAsync(w.Agency, w.SalesA.UserId, c.ApplicationId)).Value!;

        Assert.Equal("Application.NotFound", Codes(await CreateAsync(w.Agency, w.SalesB.UserId, c.ApplicationId)));
        Assert.Equal("Application.NotFound", Codes(await CreateAsync(w.Agency, w.ManagerB.UserId, c.ApplicationId)));
        Assert.Equal("Link.NotFound", Codes(await AsAsync(app, w.Agency, w.SalesB.UserId, s => s.Get<RevokeProgressLink>().HandleAsync(link.LinkId, 1, Ct))));

        Assert.Equal("Application.NotFound", Codes(await CreateAsync(w.Other, w.Other.OwnerUserId, c.ApplicationId)));
        Assert.Equal("Application.NotFound", Codes(await AsAsync(app, w.Other, w.Other.OwnerUserId, s => s.Get<ListProgressLinks>().HandleAsync(c.ApplicationId, Ct))));
        Assert.Equal("Link.NotFound", Codes(await AsAsync(app, w.Other, w.Other.OwnerUserId, s => s.Get<RevokeProgressLink>().HandleAsync(link.LinkId, 1, Ct))));
        Assert.Equal(ProgressLookup.Invalid, await ViewAsync(w.Other, link.Token));
        Assert.Equal(ProgressLookupStatus.Found, (await ViewAsync(w.Agency, link.Token)).Status);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Null((await db.ApplicationProgressLinks.AsNoTracking().SingleAsync(l => l.Id == link.LinkId)).RevokedAt);
    }

    private async Task<Domain.Leads.Lead> LeadAsync(Agency agency, Guid id)
    {
        await using var db = app.OpenAgencyDb(agency.Info);
        return await db.Leads.AsNoTracking().SingleAsync(l => l.Id == id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProgressLinkTests(SqliteAppHost app) : ProgressLinkTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProgressLinkTests(PostgresAppHost app) : ProgressLinkTests(app);
