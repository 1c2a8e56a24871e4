namespace LoanSaaS.Web.Tenancy;

/// <summary>Why a host cannot serve a workspace; each gets its own clear page.</summary>
public enum TenantStatusKind
{
    NotFound,
    Suspended,
    Preparing,
    Failed,
    Refused,
}
