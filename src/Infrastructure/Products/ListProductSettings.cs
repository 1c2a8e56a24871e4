using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Products;

/// <summary>
/// What the product catalog and admission settings show and edit: every product (active first), the published flows,
/// the fields of conditions over applications (the agency's own included) and the choices of their select fields.
/// </summary>
public sealed record ProductSettings(IReadOnlyList<LoanProduct> Products, IReadOnlyList<FlowChoice> Flows, ConditionSchema<ApplicationFacts> Schema,
    ConditionChoices Choices, IReadOnlyList<LeadFilterChoice> LoanTypes);

/// <summary>Reads <see cref="ProductSettings"/> (needs ManageSettings).</summary>
public sealed class ListProductSettings(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<ProductSettings> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var products = (await db.LoanProducts.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(p => p.IsActive).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        var choices = await MatchProducts.NamingChoicesAsync(db, fields, ct);
        return new ProductSettings(products, await ApprovalFlowChoices.PublishedAsync(db, ct), ApplicationConditions.With(fields.All), choices,
            choices.Dictionaries.GetValueOrDefault(nameof(DictionaryKind.LoanType)) ?? []);
    }
}
