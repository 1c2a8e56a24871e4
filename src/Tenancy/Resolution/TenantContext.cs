namespace LoanSaaS.Tenancy.Resolution;

/// <summary>
/// The agency of the current HTTP request or Blazor circuit (scoped: one per request, one per circuit).
/// Set once by the tenant middleware or at circuit start; null on the apex host.
/// </summary>
public sealed class TenantContext
{
    public TenantInfo? Tenant { get; private set; }

    public bool IsApex { get; private set; }

    public TenantInfo Required => Tenant ?? throw new InvalidOperationException("No agency is selected for this request.");

    public void UseApex()
    {
        if (IsApex) return;
        EnsureUnset();
        IsApex = true;
    }

    public void Use(TenantInfo tenant)
    {
        if (Tenant is not null && Tenant.Id == tenant.Id) return;
        EnsureUnset();
        Tenant = tenant;
    }

    private void EnsureUnset()
    {
        if (Tenant is not null || IsApex)
            throw new InvalidOperationException("The tenant of a request or circuit cannot change once set.");
    }
}
