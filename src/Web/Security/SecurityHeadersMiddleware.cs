using LoanSaaS.Infrastructure.Apply;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Web.Security;

/// <summary>
/// CSP, framing and sniffing protection for every response. Only the public application form (/apply) may be framed,
/// by the sites in <see cref="ApplyOptions.FrameAncestors"/>, so agencies can embed it; every other page refuses framing.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<ApplyOptions> apply)
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    /// <summary>
    /// An application's document (image or PDF): nothing runs in it, and only this site's pages may show it in a frame
    /// (the application page's PDF preview); the browser's own PDF viewer needs object-src.
    /// </summary>
    private const string DocumentPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

    private readonly string _framable = Policy + Sources(apply.Value.FrameAncestors);

    public Task InvokeAsync(HttpContext http)
    {
        var embeddable = IsEmbeddable(http.Request.Path);
        var secretUrl = CarriesSecret(http.Request.Path);
        var document = Applications.ApplicationEndpoints.IsDocument(http.Request.Path);
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = document ? DocumentPolicy : embeddable ? _framable : Policy + "'none'";
            h.XContentTypeOptions = "nosniff";
            // X-Frame-Options cannot name several sites, so CSP frame-ancestors alone decides for the embeddable form
            // (antiforgery adds SAMEORIGIN while rendering; it would block the agency's own site).
            if (embeddable) h.Remove("X-Frame-Options");
            else h.XFrameOptions = document ? "SAMEORIGIN" : "DENY";
            h["Referrer-Policy"] = secretUrl ? "no-referrer" : "strict-origin-when-cross-origin";
            if (secretUrl) h.CacheControl = "no-store";
            h["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(http);
    }

    public static bool IsEmbeddable(PathString path) => path.Equals("/apply", StringComparison.OrdinalIgnoreCase);

    /// <summary>Customer progress pages: the token in the URL must not leak through Referer headers or caches.</summary>
    public static bool CarriesSecret(PathString path) => path.StartsWithSegments("/progress", StringComparison.OrdinalIgnoreCase);

    /// <summary>Only scheme/host sources, "*" or "'self'" pass; anything else (quotes, semicolons) is dropped.</summary>
    private static string Sources(string? configured)
    {
        var sources = (configured ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is "*" or "'self'" || (Uri.TryCreate(s.Replace("*.", "x.", StringComparison.Ordinal), UriKind.Absolute, out _) && !s.Contains(';', StringComparison.Ordinal)))
            .ToList();
        return sources.Count == 0 ? "'none'" : string.Join(' ', sources);
    }
}
