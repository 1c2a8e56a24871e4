using LoanSaaS.Tenancy.Resolution;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>A DI scope on one agency with nobody signed in, like an anonymous request to its host.</summary>
public sealed class TenantScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private TenantScope(AsyncServiceScope scope) => _scope = scope;

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public static Task<TenantScope> BeginAsync(AppHost app, Agency agency)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(agency.Info);
        return Task.FromResult(new TenantScope(scope));
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
