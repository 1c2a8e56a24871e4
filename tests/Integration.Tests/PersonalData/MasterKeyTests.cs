using System.Security.Cryptography;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Tenancy.Databases;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Integration.Tests.PersonalData;

public sealed class MasterKeyTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "loansaas-mk-" + Guid.NewGuid().ToString("N")[..8]);

    private MasterKey Create(string environment, string? configured = null) => new(
        Options.Create(new PersonalDataOptions { MasterKey = configured }),
        Options.Create(new DatabaseOptions { DataDirectory = _data }),
        new Environment(environment));

    [Fact]
    public void Production_refuses_to_start_without_a_configured_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create(Environments.Production));
        Assert.Contains("PersonalData__MasterKey", error.Message);
        Assert.False(File.Exists(Path.Combine(_data, "master.key")));
    }

    [Fact]
    public void Development_generates_a_key_file_once_and_reuses_it()
    {
        var tenant = Guid.NewGuid();
        var wrapped = Create(Environments.Development).Wrap(tenant, new byte[32]);

        Assert.True(File.Exists(Path.Combine(_data, "master.key")));
        Assert.Equal(new byte[32], Create(Environments.Development).Unwrap(tenant, wrapped));
    }

    [Fact]
    public void A_configured_key_must_be_32_bytes_and_binds_the_wrapped_key_to_its_agency()
    {
        Assert.Throws<InvalidOperationException>(() => Create(Environments.Production, Convert.ToBase64String(new byte[16])));
        var key = Create(Environments.Production, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var wrapped = key.Wrap(Guid.NewGuid(), new byte[32]);
        Assert.ThrowsAny<CryptographicException>(() => key.Unwrap(Guid.NewGuid(), wrapped));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, true);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "LoanSaaS.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
