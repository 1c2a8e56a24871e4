using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>Comments with @mentions: the mentioned colleague is notified live; mentions stay inside the lead's scope; other agencies reach nothing.</summary>
public abstract class AddLeadCommentTests(AppHost app)
{
    private Task<LeadListWorld> WorldAsync() => app.SharedAsync("comment-world", () => LeadListWorld.CreateAsync(app, "comment"));

    [Fact]
    public async Task A_comment_mentioning_a_colleague_notifies_them_live_and_shows_in_the_timeline()
    {
        var w = await WorldAsync();
        var heard = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = app.Services.GetRequiredService<ILiveEvents>().Subscribe(NotificationEvents.Topic(w.Agency.Info.Id, w.Manager.UserId), m =>
        {
            heard.TrySetResult(m);
            return Task.CompletedTask;
        });
        await using var salesA = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var people = await salesA.Get<ListLeadMentionables>().HandleAsync(w["甲"], CancellationToken.None);
        Assert.Contains(people, p => p.UserId == w.Manager.UserId);
        Assert.DoesNotContain(people, p => p.UserId == w.SalesB.UserId || p.UserId == w.SalesA.UserId);

        var added = await salesA.Get<AddLeadComment>().HandleAsync(new AddLeadCommentRequest(w["甲"], " 客户想周五来面谈，王经理能参加吗？ ", [w.Manager.UserId]), CancellationToken.None);

        Assert.True(added.Succeeded, string.Join(",", added.Errors));
        Assert.Equal("notification", (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).Kind);
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var note = await db.Notifications.SingleAsync(n => n.UserId == w.Manager.UserId && n.Kind == NotificationKind.Mentioned && n.LeadId == w["甲"]);
            Assert.Equal(w.Prefix + "甲", note.Subject);
        }
        var timeline = (await salesA.Get<GetLeadTimeline>().HandleAsync(w["甲"], CancellationToken.None)).Value!;
        var comment = timeline.First(e => e.Kind == "comment");
        Assert.Equal(("客户想周五来面谈，王经理能参加吗？", "@" + w.Manager.FullName, w.SalesA.FullName), (comment.Data["text"], comment.Data["mentions"], comment.ActorName!));
    }

    [Fact]
    public async Task Out_of_scope_mentions_and_leads_empty_text_and_another_agency_are_refused()
    {
        var w = await WorldAsync();
        await using var salesA = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var comment = salesA.Get<AddLeadComment>();
        async Task<string> RefusedAsync(AddLeadCommentRequest request, AddLeadComment? by = null)
        {
            var result = await (by ?? comment).HandleAsync(request, CancellationToken.None);
            return $"{result.Errors[0].Field}.{result.Errors[0].Code}";
        }

        Assert.Equal("Mentions.NotAllowed", await RefusedAsync(new(w["甲"], "看一下", [w.SalesB.UserId])));
        Assert.Equal("Lead.NotFound", await RefusedAsync(new(w["乙"], "看一下", [])));
        Assert.Equal("Text.Required", await RefusedAsync(new(w["甲"], "  ", [])));
        Assert.Equal("Text.TooLong", await RefusedAsync(new(w["甲"], new string('长', 1001), [])));

        var b = await app.SharedAsync("comment-agency-b", () => app.ProvisionAgencyAsync(TestIds.Slug("commentb")));
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.Equal("Lead.NotFound", await RefusedAsync(new(w["甲"], "乙机构试探", []), ownerB.Get<AddLeadComment>()));
        Assert.Empty(await ownerB.Get<ListLeadMentionables>().HandleAsync(w["甲"], CancellationToken.None));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.False(await db.LeadComments.AnyAsync(c => c.Text == "乙机构试探" || c.Text == "看一下"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAddLeadCommentTests(SqliteAppHost app) : AddLeadCommentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAddLeadCommentTests(PostgresAppHost app) : AddLeadCommentTests(app);
