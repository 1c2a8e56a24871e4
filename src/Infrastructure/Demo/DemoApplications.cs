using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Demo;

/// <summary>
/// The demo agency's applications (进件), made through the use cases as their customers' owners: drafts with some of
/// their documents, a draft without any, and applications with every document submitted through
/// <see cref="SubmitApplication"/> (so the approval flow starts for them). Only into an agency without applications.
/// </summary>
internal static class DemoApplications
{
    private const int Count = 6;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var contexts = services.GetRequiredService<ITenantDbContextFactory>();
        List<Lead> customers;
        Dictionary<string, AgencyUser> owners;
        List<Domain.Products.LoanProduct> products;
        await using (var db = contexts.Create())
        {
            if (await db.LoanApplications.AnyAsync(ct)) return;
            customers = await db.Leads.AsNoTracking()
                .Where(l => l.Status == LeadStatus.Active && l.ConvertedAt != null && l.OwnerId != null)
                .OrderBy(l => l.Number).Take(Count).ToListAsync(ct);
            var ownerIds = customers.Select(c => c.OwnerId!).Distinct().ToList();
            owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            products = await db.LoanProducts.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).ToListAsync(ct);
        }
        if (products.Count == 0) return;

        for (var i = 0; i < customers.Count; i++)
        {
            var customer = customers[i];
            if (!owners.TryGetValue(customer.OwnerId!, out var owner)) continue;
            var user = new CurrentUser(owner.Id, owner.FullName, owner.Role, AgencyRoles.ScopeOf(owner.Role), owner.TeamId, AgencyRoles.PermissionsOf(owner.Role));
            var product = products[i % products.Count];
            var amount = Math.Clamp(customer.AmountWan ?? product.MinAmountWan * 2, product.MinAmountWan, product.MaxAmountWan);
            var term = Math.Clamp(customer.TermMonths ?? 12, product.MinTermMonths, product.MaxTermMonths);
            var input = new ApplicationInput(decimal.Round(amount, 2), term, product.RepaymentMethods[i % product.RepaymentMethods.Count], Purposes[i % Purposes.Length]);
            var created = await services.GetRequiredService<CreateApplication>().CreateAsAsync(user, new CreateApplicationRequest(customer.Id, product.Id, input), ct);
            if (!created.Succeeded) continue;

            // 0, 3: every document and submitted; 1, 4: some documents; 2, 5: none yet.
            var documents = (i % 3) switch
            {
                0 => product.RequiredDocuments,
                1 => product.RequiredDocuments.Take(2).ToList(),
                _ => [],
            };
            var upload = services.GetRequiredService<UploadApplicationDocument>();
            for (var d = 0; d < documents.Count; d++)
            {
                var pdf = documents[d].Contains("征信", StringComparison.Ordinal) || documents[d].Contains("流水", StringComparison.Ordinal);
                using var content = new MemoryStream(pdf ? SampleDocuments.Pdf("LoanSaaS demo document") : SampleDocuments.Png(seed: i + d));
                await upload.UploadAsAsync(user, new UploadApplicationDocumentRequest(created.Value, documents[d], content,
                    documents[d] + (pdf ? ".pdf" : ".png"), content.Length), ct);
            }
            if (i % 3 == 0)
                await services.GetRequiredService<SubmitApplication>().SubmitAsAsync(user, new SubmitApplicationRequest(created.Value, 1), ct);
        }
    }

    private static readonly string[] Purposes = ["店铺装修", "经营周转", "购置设备", "家庭消费", "车辆置换", "补充流动资金"];
}
