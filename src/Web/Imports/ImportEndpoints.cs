using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;

namespace LoanSaaS.Web.Imports;

/// <summary>HTTP endpoints of the imports feature (the pages are Blazor components in this folder).</summary>
public static class ImportEndpoints
{
    public static string RejectedRowsUrl(Guid importId) => $"/leads/imports/{importId}/rejected";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        // The tenant comes from the host and the cookie's tenant claim must match it (TenantClaimCheckMiddleware);
        // the use case then finds the import only in that agency's database, and only if the member may see it.
        app.MapGet("/leads/imports/{id:guid}/rejected", DownloadRejectedAsync).RequireAuthorization(Policies.For(Permission.ManageLeads));
        return app;
    }

    private static async Task<IResult> DownloadRejectedAsync(Guid id, HttpContext http, DownloadRejectedRows download, AuthenticationStateProvider auth, CancellationToken ct)
    {
        // Use cases read the member from the authentication state, which a plain HTTP request has to be given.
        if (auth is IHostEnvironmentAuthenticationStateProvider host)
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        try
        {
            var file = await download.HandleAsync(id, ct);
            return file is null
                ? Results.NotFound()
                : Results.File(file.Content, DownloadRejectedRows.ContentType, file.FileName, enableRangeProcessing: false);
        }
        catch (AccessDeniedException)
        {
            return Results.Forbid();
        }
    }
}
