namespace LoanSaaS.Web.Funnels;

/// <summary>Resource marker for the funnel boards (BoardText.resx = zh-CN, BoardText.en.resx).</summary>
public sealed class BoardText;
