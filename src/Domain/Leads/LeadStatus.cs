namespace LoanSaaS.Domain.Leads;

public enum LeadStatus
{
    /// <summary>意向客户: owned (or waiting for an owner) and worked on.</summary>
    Active,

    /// <summary>公海: no owner; any salesperson may claim it.</summary>
    PublicPool,

    /// <summary>黑名单: blocked with a reason; the same mobile or ID cannot come back through any channel.</summary>
    Blacklisted,

    /// <summary>Merged into another lead (<see cref="Lead.MergedIntoId"/>); its history shows there.</summary>
    Merged,
}
