namespace LoanSaaS.Web.Settings;

/// <summary>Resource marker for the settings pages (SettingsText.resx = zh-CN, SettingsText.en.resx).</summary>
public sealed class SettingsText;
