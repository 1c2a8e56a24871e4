namespace LoanSaaS.Domain.Leads;

/// <summary>How a lead entered the system (not the marketing source, see <see cref="Lead.Source"/>).</summary>
public enum LeadChannel
{
    Manual,
    WebForm,
    Import,
    Api,
}
