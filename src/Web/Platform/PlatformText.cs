namespace LoanSaaS.Web.Platform;

/// <summary>Resource marker for the platform administrator area on the apex host.</summary>
public sealed class PlatformText;
