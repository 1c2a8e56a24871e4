namespace LoanSaaS.Web.Audit;

/// <summary>Resource marker for the audit log page (AuditText.resx = zh-CN, AuditText.en.resx).</summary>
public sealed class AuditText;
