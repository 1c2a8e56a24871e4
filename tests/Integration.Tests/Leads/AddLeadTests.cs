using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

public abstract class AddLeadTests(AppHost app)
{
    [Fact]
    public async Task A_manual_lead_belongs_to_the_member_who_typed_it()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Id == id);
        Assert.Equal((w.SalesA.UserId, LeadStatus.Active, LeadChannel.Manual), (lead.OwnerId, lead.Status, lead.Channel));
        Assert.NotNull(lead.TeamId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == "lead.created" && a.ActorId == w.SalesA.UserId));
    }

    [Fact]
    public async Task A_duplicate_is_reported_with_the_existing_number_and_a_link_only_for_those_who_may_see_it()
    {
        var w = await WorldAsync(app);
        var mobile = TestIds.Mobile();
        var first = await AddAsync(app, w.Agency, w.SalesA.UserId, Input(mobile));

        var own = await AsAsync(app, w.Agency, w.SalesA.UserId, s => s.Get<AddLead>().HandleAsync(new AddLeadRequest(Input(mobile)), default));
        var foreign = await AsAsync(app, w.Agency, w.SalesB.UserId, s => s.Get<AddLead>().HandleAsync(new AddLeadRequest(Input(mobile)), default));

        Assert.Equal(new FieldError("Lead", "Duplicate"), Assert.Single(own.Errors));
        Assert.Equal(first, own.ExistingLeadId);
        Assert.StartsWith("L", own.ExistingNumber);
        Assert.Equal(new FieldError("Lead", "Duplicate"), Assert.Single(foreign.Errors));
        Assert.Equal(own.ExistingNumber, foreign.ExistingNumber);
        Assert.Null(foreign.ExistingLeadId);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Id == first);
        Assert.Equal((w.SalesA.UserId, 0L), (lead.OwnerId, lead.Version));
    }

    [Fact]
    public async Task Bad_input_comes_back_field_by_field_and_nothing_is_created()
    {
        var w = await WorldAsync(app);
        var result = await AsAsync(app, w.Agency, w.SalesA.UserId,
            s => s.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = "张三", Mobile = "1234" }), default));
        Assert.Equal(new FieldError("Mobile", "Invalid"), Assert.Single(result.Errors));
        Assert.Null(result.LeadId);
    }

    [Fact]
    public async Task Only_lead_managers_choose_another_owner_and_only_within_their_team()
    {
        var w = await WorldAsync(app);
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, w.Agency, w.SalesA.UserId,
            s => s.Get<AddLead>().HandleAsync(new AddLeadRequest(Input(), w.SalesB.UserId), default)));

        var outside = await AsAsync(app, w.Agency, w.ManagerA.UserId, s => s.Get<AddLead>().HandleAsync(new AddLeadRequest(Input(), w.SalesB.UserId), default));
        Assert.Equal(new FieldError("Owner", "Unknown"), Assert.Single(outside.Errors));

        var inside = await AsAsync(app, w.Agency, w.ManagerA.UserId, s => s.Get<AddLead>().HandleAsync(new AddLeadRequest(Input(), w.SalesA.UserId), default));
        Assert.True(inside.Succeeded);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(w.SalesA.UserId, (await db.Leads.SingleAsync(l => l.Id == inside.LeadId)).OwnerId);
    }

    [Fact]
    public async Task Another_agency_never_sees_the_lead_as_a_duplicate_nor_can_it_choose_this_agencys_members()
    {
        var w = await WorldAsync(app);
        var mobile = TestIds.Mobile();
        await AddAsync(app, w.Agency, w.SalesA.UserId, Input(mobile));

        var other = await AsAsync(app, w.Other, w.OtherSales.UserId, s => s.Get<AddLead>().HandleAsync(new AddLeadRequest(Input(mobile)), default));
        Assert.True(other.Succeeded);
        await using var owner = await app.OwnerScopeAsync(w.Other);
        var foreignOwner = await owner.Get<AddLead>().HandleAsync(new AddLeadRequest(Input(), w.SalesA.UserId), default);
        Assert.Equal(new FieldError("Owner", "Unknown"), Assert.Single(foreignOwner.Errors));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAddLeadTests(SqliteAppHost app) : AddLeadTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAddLeadTests(PostgresAppHost app) : AddLeadTests(app);
