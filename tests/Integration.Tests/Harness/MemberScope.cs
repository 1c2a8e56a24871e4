using System.Security.Claims;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>
/// A DI scope whose TenantContext is one agency and whose authentication state is one of its members, built with
/// the app's own claims factory (the same principal the sign-in cookie carries). Use cases resolved here behave as
/// in that member's circuit.
/// </summary>
public sealed class MemberScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private MemberScope(AsyncServiceScope scope, ClaimsPrincipal principal)
    {
        _scope = scope;
        Principal = principal;
    }

    public ClaimsPrincipal Principal { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public static async Task<MemberScope> BeginAsync(IServiceProvider root, TenantInfo tenant, string userId)
    {
        var scope = root.CreateAsyncScope();
        try
        {
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<TenantContext>().Use(tenant);
            var user = await sp.GetRequiredService<UserManager<AgencyUser>>().FindByIdAsync(userId)
                ?? throw new InvalidOperationException($"No member {userId} in {tenant.Slug}.");
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AgencyUser>>().CreateAsync(user);
            var auth = sp.GetRequiredService<AuthenticationStateProvider>() as IHostEnvironmentAuthenticationStateProvider
                ?? throw new InvalidOperationException("The authentication state provider cannot be set from outside.");
            auth.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
            return new MemberScope(scope, principal);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
