using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace LoanSaaS.Web.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out endpoints (antiforgery-checked form posts).</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<AgencyUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapPost("/admin/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(LoanSaaSComposition.PlatformScheme);
            return Results.LocalRedirect("/admin/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }
}
