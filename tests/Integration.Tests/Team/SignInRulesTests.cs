using System.Net;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;

namespace LoanSaaS.Integration.Tests.Team;

/// <summary>Sign-in through the real login form: lockout, deactivation, invitations.</summary>
public abstract class SignInRulesTests(AppHost app)
{
    private const string Invalid = "手机号/邮箱或密码不正确";
    private const string Locked = "账号已锁定";
    private const string Deactivated = "该账号已被停用";

    private Task<Agency> AgencyAsync() => app.SharedAsync("sign-in-rules", () => app.ProvisionAgencyAsync(TestIds.Slug("signin")));

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var agency = await AgencyAsync();
        var member = await app.AddAsync(agency, AgencyRole.Sales);
        using var client = app.CreateAgencyClient(agency);

        for (var i = 1; i <= 5; i++)
        {
            var wrong = await AppHost.TryLoginAsync(client, member.Mobile, "Wrong2026pw");
            Assert.False(wrong.SessionCookieSet);
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
            Assert.Contains(i < 5 ? Invalid : Locked, wrong.Body);
        }

        var right = await AppHost.TryLoginAsync(client, member.Mobile, member.Password!);
        Assert.False(right.SessionCookieSet);
        Assert.Contains(Locked, right.Body);
        var byEmail = await AppHost.TryLoginAsync(client, member.Email, member.Password!);
        Assert.False(byEmail.SessionCookieSet);
        Assert.Contains(Locked, byEmail.Body);
    }

    [Fact]
    public async Task Deactivated_member_cannot_sign_in_and_reactivated_can()
    {
        var agency = await AgencyAsync();
        var member = await app.AddAsync(agency, AgencyRole.Manager);
        using (var first = app.CreateAgencyClient(agency))
            await AppHost.LoginAsync(first, member.Mobile, member.Password!);

        await SetActiveAsync(agency, member, false);
        using (var client = app.CreateAgencyClient(agency))
        {
            var attempt = await AppHost.TryLoginAsync(client, member.Mobile, member.Password!);
            Assert.False(attempt.SessionCookieSet);
            Assert.Contains(Deactivated, attempt.Body);
        }

        await SetActiveAsync(agency, member, true);
        using var again = app.CreateAgencyClient(agency);
        await AppHost.LoginAsync(again, member.Email, member.Password!);
    }

    [Fact]
    public async Task Invited_member_sets_a_password_through_the_link_and_signs_in()
    {
        var agency = await AgencyAsync();
        var member = await app.AddAsync(agency, AgencyRole.Sales, password: null);
        var link = Assert.IsType<PasswordLink>(member.Invitation);
        Assert.Equal(member.UserId, link.UserId);

        using var client = app.CreateAgencyClient(agency);
        // No password yet: nothing to sign in with.
        Assert.False((await AppHost.TryLoginAsync(client, member.Mobile, TestIds.Password)).SessionCookieSet);
        using (var page = await client.GetAsync(link.RelativeUrl))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("set-password-card", await page.Content.ReadAsStringAsync());
        }

        const string chosen = "MyOwn2026pass";
        await using (var scope = await TenantScope.BeginAsync(app, agency))
        {
            var set = await scope.Get<SetPasswordFromLink>().HandleAsync(link.UserId, link.Token, chosen, CancellationToken.None);
            Assert.True(set.Succeeded, string.Join(", ", set.Errors));
        }
        await using (var scope = await TenantScope.BeginAsync(app, agency))
        {
            // A link works once.
            var reused = await scope.Get<SetPasswordFromLink>().HandleAsync(link.UserId, link.Token, "Another2026pw", CancellationToken.None);
            Assert.False(reused.Succeeded);
        }

        await AppHost.LoginAsync(client, member.Mobile, chosen);
    }

    private async Task SetActiveAsync(Agency agency, Member member, bool active)
    {
        await using var owner = await app.OwnerScopeAsync(agency);
        var result = await owner.Get<SetMemberActive>().HandleAsync(member.UserId, active, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSignInRulesTests(SqliteAppHost app) : SignInRulesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSignInRulesTests(PostgresAppHost app) : SignInRulesTests(app);
