using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Demo;
using LoanSaaS.Infrastructure.Platform;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Migrations;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Web.Hosting;

/// <summary>Before serving: migrate, resume interrupted provisioning, ensure the platform admin and the demo agency; then print where to go.</summary>
public static class StartupTasks
{
    public const string DevAdminEmail = "admin@loansaas.local";
    public const string DevAdminPassword = "Admin@2026";

    public static async Task RunAsync(WebApplication app, CancellationToken ct)
    {
        var services = app.Services;
        var config = app.Configuration;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("LoanSaaS.Startup");
        var migrator = services.GetRequiredService<TenantMigrator>();
        await migrator.MigrateCatalogAsync(ct);

        // The embedded default keeps every agency current on start; server deployments run the `migrate` command instead.
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Sqlite)
            foreach (var failed in (await migrator.MigrateTenantsAsync(4, null, ct)).Where(r => !r.Succeeded))
                log.LogError("Migrating agency {Slug} failed: {Error}", failed.Slug, failed.Error);

        await ResumeProvisioningAsync(services, ct);

        var demo = config.GetValue("Demo:Enabled", false);
        var platform = services.GetRequiredService<IOptions<PlatformAdminOptions>>().Value;
        var admins = services.GetRequiredService<PlatformAdmins>();
        if (platform.AdminEmail is { Length: > 0 } email && platform.AdminPassword is { Length: > 0 } password)
            await admins.EnsureAsync(email, password, platform.AdminName, ct);
        else if (demo)
            await admins.EnsureAsync(DevAdminEmail, DevAdminPassword, platform.AdminName, ct);

        if (demo)
            await services.GetRequiredService<DemoAgencySeeder>().EnsureAsync(ct);

        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, demo, platform));
    }

    private static async Task ResumeProvisioningAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = services.GetRequiredService<CatalogDbContextFactory>().Create();
        var queue = services.GetRequiredService<ProvisioningQueue>();
        foreach (var id in await db.Tenants.Where(t => t.State == TenantState.Provisioning).Select(t => t.Id).ToListAsync(ct))
            await queue.EnqueueAsync(id, ct);
    }

    private static void PrintBanner(WebApplication app, bool demo, PlatformAdminOptions platform)
    {
        var baseDomain = app.Services.GetRequiredService<IOptions<TenancyOptions>>().Value.BaseDomain;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal));
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        var apex = $"{uri.Scheme}://{baseDomain}{port}";
        var lines = new List<string>
        {
            "",
            "================ LoanSaaS is running ================",
            $"  Product site & sign-up : {apex}/",
            $"  Platform admin         : {apex}/admin",
        };
        if (platform.AdminEmail is null && demo)
            lines.Add($"      login {DevAdminEmail} / {DevAdminPassword}");
        if (demo)
        {
            lines.Add($"  Demo agency ({DemoAgencySeeder.Name}) : {uri.Scheme}://{DemoAgencySeeder.Slug}.{baseDomain}{port}/login");
            lines.Add($"      password for every demo login: {DemoAgencySeeder.Password}");
            foreach (var p in LoanSaaS.Domain.Team.SampleTeam.People)
                lines.Add($"      {p.Name,-4} {LoanSaaS.Domain.Team.AgencyRoles.Key(p.Role),-9} {p.Mobile}  {p.Email}");
        }
        lines.Add("======================================================");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
