using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace LoanSaaS.Web.Localization;

public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    public static readonly IReadOnlyList<string> Supported = [Chinese, English];

    public static RequestLocalizationOptions Options()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        // Only the user's explicit choice (cookie) or ?culture= changes the language; browsers' Accept-Language is ignored so zh-CN stays the default.
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>GET /culture/set?culture=en-US&amp;redirect=/team stores the choice in a cookie and reloads the page.</summary>
    public static void MapCultureEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/set", (string culture, string? redirect, HttpContext http) =>
        {
            if (!Supported.Contains(culture)) culture = Chinese;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(redirect is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/");
        });
}
