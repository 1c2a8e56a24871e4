using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

public abstract class RevealPersonalDataTests(AppHost app)
{
    private Task<Result<string>> RevealAsync(Agency agency, string member, Guid id, RevealField field, string? reason) =>
        AsAsync(app, agency, member, s => s.Get<RevealPersonalData>().HandleAsync(new RevealPersonalDataRequest(id, field, reason), default));

    [Fact]
    public async Task A_reveal_with_a_reason_shows_the_value_and_is_audited_without_it()
    {
        var w = await WorldAsync(app);
        var mobile = TestIds.Mobile();
        var idNumber = IdNumber();
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId, Input(mobile, idNumber));

        var shown = await RevealAsync(w.Agency, w.SalesA.UserId, id, RevealField.Mobile, "  回访客户 ");
        var card = await RevealAsync(w.Agency, w.ManagerA.UserId, id, RevealField.IdNumber, "核对身份");

        Assert.Equal(mobile, shown.Value);
        Assert.Equal(idNumber, card.Value);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var entries = await db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == "lead.revealed").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([w.SalesA.UserId, w.ManagerA.UserId], entries.Select(e => e.ActorId));
        Assert.Contains("回访客户", Plain(entries[0].Details));
        Assert.Contains("\"Mobile\"", entries[0].Details);
        Assert.DoesNotContain(mobile, entries[0].Details);
        Assert.DoesNotContain(idNumber, entries[1].Details);
    }

    [Fact]
    public async Task Without_a_reason_nothing_is_shown_nor_logged()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        var result = await RevealAsync(w.Agency, w.SalesA.UserId, id, RevealField.Mobile, "   ");

        Assert.Equal(new FieldError("Reason", "Required"), Assert.Single(result.Errors));
        Assert.Null(result.Value);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == "lead.revealed"));
    }

    [Fact]
    public async Task Without_the_permission_the_reveal_is_refused()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => RevealAsync(w.Agency, w.NoReveal.UserId, id, RevealField.Mobile, "想看看"));
    }

    [Fact]
    public async Task Leads_outside_the_scope_or_the_agency_are_not_found()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        Assert.Equal("NotFound", Assert.Single((await RevealAsync(w.Agency, w.SalesB.UserId, id, RevealField.Mobile, "回访")).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await RevealAsync(w.Agency, w.ManagerB.UserId, id, RevealField.Mobile, "回访")).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await RevealAsync(w.Other, w.OtherSales.UserId, id, RevealField.Mobile, "回访")).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await RevealAsync(w.Other, w.Other.OwnerUserId, id, RevealField.Mobile, "回访")).Errors).Code);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRevealPersonalDataTests(SqliteAppHost app) : RevealPersonalDataTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRevealPersonalDataTests(PostgresAppHost app) : RevealPersonalDataTests(app);
