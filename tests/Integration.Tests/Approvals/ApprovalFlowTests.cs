using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Approvals.Flows;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Approvals;

/// <summary>
/// 审批流程: versions per flow key (a published version is never edited; saving makes draft N+1), publishing refused
/// with every problem, the previous version retired while running applications keep theirs, simulation with approvers
/// by name; another agency reaches none of it.
/// </summary>
public abstract class ApprovalFlowTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly string[] PublishProblems =
    [
        "Nodes.cfo.InvalidSla", "Nodes.cfo.UnknownRole", "Nodes.check.BranchWithoutCondition", "Nodes.check.ConditionNeedsOneDefault",
        "Nodes.named.ApproveTooManyRejections", "Nodes.named.UnknownMember",
    ];

    private static string Codes(Result result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}").Order(StringComparer.Ordinal));

    private static ApprovalSample Amount(decimal wan) => new(wan, 12, null, null, 35, null, null);

    private static async Task<ApprovalFlowSummary> DefaultFlowAsync(MemberScope scope) =>
        (await scope.Get<ListApprovalFlows>().HandleAsync(Ct)).Single(f => f.FlowKey == SampleApprovalFlow.FlowKey);

    [Fact]
    public async Task Editing_the_published_flow_makes_draft_2_publishing_it_retires_version_1_and_running_applications_keep_theirs()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("flw"));
        await using var owner = await app.OwnerScopeAsync(agency);
        var flow = await DefaultFlowAsync(owner);
        Assert.Equal((1, ApprovalFlowStatus.Published, (ApprovalFlowVersionRow?)null), (flow.Published!.Version, flow.Published.Status, flow.Draft));
        Assert.NotEmpty(flow.Products);
        var v1 = flow.Published.Id;

        // An application submitted under version 1 is still in approval.
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            db.LoanApplications.Add(new LoanApplication
            {
                Number = "JJ" + TestIds.Hex8(), LeadId = Guid.NewGuid(), ProductId = Guid.NewGuid(), AmountWan = 60, TermMonths = 12, OwnerId = agency.OwnerUserId,
                Status = ApplicationStatus.InApproval, ApprovalFlowVersionId = v1, CurrentStep = "risk-review",
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, (await DefaultFlowAsync(owner)).Published!.Running);
        var design = (await owner.Get<GetApprovalFlow>().HandleAsync(SampleApprovalFlow.FlowKey, Ct))!;
        Assert.Equal(v1, design.Editable.Id);
        var edited = design.Editable.Definition with
        {
            Nodes = [.. design.Editable.Definition.Nodes.Select(n => n.Id == "risk-review" ? n with { Name = "风控审核" } : n)],
        };
        var save = owner.Get<SaveApprovalFlowDraft>();
        var saved = await save.HandleAsync(new(SampleApprovalFlow.FlowKey, v1, design.Editable.Revision, "贷款申请审批", edited), Ct);
        Assert.True(saved.Succeeded, Codes(saved));
        Assert.Equal(2, saved.Value!.Version);
        // Saving again updates the one draft, at its revision; a stale revision or a second "first" draft is refused.
        var again = await save.HandleAsync(new(SampleApprovalFlow.FlowKey, saved.Value.Id, saved.Value.Revision, "贷款审批 v2", edited), Ct);
        Assert.True(again.Succeeded, Codes(again));
        Assert.Equal((saved.Value.Id, 2), (again.Value!.Id, again.Value.Version));
        Assert.Equal(".ChangedByOthers", Codes(await save.HandleAsync(new(SampleApprovalFlow.FlowKey, saved.Value.Id, saved.Value.Revision, "旧", edited), Ct)));
        Assert.Equal(".ChangedByOthers", Codes(await save.HandleAsync(new(SampleApprovalFlow.FlowKey, v1, 0, "旧", edited), Ct)));

        var listed = await DefaultFlowAsync(owner);
        Assert.Equal((1, 2, "贷款审批 v2"), (listed.Published!.Version, listed.Draft!.Version, listed.Name));
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            Assert.Equal("风控复审", (await db.ApprovalFlows.AsNoTracking().SingleAsync(f => f.Id == v1)).Definition.Nodes.Single(n => n.Id == "risk-review").Name);
        }

        var published = await owner.Get<PublishApprovalFlow>().HandleAsync(SampleApprovalFlow.FlowKey, again.Value.Id, again.Value.Revision, Ct);
        Assert.True(published.Succeeded, Codes(published));
        var after = await DefaultFlowAsync(owner);
        Assert.Equal((2, (ApprovalFlowVersionRow?)null), (after.Published!.Version, after.Draft));
        Assert.Equal((ApprovalFlowStatus.Retired, 1), (after.Versions.Single(v => v.Id == v1).Status, after.Versions.Single(v => v.Id == v1).Running));
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            Assert.Equal(v1, (await db.LoanApplications.AsNoTracking().SingleAsync()).ApprovalFlowVersionId);
            var actions = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "approvalflow").Select(a => a.Action).ToListAsync();
            Assert.Equal(["approvalflow.published", "approvalflow.saved", "approvalflow.saved"], actions.Order(StringComparer.Ordinal));
        }

        // The old version stays readable; the next edit is version 3.
        Assert.Equal("风控复审", (await owner.Get<GetApprovalFlowVersion>().HandleAsync(v1, Ct))!.Definition.Nodes.Single(n => n.Id == "risk-review").Name);
        var third = await save.HandleAsync(new(SampleApprovalFlow.FlowKey, after.Published.Id, after.Published.Revision, "第三版", edited), Ct);
        Assert.Equal(3, third.Value!.Version);
        Assert.True((await owner.Get<DiscardApprovalFlowDraft>().HandleAsync(SampleApprovalFlow.FlowKey, third.Value.Id, third.Value.Revision, Ct)).Succeeded);
        var discarded = await DefaultFlowAsync(owner);
        Assert.Equal((2, (ApprovalFlowVersionRow?)null, 2), (discarded.Published!.Version, discarded.Draft, discarded.Versions.Count));
    }

    [Fact]
    public async Task Publishing_is_refused_with_every_problem_including_approvers_that_do_not_exist()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("flp"));
        var gone = await app.AddAsync(agency, AgencyRole.RiskReviewer);
        await using var owner = await app.OwnerScopeAsync(agency);
        var created = await owner.Get<CreateApprovalFlow>().HandleAsync(new("car-loans", "车贷审批", FromSample: false), Ct);
        Assert.True(created.Succeeded, Codes(created));
        Assert.Equal("FlowKey.Taken", Codes(await owner.Get<CreateApprovalFlow>().HandleAsync(new("car-loans", "重复", false), Ct)));
        Assert.Equal("FlowKey.Invalid,Name.Required", Codes(await owner.Get<CreateApprovalFlow>().HandleAsync(new("车贷", "", false), Ct)));

        var design = (await owner.Get<GetApprovalFlow>().HandleAsync("car-loans", Ct))!;
        Assert.Equal((ApprovalFlowStatus.Draft, 1), (design.Editable.Status, design.Editable.Version));
        var d = design.Editable.Definition;
        var broken = d with
        {
            Nodes =
            [
                .. d.Nodes,
                ApprovalNode.Approve("named", "指定人", new ApproverSettings(ApproverKind.Users, [], [gone.UserId], ApprovalMode.All, 24, TimeoutAction.Remind)),
                ApprovalNode.Approve("cfo", "财务总监", ApproverSettings.ByRole("cfo", ApprovalMode.AnyOne, 0, TimeoutAction.Remind)),
                ApprovalNode.Condition("check", "金额判断"),
            ],
            Edges =
            [
                new("start", "check", null, false), new("review", "approved", null, false), new("review", "rejected", null, false) { OnRejected = true },
                new("check", "named", "大额", false) { Condition = Comparison.Of("AmountWan", ConditionOperator.GreaterThan, "100") },
                new("check", "cfo", "无条件", false),
                new("named", "review", null, false), new("named", "rejected", null, false) { OnRejected = true }, new("named", "approved", null, false) { OnRejected = true },
                new("cfo", "review", null, false), new("cfo", "rejected", null, false) { OnRejected = true },
            ],
        };
        var saved = await owner.Get<SaveApprovalFlowDraft>().HandleAsync(new("car-loans", design.Editable.Id, design.Editable.Revision, "车贷审批", broken), Ct);
        Assert.True(saved.Succeeded, Codes(saved));
        await using (var memberAdmin = await app.OwnerScopeAsync(agency))
        {
            var members = await memberAdmin.Get<SetMemberActive>().HandleAsync(gone.UserId, false, Ct);
            Assert.True(members.Succeeded, Codes(members));
        }

        var refused = await owner.Get<PublishApprovalFlow>().HandleAsync("car-loans", saved.Value!.Id, saved.Value.Revision, Ct);
        Assert.Equal(string.Join(",", PublishProblems.Order(StringComparer.Ordinal)), Codes(refused));
        Assert.Null((await owner.Get<ListApprovalFlows>().HandleAsync(Ct)).Single(f => f.FlowKey == "car-loans").Published);

        // Not published, the draft is the whole flow: discarding takes it away.
        Assert.True((await owner.Get<DiscardApprovalFlowDraft>().HandleAsync("car-loans", saved.Value.Id, saved.Value.Revision, Ct)).Succeeded);
        Assert.DoesNotContain(await owner.Get<ListApprovalFlows>().HandleAsync(Ct), f => f.FlowKey == "car-loans");
    }

    [Fact]
    public async Task Simulating_the_seeded_flow_takes_the_general_manager_branch_above_50_wan_with_approvers_by_name()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("fls"));
        var risk = await app.AddAsync(agency, AgencyRole.RiskReviewer);
        var finance = await app.AddAsync(agency, AgencyRole.Finance);
        await using var owner = await app.OwnerScopeAsync(agency);
        var v1 = (await DefaultFlowAsync(owner)).Published!.Id;
        var simulate = owner.Get<SimulateApprovalFlow>();

        var large = await simulate.HandleAsync(new(SampleApprovalFlow.FlowKey, v1, null, Amount(60)), Ct);
        Assert.True(large.Succeeded, Codes(large));
        Assert.Equal("提交进件,业务经理初审,风控复审,金额判断,总经理终审,财务放款确认,审批通过", string.Join(",", large.Value!.Select(s => s.Name)));
        Assert.True(large.Value!.Single(s => s.NodeId == "manager-review").ApplicantManager);
        Assert.Equal([risk.FullName], large.Value!.Single(s => s.NodeId == "risk-review").Approvers);
        Assert.Equal([agency.OwnerName], large.Value!.Single(s => s.NodeId == "final-review").Approvers);
        Assert.Equal([finance.FullName], large.Value!.Single(s => s.NodeId == "finance-check").Approvers);
        Assert.Equal("金额 > 50万", large.Value!.Single(s => s.NodeId == "final-review").Branch);

        var small = await simulate.HandleAsync(new(SampleApprovalFlow.FlowKey, v1, null, Amount(50)), Ct);
        Assert.Equal("提交进件,业务经理初审,风控复审,金额判断,财务放款确认,审批通过", string.Join(",", small.Value!.Select(s => s.Name)));
        Assert.Equal("其他", small.Value!.Single(s => s.NodeId == "finance-check").Branch);

        // The designer's unsaved flow is simulated as drawn, and refused while it has problems.
        var flow = SampleApprovalFlow.Create();
        var lowered = flow with { Edges = [.. flow.Edges.Select(e => e.Condition is null ? e : e with { Condition = Comparison.Of("AmountWan", ConditionOperator.GreaterThan, "10") })] };
        Assert.Contains("总经理终审", (await simulate.HandleAsync(new(SampleApprovalFlow.FlowKey, v1, lowered, Amount(20)), Ct)).Value!.Select(s => s.Name));
        var noDefault = flow with { Edges = [.. flow.Edges.Where(e => !e.IsDefault)] };
        Assert.Equal("Nodes.amount-check.ConditionNeedsOneDefault", Codes(await simulate.HandleAsync(new(SampleApprovalFlow.FlowKey, v1, noDefault, Amount(20)), Ct)));
        Assert.Equal("Custom.cf_nope.Invalid", Codes(await simulate.HandleAsync(
            new(SampleApprovalFlow.FlowKey, v1, null, Amount(20) with { Custom = new Dictionary<string, string> { ["cf_nope"] = "1" } }), Ct)));
    }

    [Fact]
    public async Task Another_agencys_admin_cannot_list_get_save_publish_discard_or_simulate_the_flows_and_sales_may_not_at_all()
    {
        var a = await app.ProvisionAgencyAsync(TestIds.Slug("flxa"));
        await using var ownerA = await app.OwnerScopeAsync(a);
        Assert.True((await ownerA.Get<CreateApprovalFlow>().HandleAsync(new("mortgage", "房贷审批", FromSample: true), Ct)).Succeeded);
        var flows = await ownerA.Get<ListApprovalFlows>().HandleAsync(Ct);
        var draft = flows.Single(f => f.FlowKey == "mortgage").Draft!;
        var published = flows.Single(f => f.FlowKey == SampleApprovalFlow.FlowKey).Published!;

        var b = await app.ProvisionAgencyAsync(TestIds.Slug("flxb"));
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.DoesNotContain(await ownerB.Get<ListApprovalFlows>().HandleAsync(Ct), f => f.FlowKey == "mortgage" || f.Versions.Any(v => v.Id == published.Id));
        Assert.Null(await ownerB.Get<GetApprovalFlow>().HandleAsync("mortgage", Ct));
        Assert.Null(await ownerB.Get<GetApprovalFlowVersion>().HandleAsync(draft.Id, Ct));
        Assert.Null(await ownerB.Get<GetApprovalFlowVersion>().HandleAsync(published.Id, Ct));
        Assert.Equal("Flow.NotFound", Codes(await ownerB.Get<SaveApprovalFlowDraft>().HandleAsync(new("mortgage", draft.Id, draft.Revision, "劫持", SampleApprovalFlow.Create()), Ct)));
        Assert.Equal("Flow.NotFound", Codes(await ownerB.Get<PublishApprovalFlow>().HandleAsync("mortgage", draft.Id, draft.Revision, Ct)));
        Assert.Equal("Flow.NotFound", Codes(await ownerB.Get<PublishApprovalFlow>().HandleAsync(SampleApprovalFlow.FlowKey, draft.Id, draft.Revision, Ct)));
        Assert.Equal("Flow.NotFound", Codes(await ownerB.Get<DiscardApprovalFlowDraft>().HandleAsync("mortgage", draft.Id, draft.Revision, Ct)));
        Assert.Equal("Flow.NotFound", Codes(await ownerB.Get<SimulateApprovalFlow>().HandleAsync(new("mortgage", draft.Id, null, Amount(60)), Ct)));
        Assert.Equal("Flow.NotFound", Codes(await ownerB.Get<SimulateApprovalFlow>().HandleAsync(new(SampleApprovalFlow.FlowKey, published.Id, null, Amount(60)), Ct)));
        // B's own default key does not reach A's rows either: B's save based on A's version id is a stale edit of B's flow.
        Assert.Equal(".ChangedByOthers", Codes(await ownerB.Get<SaveApprovalFlowDraft>().HandleAsync(
            new(SampleApprovalFlow.FlowKey, published.Id, published.Revision, "劫持", SampleApprovalFlow.Create()), Ct)));

        var sales = await app.AddAsync(a, AgencyRole.Sales);
        await using var salesA = await app.MemberScopeAsync(a.Info, sales.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => salesA.Get<ListApprovalFlows>().HandleAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => salesA.Get<PublishApprovalFlow>().HandleAsync("mortgage", draft.Id, draft.Revision, Ct));

        await using var db = app.OpenAgencyDb(a.Info);
        var stored = await db.ApprovalFlows.AsNoTracking().SingleAsync(f => f.Id == draft.Id);
        Assert.Equal((ApprovalFlowStatus.Draft, "房贷审批", draft.Revision), (stored.Status, stored.Name, stored.Revision));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApprovalFlowTests(SqliteAppHost app) : ApprovalFlowTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresApprovalFlowTests(PostgresAppHost app) : ApprovalFlowTests(app);
