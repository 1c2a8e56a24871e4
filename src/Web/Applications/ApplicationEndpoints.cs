using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Net.Http.Headers;

namespace LoanSaaS.Web.Applications;

/// <summary>HTTP endpoints of the applications feature (the pages are Blazor components in this folder).</summary>
public static class ApplicationEndpoints
{
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        // The tenant comes from the host and the cookie's tenant claim must match it (TenantClaimCheckMiddleware); the
        // use case finds the application only in that agency's database and only if the member may read it.
        app.MapGet("/applications/{applicationId:guid}/documents/{documentId:guid}", DocumentAsync).RequireAuthorization(Policies.Member);
        return app;
    }

    /// <summary>Whether a path is a document's content: the one response the application page may show in a frame.</summary>
    public static bool IsDocument(PathString path) =>
        path.StartsWithSegments("/applications", StringComparison.OrdinalIgnoreCase) && path.Value!.Contains("/documents/", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> DocumentAsync(Guid applicationId, Guid documentId, HttpContext http, OpenApplicationDocument open,
        AuthenticationStateProvider auth, CancellationToken ct)
    {
        // Use cases read the member from the authentication state, which a plain HTTP request has to be given.
        if (auth is IHostEnvironmentAuthenticationStateProvider host)
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        try
        {
            var document = await open.HandleAsync(applicationId, documentId, ct);
            if (document is null) return Results.NotFound();
            var headers = http.Response.Headers;
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(document.FileName);
            headers.ContentDisposition = disposition.ToString();
            // The type sniffed at upload, never the name's; nosniff (SecurityHeadersMiddleware) keeps the browser to it.
            return Results.Stream(document.Content, document.ContentType, enableRangeProcessing: false);
        }
        catch (AccessDeniedException)
        {
            return Results.Forbid();
        }
    }
}
