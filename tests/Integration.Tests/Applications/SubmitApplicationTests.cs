using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LoanSaaS.Domain.Automation.ConditionOperator;
using static LoanSaaS.Integration.Tests.Applications.ApplicationFixture;

namespace LoanSaaS.Integration.Tests.Applications;

/// <summary>
/// 提交审批: the agency's admission rules refuse a submission with their messages; a passing one runs every submission
/// hook in the same save as the status change, moves the customer's card to 进件审批 and is on the timeline.
/// </summary>
public abstract class SubmitApplicationTests(AppHost app)
{
    /// <summary>Records what it saw and leaves a mark in the save it runs in; or throws, to show nothing is kept then.</summary>
    private sealed class RecordingHook(bool fail = false) : IApplicationSubmissionHook
    {
        public List<(ApplicationStatus Status, bool Resubmission)> Seen { get; } = [];

        public Task OnSubmittingAsync(AgencyDbContext db, LoanApplication application, bool resubmission, string actorId, DateTimeOffset now, CancellationToken ct)
        {
            Seen.Add((application.Status, resubmission));
            if (fail) throw new InvalidOperationException("hook failed");
            application.CurrentStep = "业务经理初审";
            return Task.CompletedTask;
        }
    }

    private static AdmissionRule Rule(string name, ConditionNode condition, string message, int order) =>
        new() { Name = name, Condition = condition, Message = message, Order = order, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Version = 1 };

    [Fact]
    public async Task Admission_rules_refuse_with_their_messages_then_a_passing_submission_runs_the_hooks_in_its_save_and_moves_the_card()
    {
        // Its own agency: admission rules apply agency-wide.
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("submit"));
        var sales = await app.AddAsync(agency, Domain.Team.AgencyRole.Sales);
        var (lead, id) = await DraftAsync(app, agency, sales.UserId, Terms(18));
        Guid[] rules;
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            // This test's own rules only, not the defaults every agency starts with.
            await db.AdmissionRules.ExecuteUpdateAsync(u => u.SetProperty(r => r.IsEnabled, false));
            var list = new[]
            {
                Rule("大额人工", Comparison.Of("AmountWan", GreaterThan, "15"), "15 万以上的信用贷需先做人工预审", 0),
                Rule("材料不齐", Comparison.Of("MissingDocuments", GreaterThan, "0"), "必备材料未上传齐全", 1),
                Rule("黑名单", Comparison.Of("IsBlacklisted", EqualTo, "true"), "黑名单客户不能进件", 2),
                Rule("已停用", Comparison.Of("AmountWan", GreaterThan, "0"), "停用的规则不拦截", 3),
            };
            list[3].IsEnabled = false;
            db.AdmissionRules.AddRange(list);
            await db.SaveChangesAsync();
            rules = list.Select(r => r.Id).ToArray();
        }

        await using var scope = await app.MemberScopeAsync(agency.Info, sales.UserId);
        var hook = new RecordingHook();
        var submit = ActivatorUtilities.CreateInstance<SubmitApplication>(scope.Services, (IEnumerable<IApplicationSubmissionHook>)[hook]);
        var refused = await submit.HandleAsync(new SubmitApplicationRequest(id, 1), Ct);
        Assert.Equal("Admission.Refused", Codes(refused));
        Assert.Equal(["15 万以上的信用贷需先做人工预审", "必备材料未上传齐全"], refused.Value!.Failures.Select(f => f.Message));
        Assert.Empty(hook.Seen);
        var detail = await GetAsync(app, agency, sales.UserId, id);
        Assert.Equal(ApplicationStatus.Draft, detail.Status);
        var entry = detail.Timeline.First(e => e.Kind == "refused");
        Assert.Equal("大额人工、材料不齐", entry.Data["rules"]);

        await UploadAllAsync(app, agency, sales.UserId, id);
        Assert.True((await scope.Get<EditApplication>().HandleAsync(new EditApplicationRequest(id, 1, Terms(15)), Ct)).Succeeded);
        var failing = ActivatorUtilities.CreateInstance<SubmitApplication>(scope.Services, (IEnumerable<IApplicationSubmissionHook>)[hook, new RecordingHook(fail: true)]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.HandleAsync(new SubmitApplicationRequest(id, 2), Ct));
        Assert.Equal((ApplicationStatus.Draft, null), ((await GetAsync(app, agency, sales.UserId, id)).Status, (await GetAsync(app, agency, sales.UserId, id)).CurrentStep));

        var passed = await submit.HandleAsync(new SubmitApplicationRequest(id, 2), Ct);
        Assert.True(passed.Succeeded, Codes(passed));
        Assert.Equal([(ApplicationStatus.Draft, false), (ApplicationStatus.Draft, false)], hook.Seen);
        detail = await GetAsync(app, agency, sales.UserId, id);
        Assert.Equal((ApplicationStatus.InApproval, "业务经理初审", 3L), (detail.Status, detail.CurrentStep, detail.Version));
        Assert.NotNull(detail.SubmittedAt);
        Assert.Equal((false, false, true, false), (detail.Can.Edit, detail.Can.Submit, detail.Can.Withdraw, detail.Can.Upload));
        Assert.Equal("submitted", detail.Timeline[0].Kind);
        Assert.Equal("Application.NotEditable", Codes(await submit.HandleAsync(new SubmitApplicationRequest(id, 3), Ct)));

        await using var db2 = app.OpenAgencyDb(agency.Info);
        var card = await db2.Leads.AsNoTracking().SingleAsync(l => l.Id == lead);
        var stage = await db2.FunnelStages.AsNoTracking().SingleAsync(s => s.Id == card.StageId);
        Assert.Equal(DefaultFunnel.ApplicationStageKey, stage.Key);
        Assert.True(await db2.LeadStageChanges.AnyAsync(c => c.LeadId == lead && c.ToStageId == stage.Id));

        // A customer already further along (签约放款) stays where they are.
        var (further, second) = await DraftAsync(app, agency, sales.UserId, Terms(5));
        await UploadAllAsync(app, agency, sales.UserId, second);
        var signing = await db2.FunnelStages.AsNoTracking().SingleAsync(s => s.Key == "signing");
        await db2.Leads.Where(l => l.Id == further).ExecuteUpdateAsync(u => u.SetProperty(l => l.StageId, signing.Id));
        await db2.AdmissionRules.Where(r => rules.Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsEnabled, false));
        Assert.True((await scope.Get<SubmitApplication>().HandleAsync(new SubmitApplicationRequest(second, 1), Ct)).Succeeded);
        Assert.Equal(signing.Id, (await db2.Leads.AsNoTracking().SingleAsync(l => l.Id == further)).StageId);
    }

    [Fact]
    public async Task Only_its_sales_side_submits_and_a_returned_application_resubmits_as_such()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var (_, id) = await DraftAsync(app, w.Agency, w.SalesA.UserId);
        await UploadAllAsync(app, w.Agency, w.SalesA.UserId, id);
        await using (var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId))
            Assert.Equal("Application.NotFound", Codes(await salesB.Get<SubmitApplication>().HandleAsync(new SubmitApplicationRequest(id, 1), Ct)));

        await using (var db = app.OpenAgencyDb(w.Agency.Info))
            await db.LoanApplications.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ApplicationStatus.Returned));
        await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.ManagerA.UserId);
        var hook = new RecordingHook();
        var submit = ActivatorUtilities.CreateInstance<SubmitApplication>(manager.Services, (IEnumerable<IApplicationSubmissionHook>)[hook]);
        Assert.Equal("Application.ChangedByOthers", Codes(await submit.HandleAsync(new SubmitApplicationRequest(id, 0), Ct)));
        Assert.True((await submit.HandleAsync(new SubmitApplicationRequest(id, 1), Ct)).Succeeded);
        Assert.Equal([(ApplicationStatus.Returned, true)], hook.Seen);
        var detail = await GetAsync(app, w.Agency, w.SalesA.UserId, id);
        Assert.Equal(ApplicationStatus.InApproval, detail.Status);
        Assert.Equal("true", detail.Timeline[0].Data["resubmission"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSubmitApplicationTests(SqliteAppHost app) : SubmitApplicationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSubmitApplicationTests(PostgresAppHost app) : SubmitApplicationTests(app);
