using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Products;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Integration.Tests.Products;

/// <summary>
/// 产品管理 and 产品匹配: settings managers keep the catalog (checked, versioned, audited, deactivated), every member
/// reads the active products and matches the customers they may see; another agency reaches none of it.
/// </summary>
public abstract class ProductTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static SaveProductRequest Product(string code, decimal minRate = 3m, ConditionNode? eligibility = null) => new(null, 0)
    {
        Code = code, Name = "产品" + code, Lender = "测试银行", LenderKind = LenderKind.Bank, LoanType = LoanTypes.Credit,
        MinAmountWan = 1, MaxAmountWan = 50, MinTermMonths = 6, MaxTermMonths = 36, MinAnnualRate = minRate, MaxAnnualRate = minRate + 5,
        RepaymentMethods = [RepaymentMethod.EqualInstallment], ServiceFeeRate = 1, RequiredDocuments = ["身份证正反面", " 征信报告 ", ""], Eligibility = eligibility,
    };

    private static string Codes(Result result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));

    private static async Task<Guid> SaveAsync(MemberScope owner, SaveProductRequest request)
    {
        var saved = await owner.Get<SaveProduct>().HandleAsync(request, Ct);
        Assert.True(saved.Succeeded, Codes(saved));
        return saved.Value;
    }

    [Fact]
    public async Task Products_are_checked_versioned_deactivated_and_audited_and_only_settings_managers_change_them()
    {
        var w = await LeadListWorld.CreateAsync(app, "prd");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var save = owner.Get<SaveProduct>();
        var id = await SaveAsync(owner, Product("T-1"));

        Assert.Equal("Code.Taken", Codes(await save.HandleAsync(Product("T-1"), Ct)));
        Assert.Equal("Code.Format,MaxAmountWan.BelowMin,MaxAnnualRate.Range,RepaymentMethods.Required", Codes(await save.HandleAsync(
            Product("坏 码") with { MinAmountWan = 60, MaxAnnualRate = 40, RepaymentMethods = [] }, Ct)));
        Assert.Equal("Condition.0.UnknownField", Codes(await save.HandleAsync(Product("T-2", eligibility: ConditionGroup.AllOf(Comparison.Of("Salary", EqualTo, "1"))), Ct)));
        Assert.Equal("ApprovalFlowKey.Unknown", Codes(await save.HandleAsync(Product("T-3") with { ApprovalFlowKey = "vip" }, Ct)));

        var saved = (await owner.Get<ListProducts>().HandleAsync(true, Ct)).Single(p => p.Id == id);
        Assert.Equal((1L, (string?)null), (saved.Version, saved.ApprovalFlowKey));
        Assert.Equal(["身份证正反面", "征信报告"], saved.RequiredDocuments);
        var changed = SaveProductRequest.From(saved) with { };
        Assert.True((await save.HandleAsync(changed with { }, Ct)).Succeeded);
        // The same edit again at the old version: someone else changed it meanwhile.
        Assert.Equal(".ChangedByOthers", Codes(await save.HandleAsync(SaveProductRequest.From(saved) with { Name = "旧版本" }, Ct)));
        Assert.Equal(".ChangedByOthers", Codes(await owner.Get<SetProductActive>().HandleAsync(id, 1, false, Ct)));
        Assert.True((await owner.Get<SetProductActive>().HandleAsync(id, 2, false, Ct)).Succeeded);

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var active = await sales.Get<ListProducts>().HandleAsync(false, Ct);
        Assert.DoesNotContain(active, p => p.Id == id);
        Assert.Equal(4, active.Count);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ListProducts>().HandleAsync(true, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<SaveProduct>().HandleAsync(Product("T-9"), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<SetProductActive>().HandleAsync(id, 3, true, Ct));

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(["product.changed", "product.created", "product.deactivated"],
            (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "product" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync()).Order());
    }

    [Fact]
    public async Task Matching_ranks_eligible_products_by_rate_and_explains_each_failing_condition()
    {
        var w = await LeadListWorld.CreateAsync(app, "prdm");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        foreach (var sample in await owner.Get<ListProducts>().HandleAsync(true, Ct))
            Assert.True((await owner.Get<SetProductActive>().HandleAsync(sample.Id, sample.Version, false, Ct)).Succeeded);
        await SaveAsync(owner, Product("DEAR", 8m));
        await SaveAsync(owner, Product("CHEAP", 4m));
        await SaveAsync(owner, Product("YOUNG", 2m, ConditionGroup.AllOf(Comparison.Of("Age", Between, "22", "60"), Comparison.Of("Intent", EqualTo, "A"))));
        await SaveAsync(owner, Product("SMALL", 1m) with { MaxAmountWan = 5 });
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var lead = await db.Leads.SingleAsync(l => l.Id == w["甲"]);
            (lead.BirthDate, lead.AmountWan, lead.TermMonths) = (DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-63).AddDays(-30), 10, 12);
            await db.SaveChangesAsync();
        }

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var result = (await sales.Get<MatchProducts>().HandleAsync(w["甲"], Ct)).Value!;

        Assert.Equal(["CHEAP", "DEAR"], result.Matches.Where(m => m.Eligible).Select(m => m.Product.Code));
        Assert.Equal(LoanCalculator.EqualInstallment(100_000m, 4m, 12).MonthlyPayment, result.Matches[0].Estimate!.MonthlyPayment);
        var young = result.Matches.Single(m => m.Product.Code == "YOUNG");
        var reason = Assert.Single(young.Reasons);
        Assert.Equal(("Age", 63), (((Comparison)reason.Node!).Field, (int)reason.Observed.Single().Value!));
        Assert.Equal(MatchReasonKind.AmountOutside, Assert.Single(result.Matches.Single(m => m.Product.Code == "SMALL").Reasons).Kind);
        Assert.Contains(result.Choices.Products, c => c.Name == "产品CHEAP");

        // Sales B works in the other team: 甲 is not theirs to see.
        await using var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);
        Assert.Equal("Lead.NotFound", Codes(await salesB.Get<MatchProducts>().HandleAsync(w["甲"], Ct)));
    }

    [Fact]
    public async Task Another_agency_cannot_read_or_change_the_products_or_rules_nor_match_the_leads()
    {
        var w = await LeadListWorld.CreateAsync(app, "prdx");
        await using var ownerA = await app.OwnerScopeAsync(w.Agency);
        var product = await SaveAsync(ownerA, Product("A-ONLY"));
        var rule = (await ownerA.Get<ListAdmissionRules>().HandleAsync(Ct))[0];

        var b = await app.ProvisionAgencyAsync(TestIds.Slug("prdb"));
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.DoesNotContain(await ownerB.Get<ListProducts>().HandleAsync(true, Ct), p => p.Id == product);
        Assert.DoesNotContain((await ownerB.Get<ListProductSettings>().HandleAsync(Ct)).Products, p => p.Id == product);
        Assert.Equal("Product.NotFound", Codes(await ownerB.Get<SaveProduct>().HandleAsync(Product("HIJACK") with { ProductId = product, Version = 1 }, Ct)));
        Assert.Equal("Product.NotFound", Codes(await ownerB.Get<SetProductActive>().HandleAsync(product, 1, false, Ct)));
        Assert.Equal("Lead.NotFound", Codes(await ownerB.Get<MatchProducts>().HandleAsync(w["甲"], Ct)));
        Assert.DoesNotContain(await ownerB.Get<ListAdmissionRules>().HandleAsync(Ct), r => r.Id == rule.Id);
        Assert.Equal("Rule.NotFound", Codes(await ownerB.Get<ChangeAdmissionRule>().HandleAsync(rule.Id, rule.Version, RuleChange.Archive, Ct)));
        Assert.Equal("Rule.NotFound", Codes(await ownerB.Get<SaveAdmissionRule>().HandleAsync(
            new SaveAdmissionRuleRequest(rule.Id, rule.Version, "劫持", ConditionGroup.AllOf(Comparison.Of("Age", GreaterThan, "1")), "劫持"), Ct)));
        Assert.Equal("Lead.NotFound", Codes(await ownerB.Get<TryAdmission>().HandleAsync(new TryAdmissionRequest(w["甲"], product), Ct)));

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var stored = await db.LoanProducts.AsNoTracking().SingleAsync(p => p.Id == product);
        Assert.Equal(("产品A-ONLY", true, 1L), (stored.Name, stored.IsActive, stored.Version));
        Assert.False((await db.AdmissionRules.AsNoTracking().SingleAsync(r => r.Id == rule.Id)).IsArchived);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProductTests(SqliteAppHost app) : ProductTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProductTests(PostgresAppHost app) : ProductTests(app);
