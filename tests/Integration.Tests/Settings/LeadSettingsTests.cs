using System.Net;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Apply;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Settings;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Settings;

/// <summary>Lead settings (policy, versioned consent, form texts) and the agency's lists, with concurrency and isolation.</summary>
public abstract class LeadSettingsTests(AppHost app)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private Task<Agency> FreshAgencyAsync() => app.ProvisionAgencyAsync(TestIds.Slug("settings"));

    private async Task<Guid> CaptureAsync(Agency agency, LeadInput input)
    {
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var results = await scope.Get<CaptureLeads>().HandleAsync([input], new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.FillEmpty), None);
        Assert.Equal(CaptureOutcome.Created, results[0].Outcome);
        return results[0].LeadId!.Value;
    }

    [Fact]
    public async Task A_new_agency_starts_with_fill_empty_and_consent_v1_of_the_default_text()
    {
        var agency = await FreshAgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);

        var settings = await owner.Get<GetLeadSettings>().HandleAsync(None);

        Assert.Equal(DuplicatePolicy.FillEmpty, settings.DuplicatePolicy);
        Assert.Equal("v1", settings.CurrentConsent.Id);
        Assert.Equal(DefaultConsent.Text, settings.ConsentText);
        Assert.Contains("个人信息保护法", settings.ConsentText);
        Assert.Equal(["v1"], settings.ConsentHistory.Select(v => v.Id));
        Assert.Equal(DefaultConsent.Text, (await owner.Get<GetConsentText>().HandleAsync("v1", None))!.Text);
    }

    [Fact]
    public async Task Each_consent_change_is_a_new_version_and_every_earlier_text_stays_readable()
    {
        var agency = await FreshAgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        var get = owner.Get<GetLeadSettings>();
        var update = owner.Get<UpdateLeadSettings>();

        var first = await get.HandleAsync(None);
        var saved = await update.HandleAsync(new UpdateLeadSettingsRequest(DuplicatePolicy.Overwrite, "本人同意第二版授权。", "快速申请", "三分钟填完", first.Stamp), None);
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors));
        var second = await get.HandleAsync(None);
        var third = await update.HandleAsync(new UpdateLeadSettingsRequest(DuplicatePolicy.Overwrite, "本人同意第三版授权。", "快速申请", "三分钟填完", second.Stamp), None);
        Assert.True(third.Succeeded);
        var now = await get.HandleAsync(None);

        Assert.Equal(DuplicatePolicy.Overwrite, now.DuplicatePolicy);
        Assert.Equal(new ApplyFormText("快速申请", "三分钟填完"), now.Form);
        Assert.Matches(@"^v3-\d{8}$", now.CurrentConsent.Id);
        Assert.Equal("本人同意第三版授权。", now.ConsentText);
        var history = now.ConsentHistory.Select(v => v.Id).ToList();
        Assert.Equal(3, history.Count);
        Assert.Equal("v1", history[^1]);
        Assert.Equal("本人同意第二版授权。", (await owner.Get<GetConsentText>().HandleAsync(history[1], None))!.Text);
        Assert.Equal(DefaultConsent.Text, (await owner.Get<GetConsentText>().HandleAsync("v1", None))!.Text);
        Assert.Null(await owner.Get<GetConsentText>().HandleAsync("v9", None));

        await using var db = app.OpenAgencyDb(agency.Info);
        Assert.Equal(DuplicatePolicy.Overwrite, await LeadSettingsStore.DuplicatePolicyAsync(db, None));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "settings.consent"));

        // Saving the same values again changes nothing and makes no version.
        var same = await update.HandleAsync(new UpdateLeadSettingsRequest(DuplicatePolicy.Overwrite, "本人同意第三版授权。", "快速申请", "三分钟填完", now.Stamp), None);
        Assert.True(same.Succeeded);
        Assert.Equal(3, (await get.HandleAsync(None)).ConsentHistory.Count);
    }

    [Fact]
    public async Task A_stale_editor_is_refused_and_the_first_save_stays()
    {
        var agency = await FreshAgencyAsync();
        var admin = await app.AddAsync(agency, AgencyRole.Admin);
        await using var owner = await app.OwnerScopeAsync(agency);
        await using var other = await app.MemberScopeAsync(agency.Info, admin.UserId);
        var seenByOwner = await owner.Get<GetLeadSettings>().HandleAsync(None);
        var seenByAdmin = await other.Get<GetLeadSettings>().HandleAsync(None);

        var first = await owner.Get<UpdateLeadSettings>().HandleAsync(new UpdateLeadSettingsRequest(DuplicatePolicy.Skip, "所有者的授权文本。", null, null, seenByOwner.Stamp), None);
        var second = await other.Get<UpdateLeadSettings>().HandleAsync(new UpdateLeadSettingsRequest(DuplicatePolicy.Overwrite, "管理员的授权文本。", null, null, seenByAdmin.Stamp), None);

        Assert.True(first.Succeeded);
        Assert.Equal("ChangedByOthers", Assert.Single(second.Errors).Code);
        var now = await owner.Get<GetLeadSettings>().HandleAsync(None);
        Assert.Equal((DuplicatePolicy.Skip, "所有者的授权文本。"), (now.DuplicatePolicy, now.ConsentText));
        Assert.Equal(2, now.ConsentHistory.Count);
    }

    [Fact]
    public async Task Bad_values_are_refused_field_by_field()
    {
        var agency = await FreshAgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        var stamp = (await owner.Get<GetLeadSettings>().HandleAsync(None)).Stamp;

        var result = await owner.Get<UpdateLeadSettings>().HandleAsync(
            new UpdateLeadSettingsRequest((DuplicatePolicy)42, "  ", new string('标', 51), new string('介', 301), stamp), None);

        Assert.Equal(["ConsentText.Required", "DuplicatePolicy.Invalid", "FormIntro.TooLong", "FormTitle.TooLong"],
            result.Errors.Select(e => e.Field + "." + e.Code).Order());
    }

    [Fact]
    public async Task Dictionary_keys_never_change_names_are_unique_and_the_form_source_stays_active()
    {
        var agency = await FreshAgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        var dictionary = owner.Get<ManageDictionary>();

        var added = await dictionary.AddAsync(DictionaryKind.Source, " 抖音 ", None);
        Assert.True(added.Succeeded);
        var key = added.Value!.Key;
        Assert.Matches("^source-[0-9a-f]{10}$", key);
        Assert.Equal("NameTaken", Assert.Single((await dictionary.AddAsync(DictionaryKind.Source, "抖音", None)).Errors).Code);
        Assert.Equal("NameTaken", Assert.Single((await dictionary.AddAsync(DictionaryKind.Source, "web-form", None)).Errors).Code);
        Assert.True((await dictionary.AddAsync(DictionaryKind.LoanType, "抖音", None)).Succeeded);

        var captured = await CaptureAsync(agency, new LeadInput { Name = "来源测试", Mobile = TestIds.Mobile(), Source = "抖音" });
        Assert.True((await dictionary.RenameAsync(added.Value.Id, "抖音直播", None)).Succeeded);
        Assert.Equal("NameTaken", Assert.Single((await dictionary.RenameAsync(added.Value.Id, "地推", None)).Errors).Code);

        var items = await dictionary.HandleAsync(None);
        var renamed = items.Single(i => i.Id == added.Value.Id);
        Assert.Equal((key, "抖音直播"), (renamed.Key, renamed.Name));
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            var lead = await db.Leads.SingleAsync(l => l.Id == captured);
            Assert.Equal(key, lead.Source);
            Assert.Equal("抖音直播", (await LeadDictionaries.LoadAsync(db, None)).NameOf(DictionaryKind.Source, lead.Source));
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "dictionary" && a.EntityId == "Source:" + key));
        }

        var webForm = items.Single(i => i.Key == DefaultDictionaries.WebFormSource);
        Assert.True(webForm.IsProtected);
        Assert.Equal("DictionaryProtected", Assert.Single((await dictionary.SetActiveAsync(webForm.Id, false, None)).Errors).Code);
    }

    [Fact]
    public async Task Reordering_and_deactivating_loan_types_shapes_the_public_form()
    {
        var agency = await FreshAgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        var dictionary = owner.Get<ManageDictionary>();
        var types = (await dictionary.HandleAsync(None)).Where(i => i.Kind == DictionaryKind.LoanType).ToList();

        var reversed = types.Select(t => t.Id).Reverse().ToList();
        Assert.True((await dictionary.ReorderAsync(DictionaryKind.LoanType, reversed, None)).Succeeded);
        Assert.Equal("ChangedByOthers", Assert.Single((await dictionary.ReorderAsync(DictionaryKind.LoanType, reversed.Skip(1).ToList(), None)).Errors).Code);
        var car = types.Single(t => t.Key == "car");
        Assert.True((await dictionary.SetActiveAsync(car.Id, false, None)).Succeeded);

        await using var visitor = await TenantScope.BeginAsync(app, agency);
        var form = await visitor.Get<GetApplicationForm>().HandleAsync(None);
        Assert.Equal(types.Where(t => t.Key != "car").Select(t => t.Key).Reverse(), form.LoanTypes.Select(t => t.Key));

        Assert.True((await dictionary.SetActiveAsync(car.Id, true, None)).Succeeded);
        Assert.Contains("car", (await visitor.Get<GetApplicationForm>().HandleAsync(None)).LoanTypes.Select(t => t.Key));
    }

    [Fact]
    public async Task Sales_cannot_read_or_change_lead_settings_or_lists()
    {
        var agency = await FreshAgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        await using var scope = await app.MemberScopeAsync(agency.Info, sales.UserId);

        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.Get<GetLeadSettings>().HandleAsync(None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.Get<UpdateLeadSettings>().HandleAsync(
            new UpdateLeadSettingsRequest(DuplicatePolicy.Skip, "x", null, null, new LeadSettingsStamp(0, 0, 0)), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.Get<ManageDictionary>().HandleAsync(None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.Get<ManageDictionary>().AddAsync(DictionaryKind.Source, "偷偷加", None));
        // Any member may read the consent text a lead agreed to.
        Assert.NotNull(await scope.Get<GetConsentText>().HandleAsync("v1", None));
    }

    [Fact]
    public async Task Agency_B_admin_can_neither_see_nor_change_agency_A_settings_or_lists()
    {
        var a = await FreshAgencyAsync();
        var b = await FreshAgencyAsync();
        await using var ownerA = await app.OwnerScopeAsync(a);
        await using var ownerB = await app.OwnerScopeAsync(b);
        var stampA = (await ownerA.Get<GetLeadSettings>().HandleAsync(None)).Stamp;
        Assert.True((await ownerA.Get<UpdateLeadSettings>().HandleAsync(new UpdateLeadSettingsRequest(DuplicatePolicy.Skip, "甲机构的授权书。", "甲", null, stampA), None)).Succeeded);
        var onlyInA = (await ownerA.Get<ManageDictionary>().AddAsync(DictionaryKind.Source, "甲专属渠道", None)).Value!;

        var seenByB = await ownerB.Get<GetLeadSettings>().HandleAsync(None);
        Assert.Equal(DefaultConsent.Text, seenByB.ConsentText);
        Assert.Null(seenByB.Form.Title);
        Assert.DoesNotContain((await ownerB.Get<ManageDictionary>().HandleAsync(None)), i => i.Name == "甲专属渠道");
        Assert.Null(await ownerB.Get<GetConsentText>().HandleAsync((await ownerA.Get<GetLeadSettings>().HandleAsync(None)).CurrentConsent.Id, None));

        // B acting on A's item id only ever reaches B's own database.
        var renamed = await ownerB.Get<ManageDictionary>().RenameAsync(onlyInA.Id, "乙改的名字", None);
        Assert.Equal("NotFound", Assert.Single(renamed.Errors).Code);
        Assert.Equal("甲专属渠道", (await ownerA.Get<ManageDictionary>().HandleAsync(None)).Single(i => i.Id == onlyInA.Id).Name);
        Assert.Equal("甲机构的授权书。", (await ownerA.Get<GetLeadSettings>().HandleAsync(None)).ConsentText);

        // Over HTTP, B's session on A's host is refused before any page renders.
        using var onB = app.CreateAgencyClient(b);
        var cookie = await AppHost.LoginAsync(onB, b.OwnerMobile, b.OwnerPassword);
        using var onA = app.CreateCookielessClient(a.Host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/settings/leads");
        request.Headers.Add("Cookie", $"{AppHost.SessionCookie}={cookie}");
        using var response = await onA.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("甲机构的授权书", await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLeadSettingsTests(SqliteAppHost app) : LeadSettingsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadSettingsTests(PostgresAppHost app) : LeadSettingsTests(app);
