using BenchmarkDotNet.Attributes;
using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;

namespace LoanSaaS.Bench.Approvals;

/// <summary>
/// One application through the sample flow with the 总经理终审 branch (60 万): submit, then the first open task of each
/// node approved four times until 审批通过 — six transitions (the condition node's branch test included), as the
/// runtime applies them, with a 20-member agency for approver resolution.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ApprovalEngineBench
{
    /// <summary>Transitions per <see cref="SubmitAndApproveToEnd"/>: submit + 4 approvals.</summary>
    public const int Transitions = 5;

    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private readonly ApprovalFlowDefinition _flow = SampleApprovalFlow.Create();
    private ApprovalPath _path = default!;
    private ApprovalContext _context = default!;

    [GlobalSetup]
    public void Setup()
    {
        _path = new ApprovalPath(_flow, ApplicationConditions.Schema);
        var team = Guid.NewGuid();
        string[] roles = ["sales", "sales", "sales", "manager", "risk", "risk", "finance", "owner", "admin", "sales"];
        var members = Enumerable.Range(0, 20).Select(i => new ApprovalMember($"u{i}", roles[i % roles.Length], i < 10 ? team : Guid.NewGuid())).ToList();
        _context = new ApprovalContext(Now, new ApplicationFacts { AmountWan = 60 }, "u0", team, members);
        // Warm the branch's compiled condition, as a long-lived path would be.
        _path.Simulate(_context.Facts, Now);
    }

    [Benchmark(OperationsPerInvoke = Transitions)]
    public ApprovalInstanceStatus SubmitAndApproveToEnd()
    {
        var instance = ApprovalEngine.Apply(_flow, _path, null, new ApprovalSubmitted(Guid.Empty, 1), _context).Instance!;
        while (instance.Status == ApprovalInstanceStatus.Running)
        {
            var task = instance.Tasks[0];
            instance = ApprovalEngine.Apply(_flow, _path, instance, new ApprovalDecided(task.Id, task.ApproverId, ApprovalDecisionKind.Approve, null), _context).Instance!;
        }

        return instance.Status;
    }
}
