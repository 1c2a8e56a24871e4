using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.PersonalData;

/// <summary>Agency data keys: created once even when nodes race, wrapped in the catalog, distinct per agency.</summary>
public abstract class TenantKeyRingTests(AppHost app)
{
    [Fact]
    public async Task Two_nodes_creating_the_first_key_at_once_agree_on_one_key()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("keys"));
        var catalog = app.Services.GetRequiredService<CatalogDbContextFactory>();
        var master = app.Services.GetRequiredService<MasterKey>();
        var nodes = Enumerable.Range(0, 4).Select(_ => new TenantKeyRing(catalog, master)).ToList();

        var protectors = await Task.WhenAll(nodes.Select(n => n.ForAsync(agency.Info.Id, CancellationToken.None).AsTask()));

        var indexes = protectors.Select(p => p.Index(PersonalDataKind.Mobile, "+8613812345678")).Distinct().ToList();
        Assert.Single(indexes);
        var tenant = await app.CatalogTenantAsync(agency.Info.Id);
        Assert.NotNull(tenant.WrappedDataKey);
        var sealedByOne = protectors[0].SealMobile("+8613812345678");
        Assert.Equal("+8613812345678", protectors[3].Decrypt(PersonalDataKind.Mobile, sealedByOne.Cipher!));
    }

    [Fact]
    public async Task Each_agency_has_its_own_key()
    {
        var a = await app.ProvisionAgencyAsync(TestIds.Slug("keya"));
        var b = await app.ProvisionAgencyAsync(TestIds.Slug("keyb"));
        var ring = app.Services.GetRequiredService<TenantKeyRing>();

        var inA = await ring.ForAsync(a.Info.Id, CancellationToken.None);
        var inB = await ring.ForAsync(b.Info.Id, CancellationToken.None);

        Assert.NotEqual(inA.Index(PersonalDataKind.Mobile, "+8613812345678"), inB.Index(PersonalDataKind.Mobile, "+8613812345678"));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => inB.Decrypt(PersonalDataKind.Mobile, inA.Encrypt(PersonalDataKind.Mobile, "+8613812345678")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTenantKeyRingTests(SqliteAppHost app) : TenantKeyRingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTenantKeyRingTests(PostgresAppHost app) : TenantKeyRingTests(app);
