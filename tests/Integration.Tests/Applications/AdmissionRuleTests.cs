using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Products;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Products;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Integration.Tests.Applications;

/// <summary>
/// 进件准入: every agency starts with the default rules; settings managers add, check, reorder, switch off and delete
/// them; CheckAdmission (what a submission calls) and 试算 report the enabled rules that block, in order.
/// </summary>
public abstract class AdmissionRuleTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static string Codes(Result result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));

    [Fact]
    public async Task The_default_rules_block_blacklisted_customers_amounts_outside_the_product_and_missing_documents()
    {
        var w = await LeadListWorld.CreateAsync(app, "adm");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        Assert.Equal(["黑名单客户不得进件", "金额超出产品范围", "期限超出产品范围", "年龄不在 18–65 岁", "缺少必备材料"],
            (await owner.Get<ListAdmissionRules>().HandleAsync(Ct)).Select(r => r.Name));
        var credit = (await owner.Get<ListProducts>().HandleAsync(false, Ct)).Single(p => p.Code == "ZHAOLIAN-CREDIT");
        var trial = owner.Get<TryAdmission>();
        async Task<IEnumerable<string>> BlockingAsync(TryAdmissionRequest request)
        {
            var result = await trial.HandleAsync(request, Ct);
            Assert.True(result.Succeeded, Codes(result));
            return result.Value!.Select(f => f.RuleName);
        }

        Assert.Equal(["黑名单客户不得进件"], await BlockingAsync(new TryAdmissionRequest(w["己"], credit.Id)));
        // 甲 wishes 80 万; the product lends 1–20 万.
        Assert.Equal(["金额超出产品范围", "缺少必备材料"], await BlockingAsync(new TryAdmissionRequest(w["甲"], credit.Id, MissingDocuments: 2)));
        Assert.Empty(await BlockingAsync(new TryAdmissionRequest(w["甲"], credit.Id, 10, 12)));
        Assert.Equal(["期限超出产品范围"], await BlockingAsync(new TryAdmissionRequest(w["甲"], credit.Id, 10, 48)));
        Assert.Equal("MissingDocuments.Range", Codes(await trial.HandleAsync(new TryAdmissionRequest(w["甲"], credit.Id, MissingDocuments: -1), Ct)));
        Assert.Equal("Product.NotFound", Codes(await trial.HandleAsync(new TryAdmissionRequest(w["甲"], Guid.NewGuid()), Ct)));

        // What SubmitApplication calls, in its own context.
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.Include(l => l.CustomValues).SingleAsync(l => l.Id == w["己"]);
        var product = await db.LoanProducts.SingleAsync(p => p.Id == credit.Id);
        var failures = await CheckAdmission.FailuresAsync(db, lead, product, null, 0, DateTimeOffset.UtcNow, Ct);
        Assert.Equal("客户在黑名单中，不能进件", Assert.Single(failures).Message);
    }

    [Fact]
    public async Task Rules_are_checked_kept_in_order_switched_off_and_deleted_by_settings_managers_only()
    {
        var w = await LeadListWorld.CreateAsync(app, "admc");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var save = owner.Get<SaveAdmissionRule>();
        var change = owner.Get<ChangeAdmissionRule>();
        var beijing = ConditionGroup.AllOf(Comparison.Of("City", Contains, "北京"));

        Assert.Equal("Name.Required,Message.Required,Condition.Required", Codes(await save.HandleAsync(new SaveAdmissionRuleRequest(null, 0, " ", ConditionGroup.AllOf(), ""), Ct)));
        Assert.Equal("Condition.0.UnknownField", Codes(await save.HandleAsync(
            new SaveAdmissionRuleRequest(null, 0, "坏", ConditionGroup.AllOf(Comparison.Of("Salary", EqualTo, "1")), "坏"), Ct)));
        var saved = await save.HandleAsync(new SaveAdmissionRuleRequest(null, 0, "北京客户暂停", beijing, "北京地区暂不进件"), Ct);
        Assert.True(saved.Succeeded, Codes(saved));
        var id = saved.Value;

        var rules = await owner.Get<ListAdmissionRules>().HandleAsync(Ct);
        Assert.Equal(("北京客户暂停", 5), (rules[^1].Name, rules.Count - 1));
        Assert.True((await change.HandleAsync(id, 1, RuleChange.MoveUp, Ct)).Succeeded);
        Assert.Equal(["缺少必备材料", "北京客户暂停"], (await owner.Get<ListAdmissionRules>().HandleAsync(Ct)).Select(r => r.Name).Reverse().Take(2));
        Assert.Equal(".ChangedByOthers", Codes(await change.HandleAsync(id, 1, RuleChange.Disable, Ct)));
        Assert.True((await change.HandleAsync(id, 2, RuleChange.Disable, Ct)).Succeeded);
        Assert.False((await owner.Get<ListAdmissionRules>().HandleAsync(Ct)).Single(r => r.Id == id).IsEnabled);

        // Off, a rule no longer blocks; on again, it does.
        var credit = (await owner.Get<ListProducts>().HandleAsync(false, Ct)).Single(p => p.Code == "ZHAOLIAN-CREDIT");
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var lead = await db.Leads.SingleAsync(l => l.Id == w["乙"]);
            lead.City = "北京市";
            await db.SaveChangesAsync();
        }
        Assert.Empty((await owner.Get<TryAdmission>().HandleAsync(new TryAdmissionRequest(w["乙"], credit.Id, 10, 12), Ct)).Value!);
        Assert.True((await change.HandleAsync(id, 3, RuleChange.Enable, Ct)).Succeeded);
        Assert.Equal("北京地区暂不进件", Assert.Single((await owner.Get<TryAdmission>().HandleAsync(new TryAdmissionRequest(w["乙"], credit.Id, 10, 12), Ct)).Value!).Message);

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<SaveAdmissionRule>().HandleAsync(new SaveAdmissionRuleRequest(null, 0, "越权", beijing, "越权"), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ChangeAdmissionRule>().HandleAsync(id, 4, RuleChange.Archive, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ListAdmissionRules>().HandleAsync(Ct));

        Assert.True((await change.HandleAsync(id, 4, RuleChange.Archive, Ct)).Succeeded);
        Assert.DoesNotContain(await owner.Get<ListAdmissionRules>().HandleAsync(Ct), r => r.Id == id);
        await using var check = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(["admission.archive", "admission.created", "admission.disable", "admission.enable", "admission.moveup"],
            (await check.AuditEntries.AsNoTracking().Where(a => a.EntityType == "admission" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync()).Order());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAdmissionRuleTests(SqliteAppHost app) : AdmissionRuleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAdmissionRuleTests(PostgresAppHost app) : AdmissionRuleTests(app);
