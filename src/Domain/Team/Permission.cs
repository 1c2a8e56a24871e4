namespace LoanSaaS.Domain.Team;

/// <summary>Things a role may do. Values are persisted as a bit mask: never renumber.</summary>
[Flags]
public enum Permission : long
{
    None = 0,
    ViewDashboard = 1L << 0,
    ViewTeamLeads = 1L << 1,
    ViewAllLeads = 1L << 2,

    /// <summary>Unmask ID numbers, phones and bank cards (with a reason; audited).</summary>
    RevealPersonalData = 1L << 3,
    ExportData = 1L << 4,
    ApproveApplications = 1L << 5,
    ManageFinance = 1L << 6,
    ManagePostLoan = 1L << 7,
    ManageTeam = 1L << 8,

    /// <summary>Agency settings: funnel, custom fields, products, rules and approval flows.</summary>
    ManageSettings = 1L << 9,

    /// <summary>Export lists with personal data unmasked (with a reason; audited and watermarked).</summary>
    ExportPersonalData = 1L << 10,

    /// <summary>Import, merge, blacklist, reassign and release leads to the public pool.</summary>
    ManageLeads = 1L << 11,

    /// <summary>Read and verify the agency's audit log.</summary>
    ViewAuditLog = 1L << 12,
}
