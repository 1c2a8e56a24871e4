using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>Leads for the duplicate and merge tests, created through CaptureLeads like every channel.</summary>
internal static class DuplicateLeadFixtures
{
    /// <summary>A city no other test uses, so name + city groups stay within one test.</summary>
    public static string City() => "城" + TestIds.Hex8();

    public static async Task<Lead> CaptureAsync(AppHost app, Agency agency, LeadInput input, string? ownerId)
    {
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var result = Assert.Single(await scope.Get<CaptureLeads>().HandleAsync([input],
            new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.Skip) { OwnerId = ownerId }, CancellationToken.None));
        Assert.Equal(CaptureOutcome.Created, result.Outcome);
        await using var db = app.OpenAgencyDb(agency.Info);
        return await db.Leads.AsNoTracking().Include(l => l.Tags).SingleAsync(l => l.Id == result.LeadId);
    }

    /// <summary>
    /// Gives <paramref name="lead"/> the sealed mobile (or ID number) of <paramref name="source"/>, as data from before
    /// de-duplication existed would have it; capture itself never creates such a pair.
    /// </summary>
    public static async Task CopySealedAsync(AppHost app, Agency agency, Guid lead, Guid source, bool mobile)
    {
        await using var db = app.OpenAgencyDb(agency.Info);
        var from = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == source);
        var to = await db.Leads.SingleAsync(l => l.Id == lead);
        if (mobile) to.Mobile = from.Mobile;
        else to.IdNumber = from.IdNumber;
        await db.SaveChangesAsync();
    }

    public static async Task<FollowUp> AddFollowUpAsync(AppHost app, Agency agency, Guid leadId, DateTimeOffset? nextAt)
    {
        await using var db = app.OpenAgencyDb(agency.Info);
        var followUp = new FollowUp
        {
            LeadId = leadId, Channel = FollowUpChannel.Phone, Content = "聊过", Outcome = FollowUpOutcome.CallBack,
            At = DateTimeOffset.UtcNow, NextAt = nextAt, AuthorId = agency.OwnerUserId, AuthorName = agency.OwnerName,
        };
        db.FollowUps.Add(followUp);
        var lead = await db.Leads.SingleAsync(l => l.Id == leadId);
        lead.NextFollowUpAt = nextAt;
        await db.SaveChangesAsync();
        return followUp;
    }
}
