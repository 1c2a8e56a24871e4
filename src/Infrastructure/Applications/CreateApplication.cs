using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

public sealed record CreateApplicationRequest(Guid LeadId, Guid ProductId, ApplicationInput Input);

/// <summary>
/// Starts a draft application (进件) of a customer the member may see for an active product, with terms inside the
/// product's ranges. Numbered JJ + Shanghai date + sequence; owned by the customer's owner.
/// Refusals: Lead.NotFound / NotActive / NotCustomer, Product.NotFound / Inactive, and the fields' codes
/// (Amount, Term, RepaymentMethod, Purpose, Related* — see <see cref="ApplicationInputRules"/>). The optional co-borrower /
/// guarantor's mobile is sealed like a lead's; the audit records its mask only.
/// </summary>
public sealed class CreateApplication(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, TenantPersonalData personalData, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(CreateApplicationRequest request, CancellationToken ct) =>
        await CreateAsAsync(await current.RequireAsync(Permission.None, ct), request, ct);

    /// <summary>As <paramref name="user"/> (the demo seeder creates applications for its sales people).</summary>
    public async Task<Result<Guid>> CreateAsAsync(CurrentUser user, CreateApplicationRequest request, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var lead = await LeadDetailAccess.FindAsync(db.Leads.AsNoTracking(), user, request.LeadId, orPooled: false, ct);
        if (lead is null) return Result<Guid>.Fail([LeadDetailAccess.NotFound]);
        if (lead.Status != LeadStatus.Active) return Result<Guid>.Fail("Lead", "NotActive");
        if (!lead.IsCustomer) return Result<Guid>.Fail("Lead", "NotCustomer");
        var product = await db.LoanProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ProductId, ct);
        if (product is null) return Result<Guid>.Fail("Product", "NotFound");
        if (!product.IsActive) return Result<Guid>.Fail("Product", "Inactive");
        var errors = ApplicationInputs.Check(request.Input, product);
        if (errors.Count > 0) return Result<Guid>.Fail(ApplicationInputs.Errors(errors));
        var related = ApplicationInputs.Related(request.Input, await personalData.GetAsync(ct));

        var key = ApplicationInputRules.SequenceKey(Shanghai.Today(time));
        var number = ApplicationInputRules.Number(key, await NumberSequences.ReserveAsync(contexts, key, 1, ct));
        var now = time.GetUtcNow();
        var application = new LoanApplication
        {
            Number = number, LeadId = lead.Id, ProductId = product.Id,
            AmountWan = request.Input.AmountWan!.Value, TermMonths = request.Input.TermMonths!.Value,
            RepaymentMethod = request.Input.RepaymentMethod!.Value, Purpose = ApplicationInputs.Purpose(request.Input.Purpose),
            OwnerId = lead.OwnerId ?? user.UserId, TeamId = lead.OwnerId is null ? user.TeamId : lead.TeamId,
            CreatedById = user.UserId, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        ApplicationInputs.Apply(application, related);
        db.LoanApplications.Add(application);
        ApplicationAccess.Audit(audit, db, user, "created", application, new
        {
            number, product = product.Name, amount = application.AmountWan, term = application.TermMonths, method = application.RepaymentMethod.ToString(),
            related = ApplicationInputs.AuditOf(related),
        });
        await db.SaveChangesAsync(ct);
        await ApplicationAccess.PublishChangedAsync(live, tenant, application, ct);
        return Result<Guid>.Ok(application.Id);
    }
}
