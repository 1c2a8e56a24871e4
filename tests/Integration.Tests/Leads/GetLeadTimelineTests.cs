using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

public abstract class GetLeadTimelineTests(AppHost app)
{
    [Fact]
    public async Task One_timeline_holds_creation_changes_actions_follow_ups_and_the_history_of_merged_leads()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId, Input() with { City = "上海" });
        Assert.True((await AsAsync(app, w.Agency, w.SalesA.UserId,
            s => s.Get<EditLead>().HandleAsync(new EditLeadRequest(id, 0, Input() with { Mobile = null, City = "杭州" }), default))).Succeeded);
        Assert.True((await AsAsync(app, w.Agency, w.SalesA.UserId,
            s => s.Get<RevealPersonalData>().HandleAsync(new RevealPersonalDataRequest(id, RevealField.Mobile, "回访"), default))).Succeeded);
        Assert.True((await AsAsync(app, w.Agency, w.ManagerA.UserId,
            s => s.Get<AssignLead>().HandleAsync(new AssignLeadRequest(id, w.ManagerA.UserId, "主管接手"), default))).Succeeded);
        var merged = await AddAsync(app, w.Agency, w.SalesA.UserId);
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            db.FollowUps.Add(new FollowUp
            {
                LeadId = id, Channel = FollowUpChannel.WeChat, Content = "发了产品资料", Outcome = FollowUpOutcome.Interested,
                At = DateTimeOffset.UtcNow, AuthorId = w.SalesA.UserId, AuthorName = w.SalesA.FullName,
            });
            var old = await db.Leads.SingleAsync(l => l.Id == merged);
            old.Status = LeadStatus.Merged;
            old.MergedIntoId = id;
            await db.SaveChangesAsync();
        }

        var timeline = (await AsAsync(app, w.Agency, w.ManagerA.UserId, s => s.Get<GetLeadTimeline>().HandleAsync(id, default))).Value!;

        Assert.Equal(["assigned", "created", "created", "followup", "revealed", "updated"], timeline.Select(e => e.Kind).Order());
        var update = timeline.Single(e => e.Kind == "updated");
        Assert.Equal(w.SalesA.FullName, update.ActorName);
        Assert.Contains(update.Changes, c => c is { Field: "City", Old: "上海", New: "杭州" });
        Assert.Equal("回访", timeline.Single(e => e.Kind == "revealed").Data["reason"]);
        Assert.Equal("发了产品资料", timeline.Single(e => e.Kind == "followup").FollowUp!.Content);
        var fromMerged = timeline.Single(e => e.Kind == "created" && e.FromNumber is not null);
        Assert.Equal("Manual", fromMerged.Data["channel"]);
        Assert.Equal(w.SalesA.FullName, timeline.Single(e => e.Kind == "created" && e.FromNumber is null).ActorName);
        Assert.Equal(timeline.OrderByDescending(e => e.At).Select(e => e.At), timeline.Select(e => e.At));
    }

    [Fact]
    public async Task Leads_outside_the_scope_or_the_agency_are_not_found()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        Assert.Equal("NotFound", Assert.Single((await AsAsync(app, w.Agency, w.SalesB.UserId, s => s.Get<GetLeadTimeline>().HandleAsync(id, default))).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await AsAsync(app, w.Agency, w.ManagerB.UserId, s => s.Get<GetLeadTimeline>().HandleAsync(id, default))).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await AsAsync(app, w.Other, w.OtherSales.UserId, s => s.Get<GetLeadTimeline>().HandleAsync(id, default))).Errors).Code);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteGetLeadTimelineTests(SqliteAppHost app) : GetLeadTimelineTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresGetLeadTimelineTests(PostgresAppHost app) : GetLeadTimelineTests(app);
