namespace LoanSaaS.Domain.Leads;

/// <summary>A strong → D weak.</summary>
public enum IntentLevel
{
    A,
    B,
    C,
    D,
}
