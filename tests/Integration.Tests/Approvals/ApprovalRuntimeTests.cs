using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Approvals;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LoanSaaS.Integration.Tests.Approvals.ApprovalWorld;

namespace LoanSaaS.Integration.Tests.Approvals;

/// <summary>
/// 审批流运行: applications pass the sample flow on either branch, countersign waits for everyone, a return resumes the
/// same node, SLAs act once at a moved clock, a task is decided once however many clicks race, nobody approves their
/// own application, delegates decide on behalf, stuck tasks are reassigned, running applications keep their version,
/// and another agency reaches none of it.
/// </summary>
public abstract class ApprovalRuntimeTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<int> SlaPassAsync(Agency agency, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalSla>().HandleAsync(agency.Info, now, Ct);
    }

    [Theory]
    [InlineData(60, "业务经理初审,风控复审,总经理终审,财务放款确认")]
    [InlineData(30, "业务经理初审,风控复审,财务放款确认")]
    public async Task The_sample_flow_takes_its_amount_branch_to_approved_telling_the_owner(decimal amountWan, string approveSteps)
    {
        var w = await CreateAsync(app, "apv");
        var id = await w.NewApplicationAsync(amountWan);
        Assert.Null(await w.SubmitAsync(id));
        var submitted = await w.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.InApproval, "业务经理初审", w.Manager.UserId), (submitted.Status, submitted.CurrentStep, (await w.OpenTasksAsync(id)).Single().ApproverId));
        Assert.NotNull(submitted.ApprovalFlowVersionId);

        var steps = new List<string>();
        while ((await w.ApplicationAsync(id)).Status == ApplicationStatus.InApproval)
        {
            steps.Add((await w.ApplicationAsync(id)).CurrentStep!);
            await w.ApproveNextAsync(id);
        }

        Assert.Equal(approveSteps, string.Join(",", steps));
        var done = await w.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Approved, "审批通过"), (done.Status, done.CurrentStep));
        Assert.NotNull(done.DecidedAt);
        var history = await w.HistoryAsync(id);
        Assert.Equal(ApprovalAction.Submitted, history[0].Action);
        Assert.Equal(ApprovalAction.Finished, history[^1].Action);
        Assert.Equal(steps.Count, history.Count(h => h.Action == ApprovalAction.Approved));
        Assert.All(history, h => Assert.Equal((submitted.ApprovalFlowVersionId, 1), (h.FlowVersionId, h.FlowVersion)));

        await using var db = w.Db();
        Assert.Single(await db.Notifications.AsNoTracking().Where(n => n.UserId == w.Sales.UserId && n.Kind == NotificationKind.ApprovalApproved && n.Detail == id.ToString()).ToListAsync());
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == w.Manager.UserId && n.Kind == NotificationKind.ApprovalTask && n.Subject == submitted.Number));
        Assert.Contains("approval.finished", await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        Assert.True((await owner.Get<VerifyAuditChain>().HandleAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task Withdrawing_an_application_in_approval_cancels_its_open_tasks_and_empties_the_inbox()
    {
        var w = await CreateAsync(app, "apvwd");
        var id = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(id));
        Assert.Single(await w.OpenTasksAsync(id));
        var version = (await w.ApplicationAsync(id)).Version;

        await using (var sales = await w.As(w.Sales.UserId))
            Assert.True((await sales.Get<LoanSaaS.Infrastructure.Applications.WithdrawApplication>()
                .HandleAsync(new LoanSaaS.Infrastructure.Applications.WithdrawApplicationRequest(id, version, "客户改选其他产品"), Ct)).Succeeded);

        Assert.Equal(ApplicationStatus.Withdrawn, (await w.ApplicationAsync(id)).Status);
        Assert.Empty(await w.OpenTasksAsync(id));
        await using (var db = w.Db())
            Assert.Equal(ApprovalInstanceStatus.Cancelled, (await db.ApplicationApprovals.AsNoTracking().SingleAsync(a => a.ApplicationId == id)).Status);
        await using var manager = await w.As(w.Manager.UserId);
        Assert.Empty(await manager.Get<ListMyApprovals>().HandleAsync(ApprovalInboxTab.Pending, Ct));
    }

    [Fact]
    public async Task Countersign_waits_for_every_reviewer_and_the_inbox_shows_who_signed()
    {
        var w = await CreateAsync(app, "apvcs");
        await w.PublishAsync("cs", OneStep("风控会签", ApproverSettings.ByRole("risk", ApprovalMode.All, 24, TimeoutAction.Remind)));
        var id = await w.NewApplicationAsync(20, productId: await w.ProductWithFlowAsync("cs"));
        Assert.Null(await w.SubmitAsync(id));
        Assert.Equal(new[] { w.Risk1.UserId, w.Risk2.UserId }.Order(), (await w.OpenTasksAsync(id)).Select(t => t.ApproverId).Order());

        Assert.True((await w.DecideAsync(w.Risk1.UserId, (await w.OpenTaskOfAsync(id, w.Risk1.UserId)).Id)).Succeeded);
        Assert.Equal(ApplicationStatus.InApproval, (await w.ApplicationAsync(id)).Status);
        await using (var risk2 = await w.As(w.Risk2.UserId))
        {
            var item = Assert.Single(await risk2.Get<ListMyApprovals>().HandleAsync(ApprovalInboxTab.Pending, Ct));
            Assert.Equal((ApprovalMode.All, w.LeadName, "风控会签"), (item.Mode, item.CustomerName, item.StepName));
            Assert.Equal([(w.Risk2.FullName, ApprovalTaskStatus.Open), (w.Risk1.FullName, ApprovalTaskStatus.Approved)],
                item.Signers.Select(s => (s.Name, s.Status)).OrderBy(s => s.Status));
            Assert.Equal(1, await risk2.Get<CountMyApprovals>().HandleAsync(Ct));
        }

        Assert.True((await w.DecideAsync(w.Risk2.UserId, (await w.OpenTaskOfAsync(id, w.Risk2.UserId)).Id)).Succeeded);
        Assert.Equal(ApplicationStatus.Approved, (await w.ApplicationAsync(id)).Status);
        await using var risk1 = await w.As(w.Risk1.UserId);
        Assert.Empty(await risk1.Get<ListMyApprovals>().HandleAsync(ApprovalInboxTab.Pending, Ct));
        Assert.Equal(ApprovalTaskStatus.Approved, Assert.Single(await risk1.Get<ListMyApprovals>().HandleAsync(ApprovalInboxTab.Decided, Ct)).TaskStatus);
    }

    [Fact]
    public async Task A_return_for_documents_needs_a_comment_tells_the_owner_and_resubmission_resumes_the_same_node()
    {
        var w = await CreateAsync(app, "apvret");
        var id = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(id));
        await w.ApproveNextAsync(id);
        var risk = await w.OpenTaskOfAsync(id, w.Risk1.UserId);
        Assert.Equal("Comment.Required", Codes(await w.DecideAsync(w.Risk1.UserId, risk.Id, ApprovalDecisionKind.Return, "  ")));
        Assert.Equal("Comment.Required", Codes(await w.DecideAsync(w.Risk1.UserId, risk.Id, ApprovalDecisionKind.Reject)));
        Assert.True((await w.DecideAsync(w.Risk1.UserId, risk.Id, ApprovalDecisionKind.Return, "请补充近6个月银行流水")).Succeeded);

        var returned = await w.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Returned, "风控复审"), (returned.Status, returned.CurrentStep));
        Assert.Empty(await w.OpenTasksAsync(id));
        await using (var db = w.Db())
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == w.Sales.UserId && n.Kind == NotificationKind.ApprovalReturned));

        Assert.Null(await w.SubmitAsync(id, resubmission: true));
        Assert.Equal("Approval.NotReturned", await w.SubmitAsync(id, resubmission: true));
        var reopened = await w.OpenTasksAsync(id);
        Assert.Equal(["risk-review", "risk-review"], reopened.Select(t => t.NodeId));
        Assert.All(reopened, t => Assert.Equal(risk.Round + 1, t.Round));
        Assert.Equal(ApplicationStatus.InApproval, (await w.ApplicationAsync(id)).Status);
        var history = await w.HistoryAsync(id);
        var back = history.Single(h => h.Action == ApprovalAction.Returned);
        Assert.Equal(("请补充近6个月银行流水", w.Risk1.FullName), (back.Comment, back.ActorName));
        Assert.Equal(ApprovalAction.Resubmitted, history[^1].Action);
    }

    [Fact]
    public async Task Slas_act_once_at_a_moved_clock_reminding_escalating_and_auto_rejecting()
    {
        var w = await CreateAsync(app, "apvsla");
        var remind = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(remind));
        await w.PublishAsync("fast", OneStep("限时审批", ApproverSettings.ByRole("risk", ApprovalMode.AnyOne, 4, TimeoutAction.AutoReject)));
        var reject = await w.NewApplicationAsync(30, productId: await w.ProductWithFlowAsync("fast"));
        Assert.Null(await w.SubmitAsync(reject));
        var t0 = (await w.OpenTasksAsync(reject))[0].CreatedAt;

        Assert.Equal(0, await SlaPassAsync(w.Agency, t0.AddHours(3)));
        Assert.Equal(1, await SlaPassAsync(w.Agency, t0.AddHours(5)));
        Assert.Equal(0, await SlaPassAsync(w.Agency, t0.AddHours(6)));
        var rejected = await w.ApplicationAsync(reject);
        Assert.Equal((ApplicationStatus.Rejected, "审批拒绝"), (rejected.Status, rejected.CurrentStep));
        var auto = (await w.HistoryAsync(reject)).Single(h => h.Action == ApprovalAction.AutoRejected);
        Assert.Null(auto.ActorId);

        // The manager review (24 h, remind) reminds once; the risk review (24 h) escalates to the managers once.
        Assert.Equal(1, await SlaPassAsync(w.Agency, t0.AddHours(25)));
        Assert.Equal(0, await SlaPassAsync(w.Agency, t0.AddHours(26)));
        await using (var db = w.Db())
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == w.Manager.UserId && n.Kind == NotificationKind.ApprovalReminder));
        await w.ApproveNextAsync(remind);
        Assert.Equal(1, await SlaPassAsync(w.Agency, DateTimeOffset.UtcNow.AddHours(25)));
        var escalated = await w.OpenTasksAsync(remind);
        Assert.Equal(new[] { w.Risk1.UserId, w.Risk2.UserId, w.Manager.UserId, w.OtherManager.UserId }.Order(), escalated.Select(t => t.ApproverId).Order());
        Assert.Equal(2, escalated.Count(t => t.IsEscalation));
        Assert.True((await w.DecideAsync(w.OtherManager.UserId, escalated.Single(t => t.ApproverId == w.OtherManager.UserId).Id)).Succeeded);
        Assert.Equal("财务放款确认", (await w.ApplicationAsync(remind)).CurrentStep);
    }

    [Fact]
    public async Task A_task_clicked_many_times_at_once_is_decided_once()
    {
        var w = await CreateAsync(app, "apvdbl");
        var id = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(id));
        var task = (await w.OpenTasksAsync(id)).Single();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => w.DecideAsync(w.Manager.UserId, task.Id))));
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Task.Closed", Codes(r)));
        var history = await w.HistoryAsync(id);
        Assert.Single(history, h => h.Action == ApprovalAction.Approved);
        Assert.Equal(["risk-review", "risk-review"], (await w.OpenTasksAsync(id)).Select(t => t.NodeId));
        Assert.Equal("Task.Closed", Codes(await w.DecideAsync(w.Manager.UserId, task.Id, ApprovalDecisionKind.Reject, "改主意")));
    }

    [Fact]
    public async Task Nobody_approves_their_own_application_not_even_as_a_delegate()
    {
        var w = await CreateAsync(app, "apvself");
        // The team's manager applies: the manager review goes to the agency's owner instead.
        var id = await w.NewApplicationAsync(30, ownerId: w.Manager.UserId);
        Assert.Null(await w.SubmitAsync(id, byUserId: w.Manager.UserId));
        var task = (await w.OpenTasksAsync(id)).Single();
        Assert.Equal(w.Agency.OwnerUserId, task.ApproverId);
        Assert.Equal("Task.NotFound", Codes(await w.DecideAsync(w.Manager.UserId, task.Id)));

        await using (var owner = await app.OwnerScopeAsync(w.Agency))
        {
            var today = LoanSaaS.Domain.Time.Shanghai.DateOf(DateTimeOffset.UtcNow);
            Assert.True((await owner.Get<SetApprovalDelegation>().HandleAsync(new SetApprovalDelegationRequest(w.Manager.UserId, today, today.AddDays(1), "出差"), Ct)).Succeeded);
        }
        Assert.Equal("Task.SelfApproval", Codes(await w.DecideAsync(w.Manager.UserId, task.Id)));
        Assert.Equal(ApprovalTaskStatus.Open, (await w.OpenTasksAsync(id)).Single().Status);
    }

    [Fact]
    public async Task A_delegate_sees_and_decides_the_delegators_tasks_and_the_history_says_so()
    {
        var w = await CreateAsync(app, "apvdel");
        var id = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(id));
        var today = LoanSaaS.Domain.Time.Shanghai.DateOf(DateTimeOffset.UtcNow);
        await using (var manager = await w.As(w.Manager.UserId))
        {
            var set = manager.Get<SetApprovalDelegation>();
            Assert.Equal("ToUserId.Self", Codes(await set.HandleAsync(new SetApprovalDelegationRequest(w.Manager.UserId, today, today), Ct)));
            Assert.Equal("EndsOn.BeforeStart", Codes(await set.HandleAsync(new SetApprovalDelegationRequest(w.OtherManager.UserId, today, today.AddDays(-1)), Ct)));
            Assert.Equal("ToUserId.Required,StartsOn.Required,EndsOn.Required", Codes(await set.HandleAsync(new SetApprovalDelegationRequest(null, null, null), Ct)));
            Assert.True((await set.HandleAsync(new SetApprovalDelegationRequest(w.OtherManager.UserId, today, today.AddDays(3), "休假"), Ct)).Succeeded);
            var mine = Assert.Single((await manager.Get<ListApprovalDelegations>().HandleAsync(Ct)).Rows);
            Assert.Equal((true, w.OtherManager.FullName, true), (mine.IsMine, mine.OtherName, mine.IsActiveToday));
        }

        await using (var other = await w.As(w.OtherManager.UserId))
        {
            var item = Assert.Single(await other.Get<ListMyApprovals>().HandleAsync(ApprovalInboxTab.Pending, Ct));
            Assert.Equal(w.Manager.FullName, item.OnBehalfOfName);
            Assert.True((await other.Get<DecideApprovalTask>().HandleAsync(new DecideApprovalTaskRequest(item.TaskId!.Value, ApprovalDecisionKind.Approve, "代为同意"), Ct)).Succeeded);
        }

        var approved = (await w.HistoryAsync(id)).Single(h => h.Action == ApprovalAction.Approved);
        Assert.Equal((w.OtherManager.FullName, w.Manager.FullName, "代为同意"), (approved.ActorName, approved.OnBehalfOfName, approved.Comment));

        // Cleared: the delegate no longer sees the manager's tasks.
        var next = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(next));
        await using (var manager = await w.As(w.Manager.UserId))
        {
            var row = (await manager.Get<ListApprovalDelegations>().HandleAsync(Ct)).Rows.Single();
            Assert.True((await manager.Get<ClearApprovalDelegation>().HandleAsync(row.Id, row.Version, Ct)).Succeeded);
        }
        await using var after = await w.As(w.OtherManager.UserId);
        Assert.Empty(await after.Get<ListMyApprovals>().HandleAsync(ApprovalInboxTab.Pending, Ct));
        Assert.Equal("Task.NotFound", Codes(await w.DecideAsync(w.OtherManager.UserId, (await w.OpenTasksAsync(next)).Single().Id)));
    }

    [Fact]
    public async Task A_deactivated_approvers_task_is_listed_as_stuck_and_reassigned_by_an_admin()
    {
        var w = await CreateAsync(app, "apvre");
        var id = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(id));
        var task = (await w.OpenTasksAsync(id)).Single();
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        Assert.Empty((await owner.Get<ListStuckApprovalTasks>().HandleAsync(Ct)).Tasks);
        Assert.True((await owner.Get<SetMemberActive>().HandleAsync(w.Manager.UserId, false, Ct)).Succeeded);

        var stuck = Assert.Single((await owner.Get<ListStuckApprovalTasks>().HandleAsync(Ct)).Tasks);
        Assert.Equal((task.Id, w.Manager.FullName, w.LeadName), (stuck.TaskId, stuck.ApproverName, stuck.CustomerName));
        await using (var sales = await w.As(w.Sales.UserId))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ListStuckApprovalTasks>().HandleAsync(Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ReassignApprovalTask>().HandleAsync(task.Id, w.Risk1.UserId, Ct));
        }
        var reassign = owner.Get<ReassignApprovalTask>();
        Assert.Equal("Task.SelfApproval", Codes(await reassign.HandleAsync(task.Id, w.Sales.UserId, Ct)));
        Assert.Equal("Reassign.NotMember", Codes(await reassign.HandleAsync(task.Id, w.Manager.UserId, Ct)));
        Assert.True((await reassign.HandleAsync(task.Id, w.OtherManager.UserId, Ct)).Succeeded);
        Assert.Equal("Task.Closed", Codes(await reassign.HandleAsync(task.Id, w.Risk1.UserId, Ct)));

        Assert.Empty((await owner.Get<ListStuckApprovalTasks>().HandleAsync(Ct)).Tasks);
        var moved = (await w.HistoryAsync(id)).Single(h => h.Action == ApprovalAction.Reassigned);
        Assert.Equal((w.Agency.OwnerName, w.Manager.FullName, w.OtherManager.FullName), (moved.ActorName, moved.OnBehalfOfName, moved.Detail));
        Assert.True((await w.DecideAsync(w.OtherManager.UserId, (await w.OpenTasksAsync(id)).Single().Id)).Succeeded);
        Assert.Equal("风控复审", (await w.ApplicationAsync(id)).CurrentStep);
    }

    [Fact]
    public async Task A_running_application_keeps_its_flow_version_when_a_new_one_is_published()
    {
        var w = await CreateAsync(app, "apvver");
        var first = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(first));
        var v1 = (await w.ApplicationAsync(first)).ApprovalFlowVersionId;
        var v2 = await w.PublishAsync("default", OneStep("总经理直批", ApproverSettings.ByRole("owner", ApprovalMode.AnyOne, null, TimeoutAction.Remind)));

        await w.ApproveNextAsync(first);
        Assert.Equal(("风控复审", v1), ((await w.ApplicationAsync(first)).CurrentStep, (await w.ApplicationAsync(first)).ApprovalFlowVersionId));
        var second = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(second));
        Assert.Equal(("总经理直批", (Guid?)v2), ((await w.ApplicationAsync(second)).CurrentStep, (await w.ApplicationAsync(second)).ApprovalFlowVersionId));
        Assert.All(await w.HistoryAsync(first), h => Assert.Equal(1, h.FlowVersion));

        // A product naming a flow key nobody published cannot be submitted.
        var orphan = await w.NewApplicationAsync(30, productId: await w.ProductWithFlowAsync("nothing"));
        Assert.Equal("Approval.NoPublishedFlow", await w.SubmitAsync(orphan));
        Assert.Equal(ApplicationStatus.Draft, (await w.ApplicationAsync(orphan)).Status);
    }

    [Fact]
    public async Task Another_agencys_members_cannot_list_see_decide_or_reassign_these_tasks_and_its_sla_pass_never_touches_them()
    {
        var w = await CreateAsync(app, "apvx");
        var id = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(id));
        var task = (await w.OpenTasksAsync(id)).Single();

        var b = await app.ProvisionAgencyAsync(TestIds.Slug("apvxb"));
        await using (var ownerB = await app.OwnerScopeAsync(b))
        {
            Assert.Empty(await ownerB.Get<ListMyApprovals>().HandleAsync(ApprovalInboxTab.Pending, Ct));
            Assert.Empty((await ownerB.Get<ListStuckApprovalTasks>().HandleAsync(Ct)).Tasks);
            Assert.Null(await ownerB.Get<GetApprovalProgress>().HandleAsync(id, Ct));
            Assert.Equal("Task.NotFound", Codes(await ownerB.Get<DecideApprovalTask>().HandleAsync(new DecideApprovalTaskRequest(task.Id, ApprovalDecisionKind.Approve, null), Ct)));
            Assert.Equal("Task.NotFound", Codes(await ownerB.Get<ReassignApprovalTask>().HandleAsync(task.Id, b.OwnerUserId, Ct)));
        }
        Assert.Equal(0, await SlaPassAsync(b, DateTimeOffset.UtcNow.AddDays(30)));
        await using (var db = w.Db())
            Assert.False((await db.ApplicationApprovals.AsNoTracking().SingleAsync(a => a.ApplicationId == id)).SlaHandled);
        Assert.Equal(ApprovalTaskStatus.Open, (await w.OpenTasksAsync(id)).Single().Status);

        // Inside agency A: the owner's progress view, and the sales member sees their own application but decides nothing.
        await using var sales = await w.As(w.Sales.UserId);
        var progress = await sales.Get<GetApprovalProgress>().HandleAsync(id, Ct);
        Assert.Equal(("业务经理初审", "业务经理初审"), (progress!.CurrentStep, progress.Path.Single(p => p.State == ApprovalStepState.Current).Name));
        Assert.False(Assert.Single(progress.CurrentTasks).CanDecide);
        Assert.Equal("Task.NotFound", Codes(await sales.Get<DecideApprovalTask>().HandleAsync(new DecideApprovalTaskRequest(task.Id, ApprovalDecisionKind.Approve, null), Ct)));
    }

    [Fact]
    public async Task The_sla_sweep_handles_an_overdue_task_once_across_a_restart()
    {
        var w = await CreateAsync(app, "apvrs");
        var id = await w.NewApplicationAsync(30);
        Assert.Null(await w.SubmitAsync(id));
        await using (var db = w.Db())
            await db.ApplicationApprovals.Where(a => a.ApplicationId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueAt, DateTimeOffset.UtcNow.AddHours(-1)));
        var name = "it-" + TestIds.Hex8();
        List<KeyValuePair<string, string?>> settings =
        [
            new("Scheduler:Name", name), new("Scheduler:IdleWaitTime", "00:00:01"), new("Scheduler:MisfireThreshold", "00:00:01"),
            new("Approvals:Sla:Interval", "00:00:01"),
        ];

        async Task<int> RemindersAsync()
        {
            await using var db = w.Db();
            return await db.Notifications.CountAsync(n => n.UserId == w.Manager.UserId && n.Kind == NotificationKind.ApprovalReminder);
        }

        await using (app.StartAnotherNode(settings, null))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (await RemindersAsync() == 0)
            {
                timeout.Token.ThrowIfCancellationRequested();
                await Task.Delay(200, CancellationToken.None);
            }
        }

        // "Restarted": a new node on the same scheduler sweeps again, and finds nothing left to do.
        await using (app.StartAnotherNode(settings, null))
            await Task.Delay(TimeSpan.FromSeconds(4), CancellationToken.None);
        Assert.Equal(1, await RemindersAsync());
        Assert.Single(await w.HistoryAsync(id), h => h.Action == ApprovalAction.Reminded);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApprovalRuntimeTests(SqliteAppHost app) : ApprovalRuntimeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresApprovalRuntimeTests(PostgresAppHost app) : ApprovalRuntimeTests(app);
