namespace LoanSaaS.Web.Team;

/// <summary>Resource marker for the team management page (TeamText.resx = zh-CN, TeamText.en.resx).</summary>
public sealed class TeamText;
