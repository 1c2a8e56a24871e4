namespace LoanSaaS.Web.Dashboard;

/// <summary>Resource marker for the manager dashboard (DashboardText.resx = zh-CN, DashboardText.en.resx).</summary>
public sealed class DashboardText;
