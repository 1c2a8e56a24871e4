using System.Collections.Concurrent;
using System.Diagnostics;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LoanSaaS.Integration.Tests.Database;

/// <summary>
/// Database per agency on one PostgreSQL server: 200 agencies, all used again and again, must not need 200 pools of
/// connections. The app's budget (10 active tenant pools × 4 + a catalog pool of 6) bounds what the server sees.
/// </summary>
[Collection(PostgresBudgetCollection.Name)]
public sealed class ConnectionBudgetTests(PostgresBudgetAppHost app, ITestOutputHelper output)
{
    private const int Agencies = 200;
    private const int MaxServerConnections = 50;

    [Fact]
    public async Task Two_hundred_active_agencies_stay_within_the_connection_budget()
    {
        await using var sampler = await ConnectionSampler.StartAsync(app.DatabaseNamePrefix, app.CatalogDatabase);

        var clock = Stopwatch.StartNew();
        var agencies = new ConcurrentBag<TenantInfo>();
        long signUpTicks = 0, provisionTicks = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, Agencies), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
        {
            var slug = $"cb{i:D3}";
            var step = Stopwatch.StartNew();
            var signUp = await app.SignUpAsync(new SignUpRequest($"预算机构{i}", slug, $"负责人{i}", TestIds.Mobile(), $"owner{i}@budget.example.com", TestIds.Password));
            Assert.True(signUp.Succeeded, $"{slug}: {string.Join(", ", signUp.Errors)}");
            Interlocked.Add(ref signUpTicks, step.Elapsed.Ticks);
            step.Restart();
            var state = await app.ProvisionAsync(signUp.Value);
            Interlocked.Add(ref provisionTicks, step.Elapsed.Ticks);
            var tenant = await app.CatalogTenantAsync(signUp.Value);
            Assert.True(state == TenantState.Active, $"{slug} ended {state}: {tenant.ProvisioningError}");
            agencies.Add(TenantStore.ToInfo(tenant));
        });
        var provisioningPeak = sampler.TakeMax();
        output.WriteLine($"provisioned {Agencies} agencies in {clock.Elapsed.TotalSeconds:F1} s (parallel 6; per agency on average "
            + $"sign-up {TimeSpan.FromTicks(signUpTicks / Agencies).TotalMilliseconds:F0} ms, provisioning {TimeSpan.FromTicks(provisionTicks / Agencies).TotalMilliseconds:F0} ms); "
            + $"peak server connections {provisioningPeak}");
        Assert.Equal(Agencies, (await app.ListDatabasesAsync()).Count - 1);

        clock.Restart();
        var queries = 0;
        for (var round = 0; round < 3; round++)
        {
            await Parallel.ForEachAsync(agencies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (tenant, ct) =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                await using var db = scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().Create(tenant);
                Assert.Equal(1, await db.Users.CountAsync(ct));
                Interlocked.Increment(ref queries);
            });
        }
        var activePeak = sampler.Max;
        var activePools = app.Services.GetRequiredService<TenantDataSourceRegistry>().ActivePools;
        output.WriteLine($"{queries} agency queries (3 rounds × {Agencies}, 8 workers) in {clock.Elapsed.TotalSeconds:F1} s; "
            + $"peak server connections {activePeak} (budget {MaxServerConnections}), {sampler.Samples} samples; active tenant pools {activePools}");

        Assert.Equal(3 * Agencies, queries);
        Assert.True(provisioningPeak <= MaxServerConnections, $"provisioning peaked at {provisioningPeak} server connections");
        Assert.True(activePeak <= MaxServerConnections, $"the active loop peaked at {activePeak} server connections");
        Assert.True(activePools <= PostgresBudgetAppHost.MaxActiveTenantPools, $"{activePools} tenant pools are active");
    }
}
