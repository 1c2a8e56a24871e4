namespace LoanSaaS.Domain.Approvals;

/// <summary>
/// The approval flow as a pure state transition: (pinned definition, state, event, context) → new state + effects.
/// No storage, no clock, no I/O; the runtime persists the state and carries out the effects in one transaction.
/// Rounds count every opening of tasks in the instance, so (node, round) names one wait — SLA events carry it and a
/// stale one does nothing. A refusal leaves the state as it was and has no effects.
/// </summary>
public static class ApprovalEngine
{
    public static ApprovalStep Apply(ApprovalFlowDefinition definition, ApprovalPath path, ApprovalInstance? instance, ApprovalEvent e, ApprovalContext context)
    {
        var run = new Transition(definition, path, context);
        if (e is ApprovalSubmitted submitted)
            return instance is null ? run.Start(submitted) : Transition.Refuse(instance, ApprovalError.AlreadyStarted);
        if (instance is null) return Transition.Refuse(null, ApprovalError.NotStarted);
        return e switch
        {
            ApprovalDecided d => run.Decide(instance, d),
            ApprovalResubmitted => run.Resubmit(instance),
            ApprovalSlaPassed sla => run.SlaPassed(instance, sla),
            ApprovalTaskReassigned r => run.Reassign(instance, r),
            ApprovalWithdrawn w => run.Withdraw(instance, w),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
        };
    }

    private sealed class Transition(ApprovalFlowDefinition definition, ApprovalPath path, ApprovalContext context)
    {
        private readonly List<ApprovalEffect> _effects = [];

        public static ApprovalStep Refuse(ApprovalInstance? instance, ApprovalError error) => new(instance, [], error);

        private ApprovalStep Done(ApprovalInstance instance) => new(instance, _effects, null);

        private void Record(ApprovalAction action, ApprovalNode node, int round, Guid? taskId = null, string? actorId = null,
            string? onBehalfOf = null, string? comment = null, string? detail = null) =>
            _effects.Add(new HistoryRecorded(new ApprovalRecord(action, node.Id, node.Name, round, taskId, actorId, onBehalfOf, comment, detail)));

        public ApprovalStep Start(ApprovalSubmitted submitted)
        {
            var start = definition.Nodes.First(n => n.Kind == ApprovalNodeKind.Start);
            var instance = new ApprovalInstance(submitted.FlowVersionId, submitted.FlowVersion, start.Id, ApprovalInstanceStatus.Running, ApprovalMode.AnyOne, 0, null, []);
            Record(ApprovalAction.Submitted, start, 0, actorId: context.SubmitterId ?? context.OwnerId);
            return MoveOn(instance, start.Id, rejected: false);
        }

        public ApprovalStep Decide(ApprovalInstance instance, ApprovalDecided d)
        {
            var task = instance.Tasks.FirstOrDefault(t => t.Id == d.TaskId);
            if (task is null || task.Status != ApprovalTaskStatus.Open || instance.Status != ApprovalInstanceStatus.Running)
                return Refuse(instance, ApprovalError.TaskClosed);
            if (context.IsApplicant(d.ActorId)) return Refuse(instance, ApprovalError.SelfApproval);
            if ((d.OnBehalfOfId ?? d.ActorId) != task.ApproverId) return Refuse(instance, ApprovalError.NotApprover);
            if (d.Decision != ApprovalDecisionKind.Approve && string.IsNullOrWhiteSpace(d.Comment)) return Refuse(instance, ApprovalError.CommentRequired);

            var node = path.Node(instance.NodeId);
            var action = d.Decision switch
            {
                ApprovalDecisionKind.Approve => ApprovalAction.Approved,
                ApprovalDecisionKind.Reject => ApprovalAction.Rejected,
                _ => ApprovalAction.Returned,
            };
            Record(action, node, instance.Round, task.Id, d.ActorId, d.OnBehalfOfId, d.Comment?.Trim());
            var decided = task with { Status = d.Decision switch
            {
                ApprovalDecisionKind.Approve => ApprovalTaskStatus.Approved,
                ApprovalDecisionKind.Reject => ApprovalTaskStatus.Rejected,
                _ => ApprovalTaskStatus.Returned,
            } };
            var tasks = instance.Tasks.Select(t => t.Id == task.Id ? decided : t).ToList();

            // 会签: the node waits for every regular approver; an escalated approver's decision settles it alone.
            if (d.Decision == ApprovalDecisionKind.Approve && instance.Mode == ApprovalMode.All && !task.IsEscalation
                && tasks.Any(t => t.Status == ApprovalTaskStatus.Open && !t.IsEscalation))
            {
                _effects.Add(new TasksClosed([decided]));
                return Done(instance with { Tasks = tasks });
            }

            var closed = CloseOpen(tasks, ApprovalTaskStatus.Cancelled);
            _effects.Add(new TasksClosed([decided, .. closed.Closed]));
            var after = instance with { Tasks = closed.Tasks };
            if (d.Decision == ApprovalDecisionKind.Return)
            {
                _effects.Add(new ReturnedToOwner(node.Id, node.Name, d.Comment?.Trim()));
                return Done(after with { Status = ApprovalInstanceStatus.Returned, DueAt = null });
            }

            return MoveOn(after, node.Id, rejected: d.Decision == ApprovalDecisionKind.Reject);
        }

        public ApprovalStep Resubmit(ApprovalInstance instance)
        {
            if (instance.Status != ApprovalInstanceStatus.Returned) return Refuse(instance, ApprovalError.NotReturned);
            var node = path.Node(instance.NodeId);
            Record(ApprovalAction.Resubmitted, node, instance.Round, actorId: context.SubmitterId ?? context.OwnerId);
            return OpenTasks(instance, node) ?? Refuse(instance, ApprovalError.NoApprover);
        }

        public ApprovalStep SlaPassed(ApprovalInstance instance, ApprovalSlaPassed sla)
        {
            if (instance.Status != ApprovalInstanceStatus.Running || instance.NodeId != sla.NodeId || instance.Round != sla.Round || instance.SlaHandled)
                return Refuse(instance, ApprovalError.SlaStale);
            var node = path.Node(instance.NodeId);
            var settings = node.Approvers!;
            var handled = instance with { SlaHandled = true };
            if (settings.TimeoutAction == TimeoutAction.AutoReject)
            {
                Record(ApprovalAction.AutoRejected, node, instance.Round);
                var closed = CloseOpen(instance.Tasks, ApprovalTaskStatus.Cancelled);
                _effects.Add(new TasksClosed(closed.Closed));
                return MoveOn(handled with { Tasks = closed.Tasks }, node.Id, rejected: true);
            }

            var waiting = instance.OpenTasks.Select(t => t.ApproverId).ToList();
            if (settings.TimeoutAction == TimeoutAction.Escalate && settings.EscalateToRoleKey is { } role)
            {
                var added = ApproverResolver.OfRole(role, context).Except(waiting, StringComparer.Ordinal).ToList();
                if (added.Count > 0)
                {
                    var tasks = added.Select(id => new ApprovalTaskState(context.NewId(), node.Id, instance.Round, id, ApprovalTaskStatus.Open, null, IsEscalation: true)).ToList();
                    _effects.Add(new TasksOpened(node.Id, node.Name, tasks, null));
                    _effects.Add(new ApprovalEscalated(node.Id, node.Name, role, added));
                    Record(ApprovalAction.Escalated, node, instance.Round, detail: role);
                    return Done(handled with { Tasks = [.. instance.Tasks, .. tasks] });
                }
            }

            // Remind, and an escalation with nobody to add.
            _effects.Add(new ApproversReminded(node.Id, node.Name, waiting));
            Record(ApprovalAction.Reminded, node, instance.Round);
            return Done(handled);
        }

        public ApprovalStep Reassign(ApprovalInstance instance, ApprovalTaskReassigned r)
        {
            var task = instance.Tasks.FirstOrDefault(t => t.Id == r.TaskId);
            if (task is null || task.Status != ApprovalTaskStatus.Open || instance.Status != ApprovalInstanceStatus.Running)
                return Refuse(instance, ApprovalError.TaskClosed);
            if (context.IsApplicant(r.ToUserId)) return Refuse(instance, ApprovalError.SelfApproval);
            if (!context.Members.Any(m => m.UserId == r.ToUserId)) return Refuse(instance, ApprovalError.ReassignNotMember);
            if (instance.OpenTasks.Any(t => t.ApproverId == r.ToUserId)) return Refuse(instance, ApprovalError.ReassignAlreadyApprover);

            var node = path.Node(instance.NodeId);
            var old = task with { Status = ApprovalTaskStatus.Reassigned };
            var fresh = task with { Id = context.NewId(), ApproverId = r.ToUserId, Status = ApprovalTaskStatus.Open };
            _effects.Add(new TasksClosed([old]));
            _effects.Add(new TasksOpened(node.Id, node.Name, [fresh], task.DueAt));
            Record(ApprovalAction.Reassigned, node, instance.Round, task.Id, r.ActorId, task.ApproverId, detail: r.ToUserId);
            return Done(instance with { Tasks = [.. instance.Tasks.Select(t => t.Id == task.Id ? old : t), fresh] });
        }

        public ApprovalStep Withdraw(ApprovalInstance instance, ApprovalWithdrawn w)
        {
            if (instance.IsFinished) return Refuse(instance, ApprovalError.Finished);
            var closed = CloseOpen(instance.Tasks, ApprovalTaskStatus.Cancelled);
            _effects.Add(new TasksClosed(closed.Closed));
            Record(ApprovalAction.Withdrawn, path.Node(instance.NodeId), instance.Round, actorId: w.ActorId);
            return Done(instance with { Status = ApprovalInstanceStatus.Cancelled, Tasks = closed.Tasks, DueAt = null });
        }

        /// <summary>From <paramref name="fromId"/> through condition and notify nodes to the next approve node (tasks opened) or an End.</summary>
        private ApprovalStep MoveOn(ApprovalInstance instance, string fromId, bool rejected)
        {
            var node = path.Next(fromId, context.Facts, context.Now, rejected);
            for (var steps = 0; steps <= definition.Nodes.Count; steps++)
            {
                switch (node.Kind)
                {
                    case ApprovalNodeKind.Approve:
                        return OpenTasks(instance, node) ?? Refuse(instance, ApprovalError.NoApprover);
                    case ApprovalNodeKind.End:
                        var outcome = node.Outcome ?? ApprovalOutcome.Rejected;
                        Record(ApprovalAction.Finished, node, instance.Round, detail: outcome.ToString());
                        _effects.Add(new StepChanged(node.Name));
                        _effects.Add(new ApprovalFinished(outcome, node.Id, node.Name));
                        return Done(instance with
                        {
                            NodeId = node.Id, DueAt = null, Tasks = [],
                            Status = outcome == ApprovalOutcome.Approved ? ApprovalInstanceStatus.Approved : ApprovalInstanceStatus.Rejected,
                        });
                    case ApprovalNodeKind.Notify:
                        _effects.Add(new CcNotified(node.Id, node.Name, node.NotifyRoleKeys, []));
                        Record(ApprovalAction.CarbonCopied, node, instance.Round, detail: string.Join(',', node.NotifyRoleKeys));
                        break;
                }

                node = path.Next(node.Id, context.Facts, context.Now);
            }

            return Refuse(instance, ApprovalError.Loop);
        }

        /// <returns>Null when nobody may approve the node.</returns>
        private ApprovalStep? OpenTasks(ApprovalInstance instance, ApprovalNode node)
        {
            var settings = node.Approvers!;
            var approvers = ApproverResolver.For(settings, context);
            if (approvers.Count == 0) return null;
            var round = instance.Round + 1;
            DateTimeOffset? due = settings.SlaHours is { } hours ? context.Now.AddHours(hours) : null;
            var tasks = approvers.Select(id => new ApprovalTaskState(context.NewId(), node.Id, round, id, ApprovalTaskStatus.Open, due)).ToList();
            _effects.Add(new TasksOpened(node.Id, node.Name, tasks, due));
            _effects.Add(new StepChanged(node.Name));
            return Done(instance with
            {
                NodeId = node.Id, Status = ApprovalInstanceStatus.Running, Mode = settings.Mode, Round = round, DueAt = due, Tasks = tasks, SlaHandled = false,
            });
        }

        private static (List<ApprovalTaskState> Tasks, List<ApprovalTaskState> Closed) CloseOpen(IEnumerable<ApprovalTaskState> tasks, ApprovalTaskStatus status)
        {
            var closed = new List<ApprovalTaskState>();
            var all = tasks.Select(t =>
            {
                if (t.Status != ApprovalTaskStatus.Open) return t;
                var c = t with { Status = status };
                closed.Add(c);
                return c;
            }).ToList();
            return (all, closed);
        }
    }
}
