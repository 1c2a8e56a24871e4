using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// The agency's enabled admission rules (进件准入) that block <paramref name="lead"/>'s application for a product, in
/// rule order; empty when it may be submitted. Reads in the caller's context so a submission checks and saves in one
/// unit. <paramref name="lead"/> needs its <see cref="Lead.CustomValues"/> loaded for rules over the agency's fields.
/// </summary>
public static class CheckAdmission
{
    public static async Task<IReadOnlyList<AdmissionFailure>> FailuresAsync(AgencyDbContext db, Lead lead, LoanProduct product, LoanApplication? application,
        int? missingDocuments, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await db.AdmissionRules.AsNoTracking().Where(r => r.IsEnabled && !r.IsArchived).ToListAsync(ct);
        if (rules.Count == 0) return [];
        var schema = ApplicationConditions.With((await CustomFieldSet.LoadAsync(db, ct)).All);
        var facts = ApplicationFacts.For(lead, product, application, Shanghai.DateOf(now), missingDocuments);
        return AdmissionCheck.Failures(rules.OrderBy(r => r.Order).ThenBy(r => r.CreatedAt), facts, schema, now);
    }
}
