namespace LoanSaaS.Domain.Tenancy;

/// <summary>Lifecycle of an agency in the tenant catalog. Values are persisted: never renumber.</summary>
public enum TenantState
{
    Provisioning = 0,
    Active = 1,
    Suspended = 2,
    Failed = 3,
    Deleted = 4,
}
