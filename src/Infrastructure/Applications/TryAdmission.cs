using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <param name="AmountWan">The amount to try, with <paramref name="TermMonths"/>; without both, the customer's wish.</param>
/// <param name="MissingDocuments">How many of the product's documents to count as missing (0: all uploaded).</param>
public sealed record TryAdmissionRequest(Guid LeadId, Guid ProductId, decimal? AmountWan = null, int? TermMonths = null, int MissingDocuments = 0);

/// <summary>
/// 试算 on the admission settings (needs ManageSettings): which enabled rules would block this customer's application
/// for this product, as a submission would check them. Refusals: Lead.NotFound (outside the viewer's scope or agency),
/// Product.NotFound, MissingDocuments.Range.
/// </summary>
public sealed class TryAdmission(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<AdmissionFailure>>> HandleAsync(TryAdmissionRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        if (request.MissingDocuments is < 0 or > 100) return Result<IReadOnlyList<AdmissionFailure>>.Fail("MissingDocuments", "Range");
        await using var db = contexts.Create();
        var lead = await db.Leads.AsNoTracking().Include(l => l.CustomValues).VisibleOrPooled(user).FirstOrDefaultAsync(l => l.Id == request.LeadId, ct);
        if (lead is null) return Result<IReadOnlyList<AdmissionFailure>>.Fail([LeadDetailAccess.NotFound]);
        var product = await db.LoanProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ProductId, ct);
        if (product is null) return Result<IReadOnlyList<AdmissionFailure>>.Fail([Products.SaveProduct.NotFound]);
        // A trial application only carries what was asked; ApplicationFacts takes the customer's wish for the rest.
        var trial = request is { AmountWan: { } amount, TermMonths: { } term }
            ? new LoanApplication { Number = "", OwnerId = user.UserId, LeadId = lead.Id, ProductId = product.Id, AmountWan = amount, TermMonths = term }
            : null;
        return Result<IReadOnlyList<AdmissionFailure>>.Ok(
            await CheckAdmission.FailuresAsync(db, lead, product, trial, request.MissingDocuments, time.GetUtcNow(), ct));
    }
}
