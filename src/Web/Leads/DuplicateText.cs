namespace LoanSaaS.Web.Leads;

/// <summary>Resource marker for the duplicates view and the merge dialog (DuplicateText.resx = zh-CN, DuplicateText.en.resx).</summary>
public sealed class DuplicateText;
