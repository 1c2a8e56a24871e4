using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Web.Tenancy;

/// <summary>A signed-in member's agency claim must be the agency of the host, or the request is refused (a cookie from agency A on agency B's host).</summary>
public sealed class TenantClaimCheckMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, TenantContext context)
    {
        if (http.User.Identity?.IsAuthenticated == true && context.Tenant is { } tenant
            && http.User.FindFirst(AgencyClaims.Tenant)?.Value != tenant.Id.ToString())
        {
            await TenantMiddleware.WriteStatusAsync(http, TenantStatusKind.Refused, tenant.Name);
            return;
        }
        await next(http);
    }
}
