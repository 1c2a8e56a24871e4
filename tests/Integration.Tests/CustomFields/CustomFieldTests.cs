using System.Globalization;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Imports;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Integration.Tests.CustomFields;

/// <summary>
/// 表单引擎: an admin adds fields; every channel (form, edit, import, API) validates and stores their values the same
/// way; lists, boards, pools, exports and imports use them; archiving keeps the data; another agency reaches none of it.
/// </summary>
public abstract class CustomFieldTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private sealed record Fields(LeadListWorld World, CustomField Base, CustomField Months, CustomField House, CustomField Assets, CustomField Insured,
        CustomField Contact, CustomField Since, CustomField Rating);

    private Task<Fields> FieldsAsync() => app.SharedAsync("custom-field-world", async () =>
    {
        var w = await LeadListWorld.CreateAsync(app, "cf");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        async Task<CustomField> AddAsync(string label, FieldType type, bool required = false, decimal? min = null, decimal? max = null,
            CustomFieldTarget target = CustomFieldTarget.Lead, params string[] options)
        {
            var saved = await owner.Get<SaveCustomField>().HandleAsync(new SaveCustomFieldRequest(null, 0, label, type, target, required, min, max, null, null, options, true), Ct);
            Assert.True(saved.Succeeded, string.Join(",", saved.Errors));
            return (await owner.Get<LoadCustomFields>().HandleAsync(Ct)).Find(saved.Value)!;
        }
        return new Fields(w,
            await AddAsync("社保缴纳基数", FieldType.Money, min: 0),
            await AddAsync("公积金连续缴纳月数", FieldType.Number, min: 0, max: 600),
            await AddAsync("名下房产", FieldType.SingleSelect, required: true, options: ["无", "全款房", "按揭房"]),
            await AddAsync("资产", FieldType.MultiSelect, options: ["房产", "车辆", "股票"]),
            await AddAsync("有社保", FieldType.YesNo),
            await AddAsync("紧急联系人", FieldType.Mobile),
            await AddAsync("入职日期", FieldType.Date),
            await AddAsync("客户评级", FieldType.SingleSelect, target: CustomFieldTarget.Customer, options: ["普通", "VIP"]));
    });

    private static Dictionary<string, string?> Values(params (CustomField Field, string? Value)[] values) => values.ToDictionary(v => v.Field.Key, v => v.Value);

    private static string Codes(IEnumerable<FieldError> errors) => string.Join(",", errors.Select(e => $"{e.Field}.{e.Code}"));

    [Fact]
    public async Task A_lead_typed_in_keeps_its_values_and_a_required_field_or_a_bad_value_is_refused_by_name()
    {
        var f = await FieldsAsync();
        await using var sales = await app.MemberScopeAsync(f.World.Agency.Info, f.World.SalesA.UserId);
        var add = sales.Get<AddLead>();
        LeadInput Input(Dictionary<string, string?> custom) => new() { Name = f.World.Prefix + "录入", Mobile = TestIds.Mobile(), Custom = custom };

        var refused = await add.HandleAsync(new AddLeadRequest(Input(Values((f.Base, "8000"), (f.Months, "700"), (f.Insured, "也许")))), Ct);
        Assert.Equal($"{f.Months.Key}.AboveMax,{f.House.Key}.Required,{f.Insured.Key}.NotYesNo", Codes(refused.Errors));

        var contact = TestIds.Mobile();
        var added = await add.HandleAsync(new AddLeadRequest(Input(Values((f.Base, "0.8万"), (f.Months, "36"), (f.House, "全款房"), (f.Assets, "车辆，房产"),
            (f.Insured, "是"), (f.Contact, contact), (f.Since, "2020/3/1"), (f.Rating, "VIP")))), Ct);
        Assert.True(added.Succeeded, Codes(added.Errors));

        var lead = (await sales.Get<GetLead>().HandleAsync(added.LeadId!.Value, Ct)).Value!;
        Assert.Equal("8000", lead.CustomValues[f.Base.Id]);
        Assert.Equal("36", lead.CustomValues[f.Months.Id]);
        Assert.Equal("全款房", lead.CustomValues[f.House.Id]);
        Assert.Equal("房产, 车辆", lead.CustomValues[f.Assets.Id]);
        Assert.Equal("true", lead.CustomValues[f.Insured.Id]);
        Assert.Equal("2020-03-01", lead.CustomValues[f.Since.Id]);
        Assert.Equal(contact[..3] + "****" + contact[^4..], lead.CustomValues[f.Contact.Id]);
        Assert.False(lead.CustomValues.ContainsKey(f.Rating.Id));

        // The contact's number is stored encrypted, found by its blind index, and never in plain text.
        await using var db = app.OpenAgencyDb(f.World.Agency.Info);
        var stored = await db.CustomFieldValues.AsNoTracking().SingleAsync(v => v.LeadId == lead.Id && v.FieldId == f.Contact.Id);
        Assert.NotNull(stored.Cipher);
        Assert.NotNull(stored.Index);
        Assert.DoesNotContain(contact, stored.Text);

        // Shown in full only with a reason, audited with the field and the mask; a field that holds no personal data reveals nothing.
        var reveal = sales.Get<RevealPersonalData>();
        Assert.Equal("Reason.Required", Codes((await reveal.HandleAsync(new RevealPersonalDataRequest(lead.Id, RevealField.Custom, " ", f.Contact.Id), Ct)).Errors));
        Assert.Equal(contact, (await reveal.HandleAsync(new RevealPersonalDataRequest(lead.Id, RevealField.Custom, "联系紧急联系人", f.Contact.Id), Ct)).Value);
        Assert.Equal("Custom.Empty", Codes((await reveal.HandleAsync(new RevealPersonalDataRequest(lead.Id, RevealField.Custom, "看看", f.House.Id), Ct)).Errors));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == lead.Id.ToString() && a.Action == "lead.revealed");
        Assert.Contains(f.Contact.Key, audit.Details);
        Assert.DoesNotContain(contact, audit.Details);
        Assert.Contains((await sales.Get<GetLeadTimeline>().HandleAsync(lead.Id, Ct)).Value!, e => e.Kind == "revealed" && e.Data["field"] == f.Contact.Key);
        // Another agency's owner, naming this lead and field, finds nothing.
        var b = await app.SharedAsync("cf-agency-b", () => app.ProvisionAgencyAsync(TestIds.Slug("cfb")));
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.Equal("Lead.NotFound", Codes((await ownerB.Get<RevealPersonalData>().HandleAsync(new RevealPersonalDataRequest(lead.Id, RevealField.Custom, "越界", f.Contact.Id), Ct)).Errors));
    }

    [Fact]
    public async Task An_edit_changes_values_in_the_timeline_keeps_a_blank_personal_value_and_a_stale_version_is_refused()
    {
        var f = await FieldsAsync();
        await using var sales = await app.MemberScopeAsync(f.World.Agency.Info, f.World.SalesA.UserId);
        var contact = TestIds.Mobile();
        var added = await sales.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput
        {
            Name = f.World.Prefix + "编辑", Mobile = TestIds.Mobile(), Custom = Values((f.House, "无"), (f.Contact, contact), (f.Base, "5000")),
        }), Ct);
        var lead = (await sales.Get<GetLead>().HandleAsync(added.LeadId!.Value, Ct)).Value!;
        var edit = new EditLeadRequest(lead.Id, lead.Version, new LeadInput
        {
            Name = lead.Name, Custom = Values((f.House, "按揭房"), (f.Contact, ""), (f.Base, ""), (f.Assets, "股票")),
        });

        var saved = await sales.Get<EditLead>().HandleAsync(edit, Ct);
        Assert.True(saved.Succeeded, Codes(saved.Errors));
        var after = (await sales.Get<GetLead>().HandleAsync(lead.Id, Ct)).Value!;
        Assert.Equal("按揭房", after.CustomValues[f.House.Id]);
        Assert.Equal(lead.CustomValues[f.Contact.Id], after.CustomValues[f.Contact.Id]);
        Assert.False(after.CustomValues.ContainsKey(f.Base.Id));
        Assert.Equal("股票", after.CustomValues[f.Assets.Id]);

        var timeline = (await sales.Get<GetLeadTimeline>().HandleAsync(lead.Id, Ct)).Value!;
        var changes = timeline.First(e => e.Kind == "updated").Changes;
        Assert.Contains(changes, c => c.Field == f.House.Key && c.Old == "无" && c.New == "按揭房");
        Assert.Contains(changes, c => c.Field == f.Base.Key && c.Old == "5000" && c.New == null);
        Assert.DoesNotContain(changes, c => c.Field == f.Contact.Key);

        Assert.Equal("Lead.ChangedByOthers", Codes((await sales.Get<EditLead>().HandleAsync(edit, Ct)).Errors));
    }

    [Fact]
    public async Task Pools_lists_boards_and_exports_select_by_the_agencys_fields_in_SQL()
    {
        var f = await FieldsAsync();
        await using var owner = await app.OwnerScopeAsync(f.World.Agency);
        var prefix = f.World.Prefix + "池";
        foreach (var (name, house, money) in new[] { ("甲", "全款房", "20000"), ("乙", "按揭房", "3000"), ("丙", "无", null) })
        {
            var added = await owner.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput
            {
                Name = prefix + name, Mobile = TestIds.Mobile(), Custom = Values((f.House, house), (f.Base, money)),
            }), Ct);
            Assert.True(added.Succeeded, Codes(added.Errors));
        }

        var pool = await owner.Get<SavePool>().HandleAsync(new SavePoolRequest(null, 0, "有房高基数" + prefix, null, ConditionGroup.AllOf(
            Comparison.Of(f.House.Key, In, "全款房", "按揭房"), Comparison.Of(f.Base.Key, GreaterOrEqual, "10000"))), Ct);
        Assert.True(pool.Succeeded, Codes(pool.Errors));
        async Task<string[]> NamesAsync(LeadListQuery query) =>
            (await owner.Get<ListLeads>().HandleAsync(query with { Search = prefix }, Ct)).Rows.Select(r => r.Name[prefix.Length..]).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["甲"], await NamesAsync(new LeadListQuery { PoolId = pool.Value }));
        Assert.Equal(["乙", "甲"], await NamesAsync(new LeadListQuery { FieldFilters = [Comparison.Of(f.House.Key, NotEqualTo, "无")] }));
        Assert.Equal(["丙"], await NamesAsync(new LeadListQuery { FieldFilters = [CustomFieldFilters.For(f.House, "无")!] }));
        Assert.Equal(["甲"], await NamesAsync(new LeadListQuery { FieldFilters = [CustomFieldFilters.For(f.Base, "1万")!] }));
        var row = (await owner.Get<ListLeads>().HandleAsync(new LeadListQuery { Search = prefix + "甲" }, Ct)).Rows.Single();
        Assert.Equal("20000", row.Custom[f.Base.Id]);

        var cards = (await owner.Get<GetBoard>().HandleAsync(null, new BoardFilter { Search = prefix, FieldFilters = [CustomFieldFilters.For(f.House, "按揭房")!] }, Ct))!
            .Cards.Values.SelectMany(c => c).Select(c => c.Name[prefix.Length..]).ToArray();
        Assert.Equal(["乙"], cards);

        // An export has a column per field, numbers as numbers.
        using var file = new MemoryStream();
        var labels = new LeadExportLabels("导出", "{0}{1}{2}", ExportLeads.Columns, new Dictionary<LeadStatus, string>());
        var exported = await owner.Get<ExportLeads>().HandleAsync(new LeadExportRequest(new LeadListQuery { Search = prefix + "甲" }, false, null, labels), file, Ct);
        Assert.Equal(1, exported.Value);
        file.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(file).Cast<IDictionary<string, object?>>().ToList();
        var headings = rows[1].Values.Select(v => v?.ToString()).ToList();
        var cells = rows[2].Values.ToList();
        Assert.Equal(20000d, Convert.ToDouble(cells[headings.IndexOf("社保缴纳基数")], CultureInfo.InvariantCulture));
        Assert.Equal("全款房", cells[headings.IndexOf("名下房产")]);
    }

    [Fact]
    public async Task An_import_maps_a_column_to_a_field_keeps_good_rows_and_names_the_field_of_a_bad_one()
    {
        var f = await FieldsAsync();
        await using var owner = await app.OwnerScopeAsync(f.World.Agency);
        var prefix = f.World.Prefix + "导";
        // Enough rows for the bulk path (PostgreSQL COPY) to carry the values too.
        var rows = Enumerable.Range(0, LeadBulkInsert.Threshold + 10)
            .Select(i => (IReadOnlyList<string?>)[prefix + i, TestIds.Mobile(), i == 3 ? "别墅" : "全款房", (i * 100).ToString(CultureInfo.InvariantCulture)]).ToList();
        var (content, name) = ImportFiles.Build(ImportFiles.Kind.Xlsx, ["姓名", "手机", "名下房产", "社保缴纳基数（元）"], rows);

        var uploaded = await ImportDriver.UploadOkAsync(owner, content, name);
        Assert.Equal(new Dictionary<int, Guid> { [2] = f.House.Id, [3] = f.Base.Id }, uploaded.CustomMapping);
        var preview = (await owner.Get<PreviewLeadImport>().HandleAsync(new PreviewLeadImportRequest(uploaded.ImportId, uploaded.Mapping, uploaded.CustomMapping), Ct)).Value!;
        Assert.Equal([new CellProblem(2, new FieldError(f.House.Key, "NotOption"))], preview.Rows[3].Problems);

        var summary = await ImportDriver.RunAsync(owner, uploaded);
        Assert.Equal((rows.Count - 1, 1), (summary.Created, summary.Rejected));
        var rejected = await ImportDriver.RejectedRowsAsync(owner, uploaded.ImportId);
        Assert.Equal("名下房产：不是可选项之一", rejected.Single()["原因"]);
        await using var db = app.OpenAgencyDb(f.World.Agency.Info);
        var stored = await db.Leads.AsNoTracking().Where(l => l.Name == prefix + "7").Select(l => l.CustomValues.Select(v => new { v.FieldId, v.Text, v.Number }).ToList()).SingleAsync();
        Assert.Equal("全款房", stored.Single(v => v.FieldId == f.House.Id).Text);
        Assert.Equal(700m, stored.Single(v => v.FieldId == f.Base.Id).Number);
    }

    [Fact]
    public async Task Archiving_a_field_hides_it_and_keeps_its_data_and_restoring_brings_it_back()
    {
        var f = await FieldsAsync();
        await using var owner = await app.OwnerScopeAsync(f.World.Agency);
        var field = (await owner.Get<SaveCustomField>().HandleAsync(new SaveCustomFieldRequest(null, 0, "车辆品牌" + f.World.Prefix, FieldType.Text, CustomFieldTarget.Lead,
            false, null, 20, null, null, [], false), Ct)).Value;
        var added = await owner.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput
        {
            Name = f.World.Prefix + "停用", Mobile = TestIds.Mobile(), Custom = new Dictionary<string, string?> { [CustomFieldKeys.Of(field)] = "宝马", [f.House.Key] = "无" },
        }), Ct);
        var pool = (await owner.Get<SavePool>().HandleAsync(new SavePoolRequest(null, 0, "宝马" + f.World.Prefix, null, Comparison.Of(CustomFieldKeys.Of(field), EqualTo, "宝马")), Ct)).Value;

        var version = (await owner.Get<ListCustomFields>().HandleAsync(Ct)).Single(r => r.Field.Id == field).Field.Version;
        Assert.True((await owner.Get<ArchiveCustomField>().HandleAsync(field, version, archive: true, Ct)).Succeeded);

        Assert.DoesNotContain((await owner.Get<LoadCustomFields>().HandleAsync(Ct)).Active, x => x.Id == field);
        var lead = (await owner.Get<GetLead>().HandleAsync(added.LeadId!.Value, Ct)).Value!;
        Assert.Equal("宝马", lead.CustomValues[field]);
        Assert.Equal(1, (await owner.Get<ListPools>().HandleAsync(Ct)).Pools.Single(p => p.Id == pool).Count);
        Assert.Equal(1, (await owner.Get<ListCustomFields>().HandleAsync(Ct)).Single(r => r.Field.Id == field).LeadsWithValue);
        // An edit without the archived field leaves its value alone.
        Assert.True((await owner.Get<EditLead>().HandleAsync(new EditLeadRequest(lead.Id, lead.Version, new LeadInput
        {
            Name = lead.Name, Custom = Values((f.House, "全款房")),
        }), Ct)).Succeeded);
        Assert.Equal("宝马", (await owner.Get<GetLead>().HandleAsync(lead.Id, Ct)).Value!.CustomValues[field]);

        var archived = (await owner.Get<ListCustomFields>().HandleAsync(Ct)).Single(r => r.Field.Id == field).Field;
        Assert.True((await owner.Get<ArchiveCustomField>().HandleAsync(field, archived.Version, archive: false, Ct)).Succeeded);
        Assert.Contains((await owner.Get<LoadCustomFields>().HandleAsync(Ct)).Active, x => x.Id == field);
    }

    [Fact]
    public async Task Definitions_are_checked_types_are_fixed_options_in_use_stay_and_only_settings_managers_change_them()
    {
        var f = await FieldsAsync();
        await using var owner = await app.OwnerScopeAsync(f.World.Agency);
        var save = owner.Get<SaveCustomField>();
        SaveCustomFieldRequest Request(CustomField field) => new(field.Id, field.Version, field.Label, field.Type, field.Target, field.Required, field.Min, field.Max,
            field.Pattern, field.Hint, field.Options, field.ShowInList);

        Assert.Equal("Label.Taken", Codes((await save.HandleAsync(Request(f.House) with { FieldId = null }, Ct)).Errors));
        Assert.Equal("Type.Locked", Codes((await save.HandleAsync(Request(f.House) with { Type = FieldType.Text, Options = [] }, Ct)).Errors));
        await owner.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = f.World.Prefix + "选项", Mobile = TestIds.Mobile(), Custom = Values((f.House, "按揭房")) }), Ct);
        Assert.Equal("Options.InUse", Codes((await save.HandleAsync(Request(f.House) with { Options = ["无", "全款房"] }, Ct)).Errors));
        Assert.Equal(".ChangedByOthers", Codes((await save.HandleAsync(Request(f.House) with { Version = f.House.Version - 1 }, Ct)).Errors));

        await using var sales = await app.MemberScopeAsync(f.World.Agency.Info, f.World.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<SaveCustomField>().HandleAsync(Request(f.House), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ArchiveCustomField>().HandleAsync(f.House.Id, f.House.Version, true, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ListCustomFields>().HandleAsync(Ct));
    }

    [Fact]
    public async Task Another_agency_can_neither_see_nor_change_nor_filter_by_a_field()
    {
        var f = await FieldsAsync();
        var b = await app.SharedAsync("cf-agency-b", () => app.ProvisionAgencyAsync(TestIds.Slug("cfb")));
        await using var ownerB = await app.OwnerScopeAsync(b);

        Assert.Empty((await ownerB.Get<LoadCustomFields>().HandleAsync(Ct)).All);
        Assert.Equal("Field.NotFound", Codes((await ownerB.Get<SaveCustomField>().HandleAsync(new SaveCustomFieldRequest(f.House.Id, f.House.Version, "劫持",
            FieldType.SingleSelect, CustomFieldTarget.Lead, false, null, null, null, null, ["x"], false), Ct)).Errors));
        Assert.Equal("Field.NotFound", Codes((await ownerB.Get<ArchiveCustomField>().HandleAsync(f.House.Id, f.House.Version, true, Ct)).Errors));
        Assert.Equal("Field.NotFound", Codes((await ownerB.Get<ReorderCustomFields>().HandleAsync(f.House.Id, f.House.Version, 1, Ct)).Errors));
        // A value for agency A's field is not a field of B's: ignored, never stored.
        var added = await ownerB.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput
        {
            Name = "乙机构客户", Mobile = TestIds.Mobile(), Custom = Values((f.House, "全款房")),
        }), Ct);
        Assert.True(added.Succeeded);
        Assert.Empty((await ownerB.Get<GetLead>().HandleAsync(added.LeadId!.Value, Ct)).Value!.CustomValues);
        // A filter on A's field (an old or forged link) is skipped, not an error and not a leak.
        Assert.Single((await ownerB.Get<ListLeads>().HandleAsync(new LeadListQuery { Search = "乙机构客户", FieldFilters = [Comparison.Of(f.House.Key, EqualTo, "全款房")] }, Ct)).Rows);
        Assert.Equal("Condition.UnknownField", Codes((await ownerB.Get<SavePool>().HandleAsync(new SavePoolRequest(null, 0, "越界", null,
            Comparison.Of(f.House.Key, EqualTo, "全款房")), Ct)).Errors));

        await using var db = app.OpenAgencyDb(f.World.Agency.Info);
        var kept = await db.CustomFields.AsNoTracking().SingleAsync(x => x.Id == f.House.Id);
        Assert.Equal(("名下房产", false), (kept.Label, kept.IsArchived));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCustomFieldTests(SqliteAppHost app) : CustomFieldTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomFieldTests(PostgresAppHost app) : CustomFieldTests(app);
