using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>
/// One agency with two teams (manager + sales A in team 1, sales B in team 2) and a handful of leads under a unique
/// name prefix: 甲 (A, intent A, tag 有房), 乙 (B), 丙 (manager), 丁 (pool), 戊 (A, customer), 己 (A, blacklisted).
/// </summary>
public sealed record LeadListWorld(Agency Agency, Member Manager, Member SalesA, Member SalesB, string Prefix, IReadOnlyDictionary<string, Guid> Leads, IReadOnlyDictionary<string, string> Mobiles)
{
    public Guid this[string key] => Leads[key];

    public static async Task<LeadListWorld> CreateAsync(AppHost app, string slugPrefix)
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug(slugPrefix));
        var manager = await app.AddAsync(agency, AgencyRole.Manager);
        var salesA = await app.AddAsync(agency, AgencyRole.Sales);
        var salesB = await app.AddAsync(agency, AgencyRole.Sales);
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            var one = new SalesTeam { Name = "一组" + TestIds.Hex8(), Region = "上海" };
            var two = new SalesTeam { Name = "二组" + TestIds.Hex8(), Region = "上海" };
            db.Teams.AddRange(one, two);
            await db.SaveChangesAsync();
            foreach (var user in await db.Users.Where(u => u.Id == manager.UserId || u.Id == salesA.UserId || u.Id == salesB.UserId).ToListAsync())
                user.TeamId = user.Id == salesB.UserId ? two.Id : one.Id;
            await db.SaveChangesAsync();
        }

        var prefix = "测" + TestIds.Hex8()[..4];
        var mobiles = new Dictionary<string, string>();
        var leads = new Dictionary<string, Guid>();
        await using var scope = await TenantScope.BeginAsync(app, agency);
        async Task AddAsync(string key, string? owner, LeadInput input)
        {
            var mobile = TestIds.Mobile();
            mobiles[key] = mobile;
            var result = await scope.Get<CaptureLeads>().HandleAsync([input with { Name = prefix + key, Mobile = mobile }],
                new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.Skip) { OwnerId = owner }, CancellationToken.None);
            Assert.Equal(CaptureOutcome.Created, result[0].Outcome);
            leads[key] = result[0].LeadId!.Value;
        }
        await AddAsync("甲", salesA.UserId, new LeadInput { Intent = "A", Tags = "有房,优质", Source = "第三方平台", Amount = "80", LoanType = "抵押贷" });
        await AddAsync("乙", salesB.UserId, new LeadInput { Intent = "B", Tags = "有车", Source = "地推", Amount = "20" });
        await AddAsync("丙", manager.UserId, new LeadInput { Intent = "C", Amount = "150" });
        await AddAsync("丁", null, new LeadInput { Intent = "B", Amount = "5" });
        await AddAsync("戊", salesA.UserId, new LeadInput { Intent = "A" });
        await AddAsync("己", salesA.UserId, new LeadInput { Intent = "D" });

        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            var customer = await db.Leads.SingleAsync(l => l.Id == leads["戊"]);
            customer.ConvertedAt = DateTimeOffset.UtcNow;
            customer.CustomerNumber = "C" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);
            var blocked = await db.Leads.SingleAsync(l => l.Id == leads["己"]);
            blocked.Status = LeadStatus.Blacklisted;
            blocked.BlacklistReason = "伪造流水";
            db.Blacklist.Add(new BlacklistEntry
            {
                MobileIndex = blocked.Mobile.Index, MobileMasked = blocked.Mobile.Masked, Name = blocked.Name, Reason = "伪造流水",
                LeadId = blocked.Id, AddedById = manager.UserId, AddedByName = manager.FullName, AddedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        return new LeadListWorld(agency, manager, salesA, salesB, prefix, leads, mobiles);
    }
}
