using System.Net;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Platform;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LoanSaaS.Integration.Tests.Provisioning;

/// <summary>
/// A provisioning that fails leaves the agency Failed at a known step with the reason, never half usable;
/// the platform admin's retry resumes it once the cause is gone.
/// </summary>
public abstract class ProvisioningFailureTests(AppHost app)
{
    private const string FailedTitle = "工作区创建未完成";

    protected abstract ProvisioningStep FailingStep { get; }

    /// <summary>Puts something in the way of provisioning <paramref name="slug"/>.</summary>
    protected abstract Task BreakAsync(string slug);

    protected abstract Task RepairAsync(string slug);

    [Fact]
    public async Task Failed_provisioning_is_reported_and_a_retry_completes_it()
    {
        var slug = TestIds.Slug("fail");
        var mobile = TestIds.Mobile();
        await BreakAsync(slug);

        // The background worker provisions every sign-up once; wait for that run to end.
        var signUp = await app.SignUpAsync(new SignUpRequest("失败机构", slug, "负责人", mobile, TestIds.Email("failed"), TestIds.Password));
        Assert.True(signUp.Succeeded);
        var failed = await app.WaitForStateAsync(signUp.Value, TenantState.Failed);
        Assert.Equal(FailingStep, failed.ProvisioningStep);
        Assert.False(string.IsNullOrWhiteSpace(failed.ProvisioningError));
        Assert.NotNull(failed.PendingOwner);
        Assert.Null(failed.ActivatedAt);

        using (var client = app.CreateClient(app.AgencyHost(slug)))
        {
            foreach (var path in new[] { "/", "/login" })
            {
                using var page = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                Assert.Contains(FailedTitle, await page.Content.ReadAsStringAsync());
            }
            using var post = await client.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
                { ["_handler"] = "login", ["Input.Login"] = mobile, ["Input.Password"] = TestIds.Password }));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
            Assert.False(post.SetsCookie(AppHost.SessionCookie));
        }

        // The migrate command leaves an agency without a database to provisioning, and reports one whose migration fails.
        var migrate = await MigrateCommandRunner.RunAsync(app);
        if (FailingStep == ProvisioningStep.Registered)
        {
            Assert.True(migrate.ExitCode == 0, migrate.ToString());
            Assert.DoesNotContain(migrate.Lines, l => l.StartsWith(slug + ":", StringComparison.Ordinal));
        }
        else
        {
            Assert.True(migrate.ExitCode == 1, migrate.ToString());
            Assert.Single(migrate.Lines, l => l.StartsWith($"{slug}: FAILED ", StringComparison.Ordinal));
            Assert.Contains(migrate.Lines, l => l.Contains(" agencies, 1 failed", StringComparison.Ordinal));
        }

        await RepairAsync(slug);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var retry = await scope.ServiceProvider.GetRequiredService<ManageAgencyState>().RetryProvisioningAsync(signUp.Value, CancellationToken.None);
            Assert.True(retry.Succeeded, string.Join(", ", retry.Errors));
        }
        var active = await app.WaitForStateAsync(signUp.Value, TenantState.Active);
        Assert.Equal(ProvisioningStep.Completed, active.ProvisioningStep);
        Assert.Null(active.ProvisioningError);
        Assert.Null(active.PendingOwner);

        using var owner = app.CreateClient(app.AgencyHost(slug));
        await AppHost.LoginAsync(owner, mobile, TestIds.Password);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProvisioningFailureTests(SqliteAppHost app) : ProvisioningFailureTests(app)
{
    protected override ProvisioningStep FailingStep => ProvisioningStep.Registered;

    // A folder where the database file should go: the database cannot be created.
    protected override Task BreakAsync(string slug)
    {
        Directory.CreateDirectory(app.TenantFile(slug));
        return Task.CompletedTask;
    }

    protected override Task RepairAsync(string slug)
    {
        Directory.Delete(app.TenantFile(slug));
        return Task.CompletedTask;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresProvisioningFailureTests(PostgresAppHost app) : ProvisioningFailureTests(app)
{
    protected override ProvisioningStep FailingStep => ProvisioningStep.DatabaseCreated;

    // The database exists already (creation is idempotent) but holds a table the first migration wants to create.
    protected override async Task BreakAsync(string slug)
    {
        var name = app.TenantDatabase(slug);
        await using (var server = new NpgsqlConnection(TestServers.PostgresAdmin()))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        await ExecuteInAgencyDatabaseAsync(name, "CREATE TABLE \"Teams\" (\"Squatter\" integer)");
    }

    protected override Task RepairAsync(string slug) => ExecuteInAgencyDatabaseAsync(app.TenantDatabase(slug), "DROP TABLE \"Teams\"");

    private static async Task ExecuteInAgencyDatabaseAsync(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(TestServers.PostgresAdmin(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
