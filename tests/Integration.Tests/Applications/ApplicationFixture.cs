using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Products;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Applications;

/// <summary>
/// Applications on the lead-page world (two teams with a sales person and a manager each, a second agency): each test
/// makes its own customer, so tests never collide. 好期贷 (ZHAOLIAN-CREDIT): 1–20 万, 3–36 months, 等额本息 only,
/// five required documents.
/// </summary>
public static class ApplicationFixture
{
    public static readonly CancellationToken Ct = CancellationToken.None;
    public const string CreditProduct = "ZHAOLIAN-CREDIT";

    public static string Codes(Infrastructure.Common.Result result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));

    /// <summary>A converted lead owned by <paramref name="member"/>, on the default board's first stage.</summary>
    public static async Task<Guid> CustomerAsync(AppHost app, Agency agency, string member)
    {
        var lead = await LeadPageFixture.AddAsync(app, agency, member);
        await using var scope = await app.MemberScopeAsync(agency.Info, member);
        Assert.True((await scope.Get<ConvertToCustomer>().HandleAsync(lead, Ct)).Succeeded);
        return lead;
    }

    public static async Task<Guid> ProductAsync(AppHost app, Agency agency, string code = CreditProduct)
    {
        await using var db = app.OpenAgencyDb(agency.Info);
        return await db.LoanProducts.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    public static ApplicationInput Terms(decimal amount = 10, int term = 12, RepaymentMethod method = RepaymentMethod.EqualInstallment) =>
        new(amount, term, method, "装修");

    /// <summary>A draft application of a new customer of <paramref name="member"/>.</summary>
    public static async Task<(Guid LeadId, Guid ApplicationId)> DraftAsync(AppHost app, Agency agency, string member, ApplicationInput? terms = null)
    {
        var lead = await CustomerAsync(app, agency, member);
        await using var scope = await app.MemberScopeAsync(agency.Info, member);
        var created = await scope.Get<CreateApplication>().HandleAsync(new CreateApplicationRequest(lead, await ProductAsync(app, agency), terms ?? Terms()), Ct);
        Assert.True(created.Succeeded, Codes(created));
        return (lead, created.Value);
    }

    public static async Task<ApplicationDetail> GetAsync(AppHost app, Agency agency, string member, Guid applicationId)
    {
        await using var scope = await app.MemberScopeAsync(agency.Info, member);
        var detail = await scope.Get<GetApplication>().HandleAsync(applicationId, Ct);
        Assert.True(detail.Succeeded, Codes(detail));
        return detail.Value!;
    }

    public static async Task<Infrastructure.Common.Result<Guid>> UploadAsync(AppHost app, Agency agency, string member, Guid applicationId, string item, byte[] content,
        string fileName, Guid? replaces = null, long? claimedSize = null)
    {
        await using var scope = await app.MemberScopeAsync(agency.Info, member);
        using var stream = new MemoryStream(content);
        return await scope.Get<UploadApplicationDocument>().HandleAsync(
            new UploadApplicationDocumentRequest(applicationId, item, stream, fileName, claimedSize ?? content.Length, replaces), Ct);
    }

    /// <summary>Every required document of 好期贷 uploaded as a PNG.</summary>
    public static async Task UploadAllAsync(AppHost app, Agency agency, string member, Guid applicationId)
    {
        foreach (var item in (await GetAsync(app, agency, member, applicationId)).Product.RequiredDocuments)
            Assert.True((await UploadAsync(app, agency, member, applicationId, item, Infrastructure.Demo.SampleDocuments.Png(), item + ".png")).Succeeded);
    }
}
