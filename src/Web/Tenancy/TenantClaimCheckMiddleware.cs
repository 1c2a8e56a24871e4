using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace LoanSaaS.Web.Tenancy;

/// <summary>
/// A signed-in member's agency claim must be the agency of the host, or the request is refused (e.g. a cookie from
/// agency A presented on agency B's host, page or /_blazor alike).
/// </summary>
public sealed class TenantClaimCheckMiddleware(RequestDelegate next)
{
    private const string MismatchKey = "loansaas:tenant-mismatch";

    /// <summary>
    /// Cookie validation: the agency check comes before Identity's security-stamp check, which would otherwise look the
    /// member up in the wrong agency's database and quietly treat the request as anonymous instead of refusing it.
    /// </summary>
    public static Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>().Tenant;
        if (tenant is null || context.Principal?.FindFirst(AgencyClaims.Tenant)?.Value != tenant.Id.ToString())
        {
            context.HttpContext.Items[MismatchKey] = true;
            context.RejectPrincipal();
            return Task.CompletedTask;
        }
        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public async Task InvokeAsync(HttpContext http, TenantContext context)
    {
        var mismatch = http.Items.ContainsKey(MismatchKey)
            || (http.User.Identity?.IsAuthenticated == true && context.Tenant is { } tenant
                && http.User.FindFirst(AgencyClaims.Tenant)?.Value != tenant.Id.ToString());
        if (mismatch && context.Tenant is not null)
        {
            await TenantMiddleware.WriteStatusAsync(http, TenantStatusKind.Refused, context.Tenant.Name);
            return;
        }
        await next(http);
    }
}
