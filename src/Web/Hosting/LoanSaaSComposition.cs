using LoanSaaS.Infrastructure;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.Account;
using LoanSaaS.Web.Apply;
using LoanSaaS.Web.Applications;
using LoanSaaS.Web.Imports;
using LoanSaaS.Web.Leads;
using LoanSaaS.Web.Health;
using LoanSaaS.Web.Localization;
using LoanSaaS.Web.Security;
using LoanSaaS.Web.Shell;
using LoanSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace LoanSaaS.Web.Hosting;

public static class LoanSaaSComposition
{
    public const string PlatformScheme = "Platform";
    private const string HostAwareScheme = "HostAware";

    public static void AddLoanSaaS(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddInfrastructure(configuration);
        // The app's one clock, after AddInfrastructure (Quartz's UseTimeProvider registers its own). Decided when first
        // resolved, once every setting source (test hosts add theirs late) is in: browser tests move time through a
        // file (docs/operations.md); everywhere else, and always in Production, the system clock.
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp =>
            !sp.GetRequiredService<IHostEnvironment>().IsProduction() && sp.GetRequiredService<IConfiguration>()["Testing:ClockOffsetFile"] is { Length: > 0 } clockFile
                ? new OffsetFileClock(clockFile) : TimeProvider.System);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter);
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        services.AddLocalization();
        // Emit Chinese text as is instead of as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddScoped<ICurrentUserAccessor, AuthStateCurrentUser>();
        services.AddScoped<ShellState>();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitConnectionHandler>();

        services.AddScoped<CatalogDbContext>(sp => sp.GetRequiredService<CatalogDbContextFactory>().Create());
        services.AddDataProtection().SetApplicationName("LoanSaaS").PersistKeysToDbContext<CatalogDbContext>();

        // Agency members sign in with the Identity cookie of their agency's host; platform admins with their own cookie on the apex host.
        services.AddAuthentication(HostAwareScheme)
            .AddPolicyScheme(HostAwareScheme, null, o => o.ForwardDefaultSelector = http =>
                http.RequestServices.GetRequiredService<TenantContext>().Tenant is null ? PlatformScheme : IdentityConstants.ApplicationScheme)
            .AddCookie(PlatformScheme, o =>
            {
                o.Cookie.Name = "loansaas.platform";
                o.LoginPath = "/admin/login";
                o.AccessDeniedPath = "/admin/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            })
            .AddIdentityCookies(o => o.ApplicationCookie!.Configure(c =>
            {
                c.Cookie.Name = "loansaas.session";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.LoginPath = "/login";
                c.AccessDeniedPath = "/access-denied";
                c.ExpireTimeSpan = TimeSpan.FromDays(7);
                c.SlidingExpiration = true;
                c.Events.OnValidatePrincipal = TenantClaimCheckMiddleware.ValidatePrincipalAsync;
            }));
        // A deactivated member or a changed role takes effect on the next request on every node. This costs one user
        // lookup per page load or circuit start (static files are short-circuited), not per interaction.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.PlatformAdmin, p => p.AddAuthenticationSchemes(PlatformScheme).RequireClaim(AgencyClaims.PlatformAdmin))
            .AddPolicy(Policies.ManageTeam, p => p.RequireAssertion(c => CurrentUser.From(c.User)?.Can(Domain.Team.Permission.ManageTeam) == true))
            .AddPermissionPolicies();
        services.AddAntiforgery(o => o.Cookie.Name = "loansaas.af");

        services.AddLoanSaaSHealthChecks(configuration);
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
            services.AddSignalR().AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("loansaas"));
    }

    public static void UseLoanSaaS(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Static files and health probes are short-circuited here: no tenant, no authentication.
        app.UseRouting();
        app.UseRequestLocalization(Cultures.Options());
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<TenantMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<TenantClaimCheckMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().ShortCircuit();
        app.MapLoanSaaSHealthChecks();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapLeadEndpoints();
        app.MapImportEndpoints();
        app.MapApplicationEndpoints();
        app.MapApplyEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}

public static class Policies
{
    public const string PlatformAdmin = "platform-admin";
    public const string ManageTeam = "manage-team";
    /// <summary>Any signed-in member of the agency of the host.</summary>
    public const string Member = "member";

    /// <summary>The policy requiring one <see cref="Domain.Team.Permission"/>, e.g. <c>Policies.For(Permission.ManageLeads)</c>.</summary>
    public static string For(Domain.Team.Permission permission) => "permission:" + permission;

    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        builder.AddPolicy(Member, p => p.RequireAssertion(c => CurrentUser.From(c.User) is not null));
        foreach (var permission in Enum.GetValues<Domain.Team.Permission>().Where(p => p != Domain.Team.Permission.None))
            builder.AddPolicy(For(permission), p => p.RequireAssertion(c => CurrentUser.From(c.User)?.Can(permission) == true));
        return builder;
    }
}
