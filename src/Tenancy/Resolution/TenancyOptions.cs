namespace LoanSaaS.Tenancy.Resolution;

public sealed class TenancyOptions
{
    /// <summary>Agencies live at {slug}.{BaseDomain}; the apex host serves sign-up and the platform admin.</summary>
    public string BaseDomain { get; set; } = "localhost";
}
