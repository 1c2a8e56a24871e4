using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;

namespace LoanSaaS.Domain.Tests.Approvals;

public class ApprovalEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid TeamA = Guid.NewGuid();
    private static readonly Guid TeamB = Guid.NewGuid();
    private static readonly Guid V1 = Guid.NewGuid();

    private static readonly ApprovalMember[] Members =
    [
        new("sales", "sales", TeamA),
        new("mgr", "manager", TeamA),
        new("mgr-b", "manager", TeamB),
        new("risk1", "risk", null),
        new("risk2", "risk", null),
        new("boss", "owner", null),
        new("fin", "finance", null),
    ];

    private static ApprovalContext Context(decimal amount = 30, string owner = "sales", DateTimeOffset? now = null, IReadOnlyList<ApprovalMember>? members = null) =>
        new(now ?? Now, new ApplicationFacts { AmountWan = amount }, owner, (members ?? Members).FirstOrDefault(m => m.UserId == owner)?.TeamId ?? TeamA, members ?? Members);

    private sealed class Flow(ApprovalFlowDefinition definition)
    {
        public ApprovalPath Path { get; } = new(definition, ApplicationConditions.Schema);

        public ApprovalStep Apply(ApprovalInstance? instance, ApprovalEvent e, ApprovalContext context) =>
            ApprovalEngine.Apply(definition, Path, instance, e, context);

        public ApprovalInstance Ok(ApprovalInstance? instance, ApprovalEvent e, ApprovalContext context)
        {
            var step = Apply(instance, e, context);
            Assert.True(step.Succeeded, step.Error?.ToString());
            return step.Instance!;
        }
    }

    private static readonly Flow Sample = new(SampleApprovalFlow.Create());

    private static ApprovalTaskState TaskOf(ApprovalInstance instance, string approver) => instance.Tasks.Single(t => t.ApproverId == approver && t.Status == ApprovalTaskStatus.Open);

    private static ApprovalDecided Approve(ApprovalInstance instance, string approver) => new(TaskOf(instance, approver).Id, approver, ApprovalDecisionKind.Approve, null);

    private static string Approvers(ApprovalInstance i) => string.Join(",", i.OpenTasks.Select(t => t.ApproverId).Order());

    private static ApprovalFlowDefinition OneStep(ApproverSettings settings, params ApprovalNode[] extra) => new("单步", 1,
        [
            ApprovalNode.Start("start", "提交"), ApprovalNode.Approve("review", "审核", settings), .. extra,
            ApprovalNode.End("ok", "通过", ApprovalOutcome.Approved), ApprovalNode.End("no", "拒绝", ApprovalOutcome.Rejected),
        ],
        [
            new("start", extra.Length > 0 ? extra[0].Id : "review", null, false),
            .. extra.Length > 0 ? new ApprovalEdge[] { new(extra[0].Id, "review", null, false) } : [],
            new("review", "ok", null, false), new("review", "no", null, false) { OnRejected = true },
        ]);

    [Theory]
    [InlineData(60, "mgr|risk1,risk2|boss|fin")]
    [InlineData(30, "mgr|risk1,risk2|fin")]
    public void The_sample_flow_walks_its_branch_to_approved_keeping_its_version(decimal amount, string steps)
    {
        var context = Context(amount);
        var instance = Sample.Ok(null, new ApprovalSubmitted(V1, 1), context);
        var seen = new List<string>();
        while (instance.Status == ApprovalInstanceStatus.Running)
        {
            seen.Add(Approvers(instance));
            Assert.Equal((V1, 1), (instance.FlowVersionId, instance.FlowVersion));
            instance = Sample.Ok(instance, Approve(instance, instance.OpenTasks.First().ApproverId), context);
        }

        Assert.Equal(steps, string.Join("|", seen));
        Assert.Equal((ApprovalInstanceStatus.Approved, "approved", V1), (instance.Status, instance.NodeId, instance.FlowVersionId));
    }

    [Fact]
    public void Or_sign_takes_the_first_decision_and_cancels_the_others_tasks()
    {
        var context = Context();
        var start = Sample.Ok(null, new ApprovalSubmitted(V1, 1), context);
        var atRisk = Sample.Ok(start, Approve(start, "mgr"), context);
        var risk2Task = TaskOf(atRisk, "risk2");

        var step = Sample.Apply(atRisk, Approve(atRisk, "risk1"), context);
        var closed = Assert.Single(step.Effects.OfType<TasksClosed>()).Tasks;
        Assert.Equal([ApprovalTaskStatus.Approved, ApprovalTaskStatus.Cancelled], closed.Select(t => t.Status));
        Assert.Equal("finance-check", step.Instance!.NodeId);
        Assert.Equal("财务放款确认", step.Effects.OfType<StepChanged>().Single().StepName);

        var late = Sample.Apply(step.Instance, new ApprovalDecided(risk2Task.Id, "risk2", ApprovalDecisionKind.Approve, null), context);
        Assert.Equal((ApprovalError.TaskClosed, 0), (late.Error, late.Effects.Count));
    }

    [Fact]
    public void Countersign_waits_for_every_approver_and_one_rejection_rejects()
    {
        var flow = new Flow(OneStep(ApproverSettings.ByRole("risk", ApprovalMode.All, null, TimeoutAction.Remind)));
        var context = Context();
        var started = flow.Ok(null, new ApprovalSubmitted(V1, 1), context);
        Assert.Equal("risk1,risk2", Approvers(started));

        var one = flow.Apply(started, Approve(started, "risk1"), context);
        Assert.Equal(("review", "risk2"), (one.Instance!.NodeId, Approvers(one.Instance)));
        Assert.Empty(one.Effects.OfType<StepChanged>());
        Assert.Equal(ApprovalInstanceStatus.Approved, flow.Ok(one.Instance, Approve(one.Instance, "risk2"), context).Status);

        var rejected = flow.Apply(one.Instance, new ApprovalDecided(TaskOf(one.Instance, "risk2").Id, "risk2", ApprovalDecisionKind.Reject, "负债过高"), context);
        Assert.Equal(ApprovalInstanceStatus.Rejected, rejected.Instance!.Status);
        Assert.Equal(ApprovalOutcome.Rejected, rejected.Effects.OfType<ApprovalFinished>().Single().Outcome);
        Assert.Equal("负债过高", rejected.Effects.OfType<HistoryRecorded>().First().Record.Comment);
    }

    [Fact]
    public void A_rejection_follows_the_nodes_rejection_edge()
    {
        var context = Context();
        var start = Sample.Ok(null, new ApprovalSubmitted(V1, 1), context);
        var step = Sample.Apply(start, new ApprovalDecided(TaskOf(start, "mgr").Id, "mgr", ApprovalDecisionKind.Reject, "资料不实"), context);
        Assert.Equal((ApprovalInstanceStatus.Rejected, "rejected"), (step.Instance!.Status, step.Instance.NodeId));
        Assert.Equal([ApprovalAction.Rejected, ApprovalAction.Finished], step.Effects.OfType<HistoryRecorded>().Select(h => h.Record.Action));
    }

    [Fact]
    public void A_notify_node_copies_its_roles_and_passes_on()
    {
        var cc = ApprovalNode.Notify("cc", "抄送财务", "finance");
        var flow = new Flow(OneStep(ApproverSettings.ByRole("risk", ApprovalMode.AnyOne, null, TimeoutAction.Remind), cc));
        var step = flow.Apply(null, new ApprovalSubmitted(V1, 1), Context());
        var copy = Assert.Single(step.Effects.OfType<CcNotified>());
        Assert.Equal(("cc", "finance"), (copy.NodeId, Assert.Single(copy.RoleKeys)));
        Assert.Equal("review", step.Instance!.NodeId);
    }

    [Fact]
    public void A_return_pauses_at_the_node_and_resubmission_reopens_the_same_node_one_round_later()
    {
        var context = Context();
        var start = Sample.Ok(null, new ApprovalSubmitted(V1, 1), context);
        var atRisk = Sample.Ok(start, Approve(start, "mgr"), context);
        Assert.Equal(ApprovalError.CommentRequired, Sample.Apply(atRisk, new ApprovalDecided(TaskOf(atRisk, "risk1").Id, "risk1", ApprovalDecisionKind.Return, " "), context).Error);

        var returned = Sample.Apply(atRisk, new ApprovalDecided(TaskOf(atRisk, "risk1").Id, "risk1", ApprovalDecisionKind.Return, "补充银行流水"), context);
        Assert.Equal((ApprovalInstanceStatus.Returned, "risk-review"), (returned.Instance!.Status, returned.Instance.NodeId));
        Assert.Equal("补充银行流水", Assert.Single(returned.Effects.OfType<ReturnedToOwner>()).Comment);
        Assert.Empty(returned.Instance.OpenTasks);
        Assert.Equal(ApprovalError.TaskClosed, Sample.Apply(returned.Instance, new ApprovalDecided(TaskOf(atRisk, "risk2").Id, "risk2", ApprovalDecisionKind.Approve, null), context).Error);

        var resumed = Sample.Ok(returned.Instance, new ApprovalResubmitted(), context);
        Assert.Equal(("risk-review", atRisk.Round + 1, "risk1,risk2"), (resumed.NodeId, resumed.Round, Approvers(resumed)));
        Assert.Equal(ApprovalError.NotReturned, Sample.Apply(resumed, new ApprovalResubmitted(), context).Error);
    }

    [Fact]
    public void An_sla_reminds_once_per_round_and_a_stale_one_does_nothing()
    {
        var context = Context();
        var start = Sample.Ok(null, new ApprovalSubmitted(V1, 1), context);
        Assert.Equal(Now.AddHours(24), start.DueAt);
        var later = Context(now: Now.AddHours(25));
        var reminded = Sample.Apply(start, new ApprovalSlaPassed("manager-review", start.Round), later);
        Assert.Equal("mgr", Assert.Single(Assert.Single(reminded.Effects.OfType<ApproversReminded>()).ApproverIds));
        Assert.Equal(ApprovalError.SlaStale, Sample.Apply(reminded.Instance, new ApprovalSlaPassed("manager-review", start.Round), later).Error);

        var atRisk = Sample.Ok(reminded.Instance, Approve(reminded.Instance!, "mgr"), later);
        Assert.Equal(ApprovalError.SlaStale, Sample.Apply(atRisk, new ApprovalSlaPassed("manager-review", start.Round), later).Error);
    }

    [Fact]
    public void An_escalation_adds_the_roles_members_whose_decision_settles_the_node()
    {
        var context = Context();
        var start = Sample.Ok(null, new ApprovalSubmitted(V1, 1), context);
        var atRisk = Sample.Ok(start, Approve(start, "mgr"), context);
        var later = Context(now: Now.AddDays(2));
        var escalated = Sample.Apply(atRisk, new ApprovalSlaPassed("risk-review", atRisk.Round), later);
        Assert.Equal(["mgr", "mgr-b"], Assert.Single(escalated.Effects.OfType<ApprovalEscalated>()).AddedApproverIds);
        Assert.Equal("mgr,mgr-b,risk1,risk2", Approvers(escalated.Instance!));

        var decided = Sample.Apply(escalated.Instance, Approve(escalated.Instance!, "mgr-b"), later);
        Assert.Equal("finance-check", decided.Instance!.NodeId);
        Assert.Equal(4, decided.Effects.OfType<TasksClosed>().Single().Tasks.Count);
    }

    [Fact]
    public void An_auto_reject_timeout_rejects_by_itself()
    {
        var flow = new Flow(OneStep(ApproverSettings.ByRole("risk", ApprovalMode.All, 4, TimeoutAction.AutoReject)));
        var started = flow.Ok(null, new ApprovalSubmitted(V1, 1), Context());
        var step = flow.Apply(started, new ApprovalSlaPassed("review", started.Round), Context(now: Now.AddHours(5)));
        Assert.Equal(ApprovalInstanceStatus.Rejected, step.Instance!.Status);
        Assert.All(step.Effects.OfType<TasksClosed>().Single().Tasks, t => Assert.Equal(ApprovalTaskStatus.Cancelled, t.Status));
        Assert.Equal(ApprovalAction.AutoRejected, step.Effects.OfType<HistoryRecorded>().First().Record.Action);
        Assert.Null(step.Effects.OfType<HistoryRecorded>().First().Record.ActorId);
    }

    [Fact]
    public void Nobody_approves_their_own_application_and_the_node_falls_back_to_managers_then_owners()
    {
        // The team's manager applies: the manager review falls back to the agency's owner.
        var byManager = Context(owner: "mgr");
        var start = Sample.Ok(null, new ApprovalSubmitted(V1, 1), byManager);
        Assert.Equal("boss", Approvers(start));

        // Named users with the applicant among them: struck; the applicant deciding someone else's task is refused.
        var flow = new Flow(OneStep(new ApproverSettings(ApproverKind.Users, [], ["sales", "risk1"], ApprovalMode.All, null, TimeoutAction.Remind)));
        var named = flow.Ok(null, new ApprovalSubmitted(V1, 1), Context());
        Assert.Equal("risk1", Approvers(named));
        Assert.Equal(ApprovalError.SelfApproval, flow.Apply(named, new ApprovalDecided(TaskOf(named, "risk1").Id, "sales", ApprovalDecisionKind.Approve, null, "risk1"), Context()).Error);

        // A role with nobody but the applicant: the owner's team manager.
        var onlySelf = new Flow(OneStep(ApproverSettings.ByRole("sales", ApprovalMode.AnyOne, null, TimeoutAction.Remind)));
        Assert.Equal("mgr", Approvers(onlySelf.Ok(null, new ApprovalSubmitted(V1, 1), Context())));

        // A one-person agency cannot approve at all.
        var alone = onlySelf.Apply(null, new ApprovalSubmitted(V1, 1), Context(owner: "boss", members: [new("boss", "owner", null)]));
        Assert.Equal((ApprovalError.NoApprover, 0), (alone.Error, alone.Effects.Count));
    }

    [Fact]
    public void A_decision_counts_once_and_only_from_the_approver_or_their_delegate()
    {
        var context = Context();
        var start = Sample.Ok(null, new ApprovalSubmitted(V1, 1), context);
        var task = TaskOf(start, "mgr");
        Assert.Equal(ApprovalError.NotApprover, Sample.Apply(start, new ApprovalDecided(task.Id, "risk1", ApprovalDecisionKind.Approve, null), context).Error);

        var byDelegate = Sample.Apply(start, new ApprovalDecided(task.Id, "mgr-b", ApprovalDecisionKind.Approve, "同意", "mgr"), context);
        var record = byDelegate.Effects.OfType<HistoryRecorded>().First().Record;
        Assert.Equal((ApprovalAction.Approved, "mgr-b", "mgr", task.Id), (record.Action, record.ActorId, record.OnBehalfOfId, record.TaskId));

        var twice = Sample.Apply(byDelegate.Instance, new ApprovalDecided(task.Id, "mgr", ApprovalDecisionKind.Approve, null), context);
        Assert.Equal((ApprovalError.TaskClosed, 0), (twice.Error, twice.Effects.Count));
        Assert.Same(byDelegate.Instance, twice.Instance);
    }

    [Fact]
    public void A_reassigned_task_belongs_to_its_new_approver_only()
    {
        var context = Context();
        var start = Sample.Ok(null, new ApprovalSubmitted(V1, 1), context);
        var task = TaskOf(start, "mgr");
        Assert.Equal(ApprovalError.SelfApproval, Sample.Apply(start, new ApprovalTaskReassigned(task.Id, "sales", "boss"), context).Error);
        Assert.Equal(ApprovalError.ReassignNotMember, Sample.Apply(start, new ApprovalTaskReassigned(task.Id, "gone", "boss"), context).Error);
        Assert.Equal(ApprovalError.ReassignAlreadyApprover, Sample.Apply(start, new ApprovalTaskReassigned(task.Id, "mgr", "boss"), context).Error);

        var step = Sample.Apply(start, new ApprovalTaskReassigned(task.Id, "mgr-b", "boss"), context);
        Assert.Equal(ApprovalTaskStatus.Reassigned, Assert.Single(step.Effects.OfType<TasksClosed>()).Tasks.Single().Status);
        var record = step.Effects.OfType<HistoryRecorded>().Single().Record;
        Assert.Equal(("boss", "mgr", "mgr-b"), (record.ActorId, record.OnBehalfOfId, record.Detail));
        Assert.Equal("mgr-b", Approvers(step.Instance!));
        Assert.Equal(ApprovalError.TaskClosed, Sample.Apply(step.Instance, new ApprovalDecided(task.Id, "mgr", ApprovalDecisionKind.Approve, null), context).Error);
        Assert.Equal("risk-review", Sample.Ok(step.Instance, Approve(step.Instance!, "mgr-b"), context).NodeId);
    }

    [Fact]
    public void A_withdrawal_cancels_open_tasks_and_events_before_a_start_are_refused()
    {
        var context = Context();
        Assert.Equal(ApprovalError.NotStarted, Sample.Apply(null, new ApprovalResubmitted(), context).Error);
        var start = Sample.Ok(null, new ApprovalSubmitted(V1, 1), context);
        Assert.Equal(ApprovalError.AlreadyStarted, Sample.Apply(start, new ApprovalSubmitted(V1, 1), context).Error);
        var withdrawn = Sample.Ok(start, new ApprovalWithdrawn("sales"), context);
        Assert.Equal(ApprovalInstanceStatus.Cancelled, withdrawn.Status);
        Assert.Empty(withdrawn.OpenTasks);
        Assert.Equal(ApprovalError.Finished, Sample.Apply(withdrawn, new ApprovalWithdrawn("sales"), context).Error);
    }
}
