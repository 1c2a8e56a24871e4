using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

public abstract class ConvertToCustomerTests(AppHost app)
{
    private Task<Result<string>> ConvertAsync(Agency agency, string member, Guid id) =>
        AsAsync(app, agency, member, s => s.Get<ConvertToCustomer>().HandleAsync(id, default));

    [Fact]
    public async Task Converting_keeps_the_record_and_its_history_and_numbers_the_customer()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);
        Assert.True((await AsAsync(app, w.Agency, w.SalesA.UserId,
            s => s.Get<EditLead>().HandleAsync(new EditLeadRequest(id, 0, Input() with { Mobile = null, City = "宁波" }), default))).Succeeded);

        var result = await ConvertAsync(w.Agency, w.SalesA.UserId, id);

        Assert.Matches(@"^C\d{8}\d{4,}$", result.Value);
        var detail = (await AsAsync(app, w.Agency, w.SalesA.UserId, s => s.Get<GetLead>().HandleAsync(id, default))).Value!;
        Assert.Equal(result.Value, detail.CustomerNumber);
        Assert.True(detail.IsCustomer);
        Assert.StartsWith("L", detail.Number);
        var timeline = (await AsAsync(app, w.Agency, w.SalesA.UserId, s => s.Get<GetLeadTimeline>().HandleAsync(id, default))).Value!;
        Assert.Equal(["converted", "updated", "created"], timeline.Select(e => e.Kind));
        Assert.Equal(result.Value, timeline[0].Data["customerNumber"]);

        var again = await ConvertAsync(w.Agency, w.SalesA.UserId, id);
        Assert.Equal("AlreadyCustomer", Assert.Single(again.Errors).Code);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(1, await db.Leads.CountAsync(l => l.Id == id));
    }

    [Fact]
    public async Task Leads_outside_the_scope_or_the_agency_are_not_found()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        Assert.Equal("NotFound", Assert.Single((await ConvertAsync(w.Agency, w.SalesB.UserId, id)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await ConvertAsync(w.Agency, w.ManagerB.UserId, id)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await ConvertAsync(w.Other, w.OtherSales.UserId, id)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await ConvertAsync(w.Other, w.Other.OwnerUserId, id)).Errors).Code);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Null((await db.Leads.SingleAsync(l => l.Id == id)).CustomerNumber);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteConvertToCustomerTests(SqliteAppHost app) : ConvertToCustomerTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresConvertToCustomerTests(PostgresAppHost app) : ConvertToCustomerTests(app);
