using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LoanSaaS.Web.Tenancy;

/// <summary>
/// Resolves the agency from the host and fixes it for the request. Unknown, suspended or unfinished workspaces get a
/// clear status page and nothing else. Runs for every request, /_blazor included.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, HostTenantStrategy hosts, TenantStore store, TenantContext context)
    {
        if (IsHostIndependent(http.Request.Path))
        {
            await next(http);
            return;
        }
        switch (hosts.Match(http.Request.Host.Host))
        {
            case HostMatch.Apex:
                context.UseApex();
                await next(http);
                return;
            case HostMatch.Agency agency:
                var tenant = await store.FindBySlugAsync(agency.Slug, http.RequestAborted);
                var refusal = tenant?.State switch
                {
                    null or TenantState.Deleted => TenantStatusKind.NotFound,
                    TenantState.Suspended => TenantStatusKind.Suspended,
                    TenantState.Provisioning => TenantStatusKind.Preparing,
                    TenantState.Failed => TenantStatusKind.Failed,
                    _ => (TenantStatusKind?)null,
                };
                if (refusal is { } kind)
                {
                    await WriteStatusAsync(http, kind, tenant?.Name);
                    return;
                }
                context.Use(tenant!);
                await next(http);
                return;
            default:
                await WriteStatusAsync(http, TenantStatusKind.NotFound, null);
                return;
        }
    }

    public static Task WriteStatusAsync(HttpContext http, TenantStatusKind kind, string? agencyName)
    {
        http.Response.StatusCode = kind switch
        {
            TenantStatusKind.NotFound => StatusCodes.Status404NotFound,
            TenantStatusKind.Refused => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status503ServiceUnavailable,
        };
        var page = new RazorComponentResult<TenantStatusPage>(new { Kind = kind, AgencyName = agencyName }) { StatusCode = http.Response.StatusCode };
        return page.ExecuteAsync(http);
    }

    // Static assets are short-circuited before this middleware; a missing one still needs no agency.
    private static bool IsHostIndependent(PathString path) =>
        path.StartsWithSegments("/_content") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js");
}
