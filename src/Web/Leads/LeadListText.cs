namespace LoanSaaS.Web.Leads;

/// <summary>Resource marker for the lead, customer, pool and blacklist lists and the export (LeadListText.resx = zh-CN, LeadListText.en.resx).</summary>
public sealed class LeadListText;
