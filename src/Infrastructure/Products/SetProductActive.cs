using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Products;

/// <summary>
/// Takes a product off the shelf (no longer matched or offered for new applications; existing ones keep it) or puts it
/// back (needs ManageSettings), against its version. Refusals: Product.NotFound, ChangedByOthers.
/// </summary>
public sealed class SetProductActive(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live)
{
    public async Task<Result> HandleAsync(Guid productId, long version, bool active, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var product = await db.LoanProducts.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return Result.Fail([SaveProduct.NotFound]);
        if (product.Version != version) return Result.Fail([ConcurrentSave.ChangedByOthers]);
        if (product.IsActive == active) return Result.Ok();
        product.IsActive = active;
        product.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), active ? "product.activated" : "product.deactivated", "product", product.Id.ToString(),
            new { code = product.Code, name = product.Name });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return refused;
        await live.PublishAsync(ProductEvents.Topic(tenant.Required.Id), ProductEvents.Changed(product.Id), ct);
        return Result.Ok();
    }
}
