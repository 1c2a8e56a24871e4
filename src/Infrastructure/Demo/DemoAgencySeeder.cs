using System.Globalization;
using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Assignment;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.People;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Demo;

/// <summary>Creates the demo agency "demo" with a realistic Shanghai team and ~300 sample leads, once. Every demo login uses <see cref="Password"/>.</summary>
public sealed class DemoAgencySeeder(CatalogDbContextFactory catalog, TenantDatabaseConnector connector, TenantProvisioner provisioner, TenantScopes scopes, TimeProvider time)
{
    public const string Slug = "demo";
    public const string Name = "上海惠融助贷服务有限公司";
    public const string Password = "Demo@2026";

    public async Task EnsureAsync(CancellationToken ct)
    {
        Tenant? tenant;
        await using (var db = catalog.Create())
        {
            tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == Slug, ct);
            if (tenant is null)
            {
                var now = time.GetUtcNow();
                var owner = SampleTeam.Owner;
                tenant = new Tenant
                {
                    Slug = Slug, Name = Name, Provider = connector.Provider, DatabaseName = connector.DatabaseNameFor(Slug),
                    TrialEndsOn = Plans.TrialEnd(now), CreatedAt = now,
                    PendingOwner = new PendingOwner
                    {
                        Name = owner.Name, Mobile = owner.Mobile, Email = owner.Email,
                        PasswordHash = new PasswordHasher<AgencyUser>().HashPassword(null!, Password),
                    },
                };
                db.Tenants.Add(tenant);
                await db.SaveChangesAsync(ct);
            }
        }
        if (tenant.State != TenantState.Active && tenant.State != TenantState.Suspended
            && await provisioner.ProvisionAsync(tenant.Id, ct) != TenantState.Active)
            throw new InvalidOperationException("The demo agency could not be provisioned; see the log.");
        await SeedTeamAsync(TenantStore.ToInfo(tenant), ct);
        await SeedLeadsAsync(TenantStore.ToInfo(tenant), ct);
        await using (var scope = scopes.Begin(TenantStore.ToInfo(tenant)))
            await DemoApplications.SeedAsync(scope.ServiceProvider, ct);
    }

    private async Task SeedTeamAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var scope = scopes.Begin(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AgencyDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgencyUser>>();
        var now = time.GetUtcNow();
        foreach (var t in SampleTeam.Teams)
            if (!await db.Teams.AnyAsync(x => x.Name == t.Name, ct))
                db.Teams.Add(new SalesTeam { Name = t.Name, Region = t.Region, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id, ct);

        foreach (var p in SampleTeam.People)
        {
            var user = await users.FindByEmailAsync(p.Email);
            if (user is null)
            {
                user = new AgencyUser
                {
                    UserName = p.Email, Email = p.Email, EmailConfirmed = true, PhoneNumber = ChinaMobile.Normalize(p.Mobile),
                    FullName = p.Name, Role = p.Role, CreatedAt = now,
                };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            if (p.Team is not null && user.TeamId is null && teams.TryGetValue(p.Team, out var teamId))
            {
                user.TeamId = teamId;
                await users.UpdateAsync(user);
            }
        }
    }

    public const int SampleLeadCount = 300;

    /// <summary>Sample leads owned by the sales people and managers, some pooled, blacklisted or converted; only into an agency without leads.</summary>
    private async Task SeedLeadsAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var scope = scopes.Begin(tenant);
        var sp = scope.ServiceProvider;
        var contexts = sp.GetRequiredService<ITenantDbContextFactory>();
        await using var db = contexts.Create();
        if (await db.Leads.AnyAsync(ct)) return;

        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var owners = SampleTeam.People.Where(p => p.Role is AgencyRole.Sales or AgencyRole.Manager)
            .Select(p => users.Single(u => u.Email == p.Email)).ToList();
        var samples = SampleLeads.Generate(SampleLeadCount, owners.Count);
        var now = time.GetUtcNow();
        var today = Shanghai.Today(time);
        var ids = new Guid?[samples.Count];
        var fields = CustomFieldTemplates.All().Select((f, i) => { f.Order = i; f.CreatedAt = f.UpdatedAt = now; f.Version = 1; return f; }).ToList();
        db.CustomFields.AddRange(fields);
        await SeedMortgageEligibilityAsync(db, fields, ct);
        await db.SaveChangesAsync(ct);

        // Through the one capture use case, on a clock set to each lead's day, so numbers and audit entries read as if
        // the leads had come in over the past weeks.
        var batches = samples.Select((s, i) => (Sample: s, Index: i))
            .GroupBy(x => (x.Sample.DaysAgo, Owner: x.Sample.Kind == SampleLeadKind.Pool ? -1 : x.Sample.Owner));
        foreach (var batch in batches.OrderByDescending(b => b.Key.DaysAgo))
        {
            var at = Shanghai.StartOfDayUtc(today.AddDays(-batch.Key.DaysAgo)).AddHours(9).AddMinutes(batch.Min(x => x.Sample.MinuteOfDay));
            var clock = new SeedClock(at < now ? at : now);
            var owner = batch.Key.Owner < 0 ? null : owners[batch.Key.Owner];
            var capture = new CaptureLeads(contexts, sp.GetRequiredService<TenantContext>(), sp.GetRequiredService<TenantPersonalData>(),
                new AuditLog(clock), sp.GetRequiredService<ILiveEvents>(), clock);
            var options = new CaptureOptions(owner is null ? LeadChannel.WebForm : LeadChannel.Manual,
                owner is null ? AuditActor.System : new AuditActor(owner.Id, owner.FullName), DuplicatePolicy.Skip) { OwnerId = owner?.Id };
            var results = await capture.HandleAsync(batch.Select(x => Input(x.Sample, fields)).ToList(), options, ct);
            foreach (var (x, result) in batch.Zip(results)) ids[x.Index] = result.LeadId;
        }

        var leads = await db.Leads.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var stages = await db.FunnelStages.Where(s => db.FunnelBoards.Any(b => b.Id == s.BoardId && b.IsDefault)).ToDictionaryAsync(s => s.Key, ct);
        for (var i = 0; i < samples.Count; i++)
        {
            if (ids[i] is not { } id || !leads.TryGetValue(id, out var lead)) continue;
            var sample = samples[i];
            if (stages.GetValueOrDefault(DemoStage(sample)) is { } stage && CardMoveRules.Missing(stage, lead).Count == 0)
            {
                var entered = lead.CreatedAt.AddHours(2 + sample.MinuteOfDay % 46);
                lead.EnterStage(stage.Id, entered < now ? entered : now);
            }
            if (sample.NextFollowUpInDays is { } next)
                lead.NextFollowUpAt = Shanghai.StartOfDayUtc(today.AddDays(next)).AddHours(10).AddMinutes(sample.MinuteOfDay % 240);
            if (sample.Kind == SampleLeadKind.Active && lead.OwnerId is not null) KeepWorked(db, lead, sample, users, now);
            if (sample.Kind == SampleLeadKind.Blacklisted) Blacklist(db, lead, sample.BlacklistReason!, ManagerOf(lead, users));
            if (sample.Kind == SampleLeadKind.Customer)
            {
                var converted = lead.CreatedAt.AddDays(1 + sample.MinuteOfDay % 5);
                lead.ConvertedAt = converted < now ? converted : now;
                var key = LeadNumber.SequenceKey(LeadNumber.CustomerPrefix, Shanghai.DateOf(lead.ConvertedAt.Value));
                lead.CustomerNumber = LeadNumber.Format(key, await NumberSequences.ReserveAsync(contexts, key, 1, ct));
            }
        }
        SeedAppointments(db, leads.Values.Where(l => l.StageId is { } s && (s == stages.GetValueOrDefault("visit")?.Id || s == stages.GetValueOrDefault("qualification")?.Id)).ToList(), users, today, now);
        await SeedAssignmentRuleAsync(db, now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo has a 名下房产 field: its mortgage product asks that the customer owns property.</summary>
    private static async Task SeedMortgageEligibilityAsync(AgencyDbContext db, IReadOnlyList<CustomField> fields, CancellationToken ct)
    {
        var property = fields.FirstOrDefault(f => f.Label == "名下房产");
        var mortgage = await db.LoanProducts.FirstOrDefaultAsync(p => p.Code == SampleProducts.MortgageCode, ct);
        if (property is null || mortgage is null) return;
        mortgage.Eligibility = SampleProducts.MortgageEligibility(property.Key);
        mortgage.Version++;
    }

    /// <summary>The seed documents' example: 新线索来源=官方网站 且 意向城市=上海 → 上海区域销售组 (浦东一组), in turn.</summary>
    private static async Task SeedAssignmentRuleAsync(AgencyDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Name == "浦东一组", ct);
        if (team is null) return;
        db.AssignmentRules.Add(new AssignmentRule
        {
            Name = "官网上海线索", Order = 0, Target = AssignmentTarget.Team, TeamId = team.Id, Strategy = AssignmentStrategy.RoundRobin,
            Condition = ConditionGroup.AllOf(Comparison.Of("Source", ConditionOperator.EqualTo, DefaultDictionaries.WebFormSource), Comparison.Of("City", ConditionOperator.Contains, "上海")),
            CreatedAt = now, UpdatedAt = now, Version = 1,
        });
        // The same example as an automation rule (assign by the rules, tell the manager), off so the two do not both act on a lead.
        db.AutomationRules.Add(new AutomationRule
        {
            Name = "官网上海线索（示例）", IsEnabled = false, Trigger = TriggerKind.LeadCreated,
            Condition = ConditionGroup.AllOf(Comparison.Of("Source", ConditionOperator.EqualTo, DefaultDictionaries.WebFormSource), Comparison.Of("City", ConditionOperator.Contains, "上海")),
            Actions = [new AutomationAction(ActionKind.Assign, "rules"), new AutomationAction(ActionKind.Notify, "manager", "官网上海线索 {姓名} 已分配给 {负责人}")],
            ActiveSince = now, CreatedAt = now.AddMilliseconds(1), UpdatedAt = now, Version = 1,
        });
    }

    private static readonly string[] FollowUpNotes =
        ["电话沟通，客户在准备近 6 个月银行流水", "微信发送了产品方案，客户在比较利率", "客户询问额度与期限，约了下周再联系", "客户出差中，约好回来后面谈"];

    /// <summary>
    /// An owned sample lead worked on lately, as in a live agency, so the default reclaim rules do not empty the demo on
    /// its first sweep: a follow-up within the last two days and a stage move within the last five; every 25th lead is
    /// two hours short of its no-follow-up limit, so the demo shows a reclaim warning.
    /// </summary>
    private static void KeepWorked(AgencyDbContext db, Lead lead, SampleLead sample, List<AgencyUser> users, DateTimeOffset now)
    {
        var seed = sample.MinuteOfDay;
        var limitDays = sample.Intent is IntentLevel.A or IntentLevel.B ? 7 : 3;
        var at = seed % 25 == 0 ? now.AddDays(-limitDays).AddHours(2) : now.AddHours(-(2 + seed % 40));
        if (at < lead.CreatedAt.AddHours(1)) at = lead.CreatedAt.AddHours(1);
        if (at >= now) return;
        var author = users.Single(u => u.Id == lead.OwnerId);
        DateTimeOffset? next = lead.NextFollowUpAt > at ? lead.NextFollowUpAt : null;
        db.FollowUps.Add(new FollowUp
        {
            LeadId = lead.Id, Channel = seed % 3 == 0 ? FollowUpChannel.WeChat : FollowUpChannel.Phone, Outcome = seed % 4 == 0 ? FollowUpOutcome.CallBack : FollowUpOutcome.Interested,
            Content = FollowUpNotes[seed % FollowUpNotes.Length], At = at, NextAt = next, IsClosed = next is null, ReminderSentAt = next < now ? next : null,
            AuthorId = author.Id, AuthorName = author.FullName,
        });
        (lead.LastFollowUpAt, lead.FollowUpCount) = (at, lead.FollowUpCount + 1);
        var recentMove = now.AddDays(-(seed % 5)).AddHours(-(seed % 12));
        if (lead.StageId is { } stage && lead.StageEnteredAt < recentMove && recentMove > lead.CreatedAt) lead.EnterStage(stage, recentMove);
    }

    private static readonly string[] OfficePlaces = ["总部 3 楼洽谈室", "总部 3 楼 VIP 室", "徐汇分部 1 号会客室"];
    private static readonly string[] SitePlaces = ["客户公司：浦东新区张江路 88 号", "客户门店：静安区南京西路 1266 号", "客户家中：闵行区七宝镇"];

    /// <summary>Visits of this week and next for leads at 邀约面访 / 资质审核: done ones with their outcome, today's (one arrived), coming ones.</summary>
    private static void SeedAppointments(AgencyDbContext db, List<Lead> leads, List<AgencyUser> users, DateOnly today, DateTimeOffset now)
    {
        var monday = AppointmentCalendar.Days(CalendarView.Week, today)[0];
        for (var i = 0; i < leads.Count && i < 24; i++)
        {
            var lead = leads[i];
            if (lead.OwnerId is null) continue;
            var day = monday.AddDays(i % 12);
            var startsAt = Shanghai.StartOfDayUtc(day).AddHours(9.5 + i % 4 * 1.5);
            var site = i % 4 == 3;
            var creator = users.Single(u => u.Id == lead.OwnerId);
            var staff = new List<string> { lead.OwnerId };
            if (i % 3 == 0) staff.Add(ManagerOf(lead, users).Id);
            var appointment = new Appointment
            {
                LeadId = lead.Id, Kind = site ? AppointmentKind.SiteVisit : AppointmentKind.OfficeVisit, StartsAt = startsAt, DurationMinutes = site ? 90 : 60,
                Place = site ? SitePlaces[i % SitePlaces.Length] : OfficePlaces[i % OfficePlaces.Length], StaffIds = staff.Distinct().ToList(),
                Notes = i % 2 == 0 ? "客户带齐身份证、近 6 个月银行流水" : null, RemindMinutesBefore = 30, CreatedById = creator.Id, CreatedByName = creator.FullName,
                CreatedAt = startsAt.AddDays(-2) < now ? startsAt.AddDays(-2) : now, Version = 1,
            };
            if (startsAt.AddHours(2) < now)
            {
                appointment.Status = i % 5 == 4 ? AppointmentStatus.NoShow : AppointmentStatus.Completed;
                appointment.ReminderSentAt = startsAt.AddMinutes(-30);
                if (appointment.Status == AppointmentStatus.Completed) (appointment.ArrivedAt, appointment.CheckedInByName) = (startsAt.AddMinutes(-5), creator.FullName);
            }
            else if (startsAt < now && i % 2 == 0)
                (appointment.Status, appointment.ArrivedAt, appointment.CheckedInByName) = (AppointmentStatus.Arrived, startsAt.AddMinutes(-5), "前台");
            db.Appointments.Add(appointment);
        }
    }

    /// <summary>Where a sample lead's card sits on the default board, so the demo board has every column filled.</summary>
    private static string DemoStage(SampleLead s) => (s.Kind, s.Intent) switch
    {
        (SampleLeadKind.Customer, _) => s.MinuteOfDay % 2 == 0 ? "signing" : "postloan",
        (_, IntentLevel.A) => s.MinuteOfDay % 2 == 0 ? "matching" : "qualification",
        (_, IntentLevel.B) => s.MinuteOfDay % 2 == 0 ? "visit" : "intent",
        (_, IntentLevel.C) => "screening",
        (_, IntentLevel.D) => s.MinuteOfDay % 3 == 0 ? "lost" : "invalid",
        _ => "new",
    };

    private static LeadInput Input(SampleLead s, IReadOnlyList<CustomField> fields) => new()
    {
        Name = s.Name, Mobile = s.Mobile, IdNumber = s.IdNumber, City = s.City, LoanType = s.LoanType,
        Amount = s.AmountWan.ToString(CultureInfo.InvariantCulture), Purpose = s.Purpose,
        Term = s.TermMonths.ToString(CultureInfo.InvariantCulture), CreditStatus = s.Credit.ToString(), Source = s.Source,
        Intent = s.Intent?.ToString(), Tags = string.Join(',', s.Tags),
        Custom = s.MinuteOfDay % 5 == 0 ? new Dictionary<string, string?>() : fields.ToDictionary(f => f.Key, f => SampleValue(f, s.MinuteOfDay)),
    };

    /// <summary>A plausible value of a template field for a sample lead, varied by its minute of day.</summary>
    private static string? SampleValue(CustomField field, int seed) => field.Label switch
    {
        "社保缴纳基数" => (4_000 + seed * 37 % 26_000 / 100 * 100).ToString(CultureInfo.InvariantCulture),
        "公积金连续缴纳月数" => (seed * 7 % 72).ToString(CultureInfo.InvariantCulture),
        "负债总额" => (seed * 113 % 60 * 10_000).ToString(CultureInfo.InvariantCulture),
        _ when field.Options.Count > 0 => field.Options[seed * 31 % field.Options.Count],
        _ => null,
    };

    private static AgencyUser ManagerOf(Lead lead, List<AgencyUser> users) =>
        users.FirstOrDefault(u => u.Role == AgencyRole.Manager && u.TeamId == lead.TeamId) ?? users.First(u => u.Role == AgencyRole.Admin);

    private static void Blacklist(AgencyDbContext db, Lead lead, string reason, AgencyUser by)
    {
        var at = lead.CreatedAt.AddHours(3);
        lead.Status = LeadStatus.Blacklisted;
        lead.BlacklistReason = reason;
        db.Blacklist.Add(new BlacklistEntry
        {
            MobileIndex = lead.Mobile.Index, MobileMasked = lead.Mobile.Masked, IdNumberIndex = lead.IdNumber.Index, IdNumberMasked = lead.IdNumber.Masked,
            Name = lead.Name, Reason = reason, LeadId = lead.Id, AddedById = by.Id, AddedByName = by.FullName, AddedAt = at,
        });
    }

    private sealed class SeedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
