namespace LoanSaaS.Domain.Approvals;

/// <summary>What happens when an approve node passes its SLA.</summary>
public enum TimeoutAction
{
    Remind,
    Escalate,
    AutoReject,
}
