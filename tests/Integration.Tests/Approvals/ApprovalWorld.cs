using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Approvals;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Approvals;

/// <summary>
/// An agency with a sales team (销售 and its 经理), two risk reviewers, finance and a second manager, and a customer
/// of the sales member. Applications are written directly and submitted the way <c>SubmitApplication</c> does: the
/// hooks inside one save, then announced.
/// </summary>
public sealed class ApprovalWorld
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private ApprovalWorld(AppHost app, Agency agency) => (App, Agency) = (app, agency);

    public AppHost App { get; }
    public Agency Agency { get; }
    public Guid TeamId { get; private set; }
    public Member Sales { get; private set; } = default!;
    public Member Manager { get; private set; } = default!;
    public Member OtherManager { get; private set; } = default!;
    public Member Risk1 { get; private set; } = default!;
    public Member Risk2 { get; private set; } = default!;
    public Member Finance { get; private set; } = default!;
    public Guid LeadId { get; private set; }
    public string LeadName { get; private set; } = "";
    public Guid ProductId { get; private set; }

    public static async Task<ApprovalWorld> CreateAsync(AppHost app, string prefix)
    {
        var w = new ApprovalWorld(app, await app.ProvisionAgencyAsync(TestIds.Slug(prefix)));
        await using (var owner = await app.OwnerScopeAsync(w.Agency))
        {
            var team = await owner.Get<ManageTeams>().SaveAsync(new SaveTeamRequest(null, "审批一组" + TestIds.Hex8(), null), Ct);
            Assert.True(team.Succeeded);
            w.TeamId = team.Value;
        }
        w.Sales = await w.AddAsync(AgencyRole.Sales, w.TeamId);
        w.Manager = await w.AddAsync(AgencyRole.Manager, w.TeamId);
        w.OtherManager = await w.AddAsync(AgencyRole.Manager, null);
        w.Risk1 = await w.AddAsync(AgencyRole.RiskReviewer, null);
        w.Risk2 = await w.AddAsync(AgencyRole.RiskReviewer, null);
        w.Finance = await w.AddAsync(AgencyRole.Finance, null);
        var lead = await app.LeadOwnedByAsync(w.Agency, w.Sales.UserId);
        (w.LeadId, w.LeadName) = (lead.Id, lead.Name);
        await using var db = w.Db();
        w.ProductId = await db.LoanProducts.OrderBy(p => p.Code).Select(p => p.Id).FirstAsync();
        return w;
    }

    private async Task<Member> AddAsync(AgencyRole role, Guid? team)
    {
        var name = $"成员{TestIds.Hex8()}";
        var (mobile, email) = (TestIds.Mobile(), TestIds.Email(role.ToString().ToLowerInvariant()));
        await using var owner = await App.OwnerScopeAsync(Agency);
        var added = await owner.Get<AddMember>().HandleAsync(new AddMemberRequest(name, mobile, email, role, team, TestIds.Password), Ct);
        Assert.True(added.Succeeded, string.Join(",", added.Errors));
        return new Member(added.Value!.UserId, name, mobile, email, role, TestIds.Password, null);
    }

    public AgencyDbContext Db() => App.OpenAgencyDb(Agency.Info);

    public Task<MemberScope> As(string userId) => App.MemberScopeAsync(Agency.Info, userId);

    public async Task<Guid> NewApplicationAsync(decimal amountWan, string? ownerId = null, Guid? productId = null)
    {
        await using var db = Db();
        var owner = ownerId ?? Sales.UserId;
        var application = new LoanApplication
        {
            Number = "JJ" + TestIds.Hex8(), LeadId = LeadId, ProductId = productId ?? ProductId, AmountWan = amountWan, TermMonths = 36,
            RepaymentMethod = RepaymentMethod.EqualInstallment, OwnerId = owner, TeamId = await db.Users.Where(u => u.Id == owner).Select(u => u.TeamId).FirstAsync(),
            CreatedById = owner, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Version = 1,
        };
        db.LoanApplications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// <summary>Submits as SubmitApplication does; a refusal comes back as "Field.Code".</summary>
    public async Task<string?> SubmitAsync(Guid applicationId, bool resubmission = false, string? byUserId = null)
    {
        var by = byUserId ?? Sales.UserId;
        await using var scope = await As(by);
        var hooks = scope.Services.GetServices<IApplicationSubmissionHook>().ToList();
        await using var db = scope.Get<ITenantDbContextFactory>().Create();
        var application = await db.LoanApplications.SingleAsync(a => a.Id == applicationId);
        var now = DateTimeOffset.UtcNow;
        (application.SubmittedAt, application.SubmittedById) = (now, by);
        try
        {
            foreach (var hook in hooks) await hook.OnSubmittingAsync(db, application, resubmission, by, now, Ct);
        }
        catch (SubmissionRefusedException e)
        {
            return $"{e.Error.Field}.{e.Error.Code}";
        }
        await db.SaveChangesAsync();
        foreach (var hook in hooks) await hook.OnCommittedAsync(application, Ct);
        return null;
    }

    public async Task<LoanApplication> ApplicationAsync(Guid id)
    {
        await using var db = Db();
        return await db.LoanApplications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<List<ApprovalTask>> OpenTasksAsync(Guid applicationId)
    {
        await using var db = Db();
        return await db.ApprovalTasks.AsNoTracking().Where(t => t.ApplicationId == applicationId && t.Status == ApprovalTaskStatus.Open).OrderBy(t => t.CreatedAt).ToListAsync();
    }

    public async Task<ApprovalTask> OpenTaskOfAsync(Guid applicationId, string approverId) =>
        (await OpenTasksAsync(applicationId)).Single(t => t.ApproverId == approverId);

    public async Task<Result> DecideAsync(string userId, Guid taskId, ApprovalDecisionKind decision = ApprovalDecisionKind.Approve, string? comment = null)
    {
        await using var scope = await As(userId);
        return await scope.Get<DecideApprovalTask>().HandleAsync(new DecideApprovalTaskRequest(taskId, decision, comment), Ct);
    }

    /// <summary>Approves the application's first open task as its approver.</summary>
    public async Task ApproveNextAsync(Guid applicationId)
    {
        var task = (await OpenTasksAsync(applicationId)).First();
        var decided = await DecideAsync(task.ApproverId, task.Id);
        Assert.True(decided.Succeeded, Codes(decided));
    }

    public async Task<List<ApprovalDecision>> HistoryAsync(Guid applicationId)
    {
        await using var db = Db();
        return await db.ApprovalDecisions.AsNoTracking().Where(d => d.ApplicationId == applicationId).OrderBy(d => d.Id).ToListAsync();
    }

    /// <summary>Adds a published version of <paramref name="key"/> (retiring the published ones) and returns its id.</summary>
    public async Task<Guid> PublishAsync(string key, ApprovalFlowDefinition definition)
    {
        await using var db = Db();
        await db.ApprovalFlows.Where(f => f.FlowKey == key && f.Status == ApprovalFlowStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, ApprovalFlowStatus.Retired));
        var version = (await db.ApprovalFlows.Where(f => f.FlowKey == key).Select(f => (int?)f.Version).MaxAsync() ?? 0) + 1;
        var flow = new ApprovalFlowVersion
        {
            FlowKey = key, Name = definition.Name, Version = version, Status = ApprovalFlowStatus.Published, Definition = definition with { Version = version },
            CreatedAt = DateTimeOffset.UtcNow, PublishedAt = DateTimeOffset.UtcNow,
        };
        db.ApprovalFlows.Add(flow);
        await db.SaveChangesAsync();
        return flow.Id;
    }

    /// <summary>A product (copy of the first sample) whose applications run the flow <paramref name="flowKey"/>.</summary>
    public async Task<Guid> ProductWithFlowAsync(string flowKey)
    {
        await using var db = Db();
        var product = LoanProduct.From(SampleProducts.All[0]);
        (product.Code, product.Name, product.ApprovalFlowKey) = ("P" + TestIds.Hex8(), "流程" + flowKey, flowKey);
        db.LoanProducts.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    /// <summary>Start → one approve node → 通过 / 拒绝.</summary>
    public static ApprovalFlowDefinition OneStep(string name, ApproverSettings settings) => new(name, 1,
        [
            ApprovalNode.Start("start", "提交进件"), ApprovalNode.Approve("review", name, settings),
            ApprovalNode.End("ok", "审批通过", ApprovalOutcome.Approved), ApprovalNode.End("no", "审批拒绝", ApprovalOutcome.Rejected),
        ],
        [new("start", "review", null, false), new("review", "ok", null, false), new("review", "no", null, false) { OnRejected = true }]);

    public static string Codes(Result result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));
}
