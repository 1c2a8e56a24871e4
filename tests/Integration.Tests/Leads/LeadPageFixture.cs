using System.Globalization;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>
/// One agency with two teams (a manager and a salesperson each) plus a second agency, shared by the lead-page use-case
/// tests of one app; every test makes its own leads with fresh mobiles, so they never collide.
/// </summary>
public sealed record LeadPageWorld(Agency Agency, Agency Other, Member SalesA, Member SalesB, Member ManagerA, Member ManagerB, Member OtherSales, Member NoReveal);

public static class LeadPageFixture
{
    public static Task<LeadPageWorld> WorldAsync(AppHost app) => app.SharedAsync("lead-page-world", async () =>
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("leadpage"));
        var other = await app.ProvisionAgencyAsync(TestIds.Slug("leadpage-b"));
        var teamA = await TeamAsync(app, agency);
        var teamB = await TeamAsync(app, agency);
        return new LeadPageWorld(agency, other,
            await InTeamAsync(app, agency, AgencyRole.Sales, teamA), await InTeamAsync(app, agency, AgencyRole.Sales, teamB),
            await InTeamAsync(app, agency, AgencyRole.Manager, teamA), await InTeamAsync(app, agency, AgencyRole.Manager, teamB),
            await app.AddAsync(other, AgencyRole.Sales), await WithoutRevealAsync(app, agency));
    });

    public static LeadInput Input(string? mobile = null, string? idNumber = null) => new()
    {
        Name = "客户" + TestIds.Hex8()[..4], Mobile = mobile ?? TestIds.Mobile(), IdNumber = idNumber,
        City = "上海", LoanType = "抵押贷", Amount = "50", Term = "36", Source = "地推", Intent = "B", Tags = "有房",
    };

    /// <summary>Audit details as readable text (the JSON escapes Chinese characters).</summary>
    public static string Plain(string? json) => System.Text.RegularExpressions.Regex.Unescape(json ?? "");

    /// <summary>A valid 18-digit ID number (born 1960-1999, random day and sequence) with its check character.</summary>
    public static string IdNumber()
    {
        var birth = new DateOnly(1960 + Random.Shared.Next(40), 1 + Random.Shared.Next(12), 1 + Random.Shared.Next(28));
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>Adds a lead through AddLead as <paramref name="member"/> (its owner) and returns its id.</summary>
    public static async Task<Guid> AddAsync(AppHost app, Agency agency, string member, LeadInput? input = null)
    {
        await using var scope = await app.MemberScopeAsync(agency.Info, member);
        var result = await scope.Get<AddLead>().HandleAsync(new AddLeadRequest(input ?? Input()), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return result.LeadId!.Value;
    }

    public static async Task<T> AsAsync<T>(AppHost app, Agency agency, string member, Func<MemberScope, Task<T>> act)
    {
        await using var scope = await app.MemberScopeAsync(agency.Info, member);
        return await act(scope);
    }

    /// <summary>A risk reviewer (sees all leads) whose role this agency has denied revealing personal data.</summary>
    private static async Task<Member> WithoutRevealAsync(AppHost app, Agency agency)
    {
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            var setting = await db.RoleSettings.SingleOrDefaultAsync(r => r.Role == AgencyRole.RiskReviewer);
            if (setting is null) db.RoleSettings.Add(setting = RoleSetting.Default(AgencyRole.RiskReviewer));
            setting.Permissions &= ~Permission.RevealPersonalData;
            await db.SaveChangesAsync();
        }
        return await app.AddAsync(agency, AgencyRole.RiskReviewer);
    }

    private static async Task<Guid> TeamAsync(AppHost app, Agency agency)
    {
        await using var db = app.OpenAgencyDb(agency.Info);
        var team = new SalesTeam { Name = "组" + TestIds.Hex8(), CreatedAt = DateTimeOffset.UtcNow };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    private static async Task<Member> InTeamAsync(AppHost app, Agency agency, AgencyRole role, Guid team)
    {
        var member = await app.AddAsync(agency, role);
        await using var db = app.OpenAgencyDb(agency.Info);
        var user = await db.Users.SingleAsync(u => u.Id == member.UserId);
        user.TeamId = team;
        await db.SaveChangesAsync();
        return member;
    }
}
