using System.Text.RegularExpressions;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LoanSaaS.Integration.Tests.Commands;

/// <summary>`dotnet LoanSaaS.Web.dll migrate --parallel 4` against the fixture's catalog, as a deployment would run it.</summary>
public abstract class MigrateCommandTests(AppHost app, ITestOutputHelper output)
{
    [Fact]
    public async Task Migrate_command_walks_every_agency_and_records_its_schema_version()
    {
        var agencies = new List<Agency>();
        for (var i = 0; i < 3; i++) agencies.Add(await app.ProvisionAgencyAsync(TestIds.Slug($"mig{i}")));
        var slugs = agencies.Select(a => a.Slug).ToList();
        string latest;
        await using (var db = app.OpenAgencyDb(agencies[0].Info)) latest = db.Database.GetMigrations().Last();

        // Forget the recorded versions so the command has to write them again.
        int expected;
        await using (var catalog = app.OpenCatalog())
        {
            await catalog.Tenants.Where(t => slugs.Contains(t.Slug)).ExecuteUpdateAsync(s => s.SetProperty(t => t.SchemaVersion, (string?)null));
            expected = await catalog.Tenants.CountAsync(t => t.State != TenantState.Deleted && t.ProvisioningStep != ProvisioningStep.Registered);
        }

        var result = await MigrateCommandRunner.RunAsync(app);
        output.WriteLine(result.Stdout);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Lines;
        Assert.Contains("catalog: migrated", lines);
        foreach (var slug in slugs)
            Assert.Single(lines, l => l.StartsWith($"{slug}: ok {latest} ", StringComparison.Ordinal));
        Assert.Equal(expected, lines.Count(l => Regex.IsMatch(l, @"^[a-z0-9-]+: ok ")));
        Assert.Contains(lines, l => l.StartsWith($"migrated {expected} of {expected} agencies, 0 failed", StringComparison.Ordinal));

        await using (var catalog = app.OpenCatalog())
        {
            var versions = await catalog.Tenants.Where(t => slugs.Contains(t.Slug)).Select(t => t.SchemaVersion).ToListAsync();
            Assert.Equal(3, versions.Count);
            Assert.All(versions, v => Assert.Equal(latest, v));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMigrateCommandTests(SqliteAppHost app, ITestOutputHelper output) : MigrateCommandTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrateCommandTests(PostgresAppHost app, ITestOutputHelper output) : MigrateCommandTests(app, output);
