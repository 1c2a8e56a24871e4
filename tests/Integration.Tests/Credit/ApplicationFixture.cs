using LoanSaaS.Domain.Applications;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Credit;

public sealed record CustomerApplication(Guid LeadId, Guid ApplicationId, string Name, string Mobile, string? IdNumber, string ProductName);

/// <summary>
/// A customer of a salesperson with one application (written directly: creating applications is the applications
/// feature's own use case), with or without consent and ID number, at a chosen status and approval step.
/// </summary>
public static class ApplicationFixture
{
    public static async Task<CustomerApplication> CustomerWithApplicationAsync(
        AppHost app, Agency agency, string ownerId, bool consent = true, bool withIdNumber = true,
        ApplicationStatus status = ApplicationStatus.InApproval, string? step = "风控复审")
    {
        var mobile = TestIds.Mobile();
        var idNumber = withIdNumber ? LeadPageFixture.IdNumber() : null;
        var leadId = await LeadPageFixture.AddAsync(app, agency, ownerId, LeadPageFixture.Input(mobile, idNumber));
        await using var db = app.OpenAgencyDb(agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Id == leadId);
        var now = DateTimeOffset.UtcNow;
        lead.ConvertedAt = now;
        lead.CustomerNumber = "C" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);
        if (consent)
        {
            lead.ConsentAt = now;
            lead.ConsentVersion = "v1";
        }
        var product = await db.LoanProducts.OrderBy(p => p.Code).FirstAsync();
        var application = new LoanApplication
        {
            Number = "JJ" + TestIds.Hex8(), LeadId = leadId, ProductId = product.Id, AmountWan = 30, TermMonths = 24,
            Status = status, CurrentStep = status == ApplicationStatus.InApproval ? step : null,
            OwnerId = ownerId, TeamId = lead.TeamId, CreatedById = ownerId, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        db.LoanApplications.Add(application);
        await db.SaveChangesAsync();
        return new CustomerApplication(leadId, application.Id, lead.Name, mobile, idNumber, product.Name);
    }
}
