using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Products;
using LoanSaaS.Infrastructure.Approvals;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.E2E.Tests.Approvals;

/// <summary>
/// Puts a submitted application into the demo agency's SQLite database the way SubmitApplication would, on a
/// countersign flow of its own (the application pages come with the applications feature, not this one).
/// </summary>
public static class ApprovalSeed
{
    public sealed record Seeded(Guid ApplicationId, string Number, Guid LeadId, string LeadName);

    public static async Task<Seeded> CountersignAsync(string dataDirectory, string slug, string ownerMobile, string approverA, string approverB)
    {
        var path = Path.Combine(dataDirectory, "tenants", slug + ".db");
        await using var db = new SqliteAgencyDbContext(new DbContextOptionsBuilder<SqliteAgencyDbContext>().UseSqlite($"Data Source={path};Default Timeout=30").Options);
        var users = await db.Users.AsNoTracking().Where(u => u.PhoneNumber == ownerMobile || u.PhoneNumber == approverA || u.PhoneNumber == approverB).ToListAsync();
        var owner = users.Single(u => u.PhoneNumber == ownerMobile);
        var signers = new[] { approverA, approverB }.Select(m => users.Single(u => u.PhoneNumber == m).Id).ToList();
        var now = DateTimeOffset.UtcNow;
        var key = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        var definition = new ApprovalFlowDefinition("会签审批", 1,
            [
                ApprovalNode.Start("start", "提交进件"),
                ApprovalNode.Approve("review", "管理层会签", new ApproverSettings(ApproverKind.Users, [], signers, ApprovalMode.All, 24, TimeoutAction.Remind)),
                ApprovalNode.End("ok", "审批通过", ApprovalOutcome.Approved), ApprovalNode.End("no", "审批拒绝", ApprovalOutcome.Rejected),
            ],
            [new("start", "review", null, false), new("review", "ok", null, false), new("review", "no", null, false) { OnRejected = true }]);
        var flow = new ApprovalFlowVersion
        {
            FlowKey = key, Name = definition.Name, Version = 1, Status = ApprovalFlowStatus.Published, Definition = definition, CreatedAt = now, PublishedAt = now,
        };
        var product = LoanProduct.From(SampleProducts.All[0]);
        (product.Code, product.ApprovalFlowKey) = ("E2E" + key[4..], key);
        db.ApprovalFlows.Add(flow);
        db.LoanProducts.Add(product);
        // A customer of the owner's on a board with no application yet, so its card's badge is this application's.
        var lead = await db.Leads.AsNoTracking()
            .Where(l => l.OwnerId == owner.Id && l.ConvertedAt != null && l.Status == Domain.Leads.LeadStatus.Active && l.StageId != null && !db.LoanApplications.Any(a => a.LeadId == l.Id))
            .OrderBy(l => l.CreatedAt).FirstAsync();
        var application = new LoanApplication
        {
            Number = "JJ" + now.ToString("yyyyMMdd") + Random.Shared.Next(1000, 9999), LeadId = lead.Id, ProductId = product.Id, AmountWan = 80, TermMonths = 36,
            RepaymentMethod = RepaymentMethod.EqualInstallment, OwnerId = owner.Id, TeamId = owner.TeamId, CreatedById = owner.Id, CreatedAt = now, UpdatedAt = now,
            SubmittedAt = now, SubmittedById = owner.Id, Status = ApplicationStatus.InApproval, Version = 1,
        };
        db.LoanApplications.Add(application);
        await db.SaveChangesAsync();

        var runtime = new ApprovalRuntime(new AuditLog(TimeProvider.System));
        var started = await runtime.ApplyAsync(db, application, null, flow, new ApprovalSubmitted(flow.Id, flow.Version), new AuditActor(owner.Id, owner.FullName), now, CancellationToken.None);
        if (!started.Succeeded) throw new InvalidOperationException(string.Join(",", started.Errors));
        await db.SaveChangesAsync();
        return new Seeded(application.Id, application.Number, lead.Id, lead.Name);
    }
}
