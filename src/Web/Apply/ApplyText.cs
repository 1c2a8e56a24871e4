namespace LoanSaaS.Web.Apply;

/// <summary>Resource marker for the public application form (ApplyText.resx = zh-CN, ApplyText.en.resx).</summary>
public sealed class ApplyText;
