using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.PersonalData;

/// <summary>The protector of the agency of this request, circuit or job.</summary>
public sealed class TenantPersonalData(TenantContext tenant, TenantKeyRing keys)
{
    public ValueTask<PersonalDataProtector> GetAsync(CancellationToken ct) => keys.ForAsync(tenant.Required.Id, ct);
}
