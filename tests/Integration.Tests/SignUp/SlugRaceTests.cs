using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.SignUp;

/// <summary>Concurrent sign-ups for one slug: the catalog's unique index lets exactly one win.</summary>
public abstract class SlugRaceTests(AppHost app)
{
    [Fact]
    public async Task Parallel_sign_ups_with_the_same_slug_have_exactly_one_winner()
    {
        const int contenders = 5;
        var slug = TestIds.Slug("race");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, contenders).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await app.SignUpAsync(new SignUpRequest($"竞争者{i}", slug, $"负责人{i}", TestIds.Mobile(), TestIds.Email($"racer{i}"), TestIds.Password));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.Succeeded).ToList();
        Assert.Single(winners);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal([new FieldError("Slug", "SlugTaken")], r.Errors));

        await using (var db = app.OpenCatalog())
            Assert.Equal(1, await db.Tenants.CountAsync(t => t.Slug == slug));

        Assert.Equal(TenantState.Active, await app.ProvisionAsync(winners[0].Value));
        Assert.Equal([new FieldError("Slug", "SlugTaken")],
            (await app.SignUpAsync(new SignUpRequest("晚到者", slug, "负责人", TestIds.Mobile(), TestIds.Email("late"), TestIds.Password))).Errors);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSlugRaceTests(SqliteAppHost app) : SlugRaceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSlugRaceTests(PostgresAppHost app) : SlugRaceTests(app);
