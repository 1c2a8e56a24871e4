using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Tests.Automation;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Automation;

/// <summary>
/// Every condition case runs as SQL on the agency database and selects exactly what the in-memory check selects:
/// EF translates the whole expression (it throws rather than evaluate on the client), with NULLs handled alike.
/// </summary>
public abstract class ConditionSqlTests(AppHost app)
{
    private sealed record World(Agency Agency, string Prefix);

    private Task<World> WorldAsync() => app.SharedAsync("condition-sql", async () =>
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("cond"));
        var prefix = "条" + TestIds.Hex8()[..4];
        await using var db = app.OpenAgencyDb(agency.Info);
        db.CustomFields.AddRange(ConditionSamples.Fields.Select(f => new Domain.CustomFields.CustomField { Id = f.Id, Label = f.Label, Type = f.Type, Options = [.. f.Options] }));
        await db.SaveChangesAsync();
        db.Leads.AddRange(ConditionSamples.Leads(prefix));
        await db.SaveChangesAsync();
        return new World(agency, prefix);
    });

    public static TheoryData<string> CaseNames() => [.. ConditionSamples.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_condition_selects_in_SQL_what_it_selects_in_memory(string name)
    {
        var (agency, prefix) = await WorldAsync();
        var (_, condition, expected) = ConditionSamples.Cases.Single(c => c.Name == name);
        var filter = ConditionCompiler.ToExpression(condition, ConditionSamples.Schema, ConditionSamples.Now);

        await using var db = app.OpenAgencyDb(agency.Info);
        var query = db.Leads.AsNoTracking().Where(l => l.Name.StartsWith(prefix)).Where(filter);
        var names = await query.Select(l => l.Name).ToListAsync();

        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Select(n => n[prefix.Length..]).Order(StringComparer.Ordinal));
        // Values are parameters, never SQL text.
        if (condition is Comparison { Values.Count: > 0 } comparison && comparison.Values[0].Length > 1)
            Assert.DoesNotContain(comparison.Values[0], query.ToQueryString().Split('\n').Where(IsSql), StringComparer.Ordinal);
    }

    /// <summary>ToQueryString lists the parameters' values first ("-- @p='…'" or ".param set @p '…'"); the rest is the SQL.</summary>
    private static bool IsSql(string line) => !line.TrimStart().StartsWith("-- ", StringComparison.Ordinal) && !line.TrimStart().StartsWith(".param", StringComparison.Ordinal);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteConditionSqlTests(SqliteAppHost app) : ConditionSqlTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresConditionSqlTests(PostgresAppHost app) : ConditionSqlTests(app);
