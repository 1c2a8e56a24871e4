using LoanSaaS.Tenancy.Catalog;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>One running instance of the real app (Program) on Kestrel at 127.0.0.1:{random port}.</summary>
public sealed class AppNode : IAsyncDisposable
{
    private readonly Factory _factory;

    private AppNode(Factory factory, int port)
    {
        _factory = factory;
        Port = port;
    }

    public int Port { get; }

    public IServiceProvider Services => _factory.Services;

    /// <param name="services">Test-only registrations on top of the app's (e.g. a sweep that records its runs).</param>
    public static AppNode Start(IReadOnlyList<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services = null)
    {
        var factory = new Factory(settings, services);
        try
        {
            factory.UseKestrel(0);
            factory.StartServer();
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no address.");
            return new AppNode(factory, new Uri(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)).Port);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    public WebClient CreateClient(string host) => new(Port, host);

    public CatalogDbContext OpenCatalog() => Services.GetRequiredService<CatalogDbContextFactory>().Create();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private sealed class Factory(IReadOnlyList<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (services is not null) builder.ConfigureTestServices(services);
        }
    }
}
