using System.Globalization;
using LoanSaaS.Tenancy.Migrations;

namespace LoanSaaS.Web.Commands;

/// <summary>`dotnet LoanSaaS.Web.dll migrate [--parallel N]`: the catalog, then every agency; one line per agency; exit 1 if any failed.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var parallel = 4;
        var i = Array.IndexOf(args, "--parallel");
        if (i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0) parallel = n;

        var migrator = services.GetRequiredService<TenantMigrator>();
        await migrator.MigrateCatalogAsync(ct);
        await output.WriteLineAsync("catalog: migrated");
        var started = DateTimeOffset.UtcNow;
        var results = await migrator.MigrateTenantsAsync(parallel, r =>
        {
            lock (output)
                output.WriteLine(r.Succeeded
                    ? $"{r.Slug}: ok {r.SchemaVersion} ({r.Elapsed.TotalMilliseconds:F0} ms)"
                    : $"{r.Slug}: FAILED {r.Error}");
        }, ct);
        var failed = results.Count(r => !r.Succeeded);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"migrated {results.Count - failed} of {results.Count} agencies, {failed} failed, parallel {parallel}, {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s"));
        return failed == 0 ? 0 : 1;
    }
}
