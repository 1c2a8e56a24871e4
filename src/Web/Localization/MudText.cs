namespace LoanSaaS.Web.Localization;

/// <summary>Resource marker for MudBlazor component texts.</summary>
public sealed class MudText;
