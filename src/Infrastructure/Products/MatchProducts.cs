using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Products;

/// <summary>
/// The matching of one customer: every active product ranked (<see cref="ProductMatching"/>), with what the page needs
/// to put the reasons in words (the agency's application fields and the names of loan types and products).
/// </summary>
public sealed record ProductMatches(Guid LeadId, decimal? AmountWan, int? TermMonths, IReadOnlyList<ProductMatch> Matches,
    Domain.Automation.ConditionSchema<ApplicationFacts> Schema, ConditionChoices Choices);

/// <summary>
/// 产品匹配 for a lead or customer the viewer may see (else Lead.NotFound — other people's or agencies' leads reveal
/// nothing): the customer's facts against each active product's eligibility, amount and term ranges.
/// </summary>
public sealed class MatchProducts(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<Result<ProductMatches>> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await db.Leads.AsNoTracking().Include(l => l.CustomValues).VisibleOrPooled(user).FirstOrDefaultAsync(l => l.Id == leadId, ct);
        if (lead is null) return Result<ProductMatches>.Fail([LeadDetailAccess.NotFound]);

        var products = await db.LoanProducts.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct);
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        var schema = ApplicationConditions.With(fields.All);
        var now = time.GetUtcNow();
        var matches = ProductMatching.Match(lead, products, schema, Shanghai.DateOf(now), now);
        return Result<ProductMatches>.Ok(new ProductMatches(lead.Id, lead.AmountWan, lead.TermMonths, matches, schema,
            await NamingChoicesAsync(db, fields, ct)));
    }

    /// <summary>The names a condition over applications shows: loan types and products (no member lists: not the viewer's business).</summary>
    public static async Task<ConditionChoices> NamingChoicesAsync(AgencyDbContext db, CustomFieldSet fields, CancellationToken ct)
    {
        var dictionaries = await LeadDictionaries.LoadAsync(db, ct);
        var loanTypes = dictionaries.Active(DictionaryKind.LoanType).Select(i => new LeadFilterChoice(i.Key, i.Name)).ToList();
        var products = await db.LoanProducts.AsNoTracking().OrderBy(p => p.Code).Select(p => new LeadFilterChoice(p.Id.ToString(), p.Name)).ToListAsync(ct);
        return new ConditionChoices(new Dictionary<string, IReadOnlyList<LeadFilterChoice>> { [nameof(DictionaryKind.LoanType)] = loanTypes }, [], [], [], [], fields.Schema)
        {
            Products = products,
        };
    }
}
