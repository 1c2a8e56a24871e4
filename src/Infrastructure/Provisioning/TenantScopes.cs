using LoanSaaS.Tenancy.Resolution;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Provisioning;

/// <summary>
/// A short DI scope bound to one agency, for work outside a request (provisioning, the demo seed) and for
/// Identity operations from a circuit, so a UserManager and its DbContext never outlive one operation.
/// </summary>
public sealed class TenantScopes(IServiceScopeFactory scopes)
{
    public AsyncServiceScope Begin(TenantInfo tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
        return scope;
    }
}
