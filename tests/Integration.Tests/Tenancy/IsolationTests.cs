using System.Net;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Tenancy;

/// <summary>The most important guarantee: nothing of agency B is reachable with agency A's session, and B's members cannot touch A's.</summary>
public abstract class IsolationTests(AppHost app)
{
    private const string RefusedTitle = "无权访问此工作区";

    private sealed record Pair(Agency A, Agency B, Member ASales, Member AInvited, string ACookie);

    private Task<Pair> PairAsync() => app.SharedAsync("isolation", async () =>
    {
        var a = await app.ProvisionAgencyAsync(TestIds.Slug("iso-a"));
        var b = await app.ProvisionAgencyAsync(TestIds.Slug("iso-b"));
        var sales = await app.AddAsync(a, AgencyRole.Sales);
        var invited = await app.AddAsync(a, AgencyRole.Manager, password: null);
        using var client = app.CreateAgencyClient(a);
        var cookie = await AppHost.LoginAsync(client, a.OwnerMobile, a.OwnerPassword);
        return new Pair(a, b, sales, invited, cookie);
    });

    private static HttpRequestMessage WithSession(HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", $"{AppHost.SessionCookie}={cookie}");
        return request;
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/team")]
    [InlineData("GET", "/login")]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    public async Task A_session_on_B_host_is_refused(string method, string path)
    {
        var (a, b, _, _, cookie) = await PairAsync();
        using var onB = app.CreateCookielessClient(b.Host);
        using var response = await onB.Http.SendAsync(WithSession(new HttpMethod(method), path, cookie));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        if (method == "GET") Assert.Contains(RefusedTitle, body);
        foreach (var secret in new[] { b.OwnerName, b.OwnerMobile, b.OwnerEmail, b.OwnerUserId, a.OwnerName, a.OwnerMobile })
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_session_on_A_host_works()
    {
        var (a, _, _, _, cookie) = await PairAsync();
        using var onA = app.CreateCookielessClient(a.Host);

        using var home = await onA.Http.SendAsync(WithSession(HttpMethod.Get, "/", cookie));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(a.OwnerName, await home.Content.ReadAsStringAsync());

        using var negotiate = await onA.Http.SendAsync(WithSession(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1", cookie));
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Contains("connectionToken", await negotiate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forwarded_host_headers_do_not_switch_the_agency()
    {
        var (a, b, _, _, cookie) = await PairAsync();
        using var onA = app.CreateCookielessClient(a.Host);
        var request = WithSession(HttpMethod.Get, "/", cookie);
        request.Headers.Add("X-Forwarded-Host", $"{b.Host}:{app.Port}");
        request.Headers.Add("X-Original-Host", $"{b.Host}:{app.Port}");
        using var home = await onA.Http.SendAsync(request);
        var body = await home.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(a.OwnerName, body);
        Assert.DoesNotContain(b.Info.Name, body);
    }

    [Fact]
    public async Task A_session_without_cookie_on_B_is_just_anonymous()
    {
        var (_, b, _, _, _) = await PairAsync();
        using var onB = app.CreateClient(b.Host);
        using var home = await onB.GetAsync("/");
        var body = await home.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.Forbidden, home.StatusCode);
        Assert.DoesNotContain(b.OwnerName, body);
    }

    [Fact]
    public async Task B_member_cannot_read_or_change_A_members_through_use_cases()
    {
        var (a, b, aSales, _, _) = await PairAsync();
        var before = await SnapshotAsync(a);

        await using (var asB = await app.OwnerScopeAsync(b))
        {
            var listed = await asB.Get<ListMembers>().HandleAsync(CancellationToken.None);
            Assert.Contains(listed, m => m.Id == b.OwnerUserId);
            Assert.DoesNotContain(listed, m => m.Id == a.OwnerUserId || m.Id == aSales.UserId);

            foreach (var target in new[] { aSales.UserId, a.OwnerUserId })
            {
                var stamp = before.Single(u => u.Id == target).ConcurrencyStamp;
                var update = await asB.Get<UpdateMember>().HandleAsync(new UpdateMemberRequest(target, AgencyRole.Admin, null, stamp ?? ""), CancellationToken.None);
                AssertMemberNotFound(update.Errors);
                var deactivate = await asB.Get<SetMemberActive>().HandleAsync(target, false, CancellationToken.None);
                AssertMemberNotFound(deactivate.Errors);
                var link = await asB.Get<IssuePasswordLink>().HandleAsync(target, CancellationToken.None);
                AssertMemberNotFound(link.Errors);
                Assert.Null(link.Value);
            }
        }

        Assert.Equal(before, await SnapshotAsync(a));
        await using var aDb = app.OpenAgencyDb(a.Info);
        Assert.DoesNotContain(await aDb.AuditEntries.Select(e => e.ActorId).ToListAsync(), id => id == b.OwnerUserId);
    }

    [Fact]
    public async Task A_credentials_and_links_mean_nothing_on_B()
    {
        var (a, b, aSales, aInvited, _) = await PairAsync();
        var before = await SnapshotAsync(a);

        using (var onB = app.CreateAgencyClient(b))
        {
            foreach (var (login, password) in new[] { (a.OwnerMobile, a.OwnerPassword), (a.OwnerEmail, a.OwnerPassword), (aSales.Mobile, aSales.Password!) })
            {
                var attempt = await AppHost.TryLoginAsync(onB, login, password);
                Assert.False(attempt.SessionCookieSet, $"{login} signed in on {b.Host}");
                Assert.Contains("手机号/邮箱或密码不正确", attempt.Body);
            }
        }

        var link = Assert.IsType<PasswordLink>(aInvited.Invitation);
        await using (var onB = await TenantScope.BeginAsync(app, b))
        {
            var set = await onB.Get<SetPasswordFromLink>().HandleAsync(link.UserId, link.Token, "Hijack2026pw", CancellationToken.None);
            Assert.Equal([new LoanSaaS.Infrastructure.Common.FieldError("", "LinkInvalid")], set.Errors);
        }

        Assert.Equal(before, await SnapshotAsync(a));
    }

    private static void AssertMemberNotFound(IReadOnlyList<LoanSaaS.Infrastructure.Common.FieldError> errors) =>
        Assert.Equal([new LoanSaaS.Infrastructure.Common.FieldError("", "MemberNotFound")], errors);

    private sealed record UserSnapshot(string Id, AgencyRole Role, bool IsActive, string? SecurityStamp, string? ConcurrencyStamp, string? PasswordHash, int AuditCount);

    private async Task<List<UserSnapshot>> SnapshotAsync(Agency agency)
    {
        await using var db = app.OpenAgencyDb(agency.Info);
        var audits = await db.AuditEntries.CountAsync();
        return (await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync())
            .Select(u => new UserSnapshot(u.Id, u.Role, u.IsActive, u.SecurityStamp, u.ConcurrencyStamp, u.PasswordHash, audits))
            .ToList();
    }

    [Fact]
    public async Task SignalR_connection_to_B_with_A_session_is_refused()
    {
        var (a, b, _, _, cookie) = await PairAsync();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => BlazorHub.ConnectAsync(app.Port, b.Host, cookie));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // Control: the same client with the same session on A's own host passes negotiation and the transport and is
        // answered by the Blazor hub itself, which speaks only its "blazorpack" protocol, so the JSON handshake ends there.
        var own = await BlazorHub.TryConnectAsync(app.Port, a.Host, cookie);
        Assert.True(own.StatusCode is null && own.Error?.Contains("protocol 'json' is not supported", StringComparison.Ordinal) == true,
            $"A's own hub did not accept A's session: {own}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIsolationTests(SqliteAppHost app) : IsolationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIsolationTests(PostgresAppHost app) : IsolationTests(app);
