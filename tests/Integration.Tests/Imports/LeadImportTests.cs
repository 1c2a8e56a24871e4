using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Imports.ImportDriver;

namespace LoanSaaS.Integration.Tests.Imports;

/// <summary>Bulk import end to end: upload, mapping, background run, counts, rejected-rows file with reasons.</summary>
public abstract class LeadImportTests(AppHost app)
{
    private static readonly string[] Headers = ["姓名", "手机号", "身份证号", "城市", "贷款类型", "需求金额(万)", "来源", "备注"];

    private Task<Agency> AgencyAsync() => app.SharedAsync("lead-imports", () => app.ProvisionAgencyAsync(TestIds.Slug("import")));

    private sealed record Scenario(List<IReadOnlyList<string?>> Rows, string ExistingMobile, string BlacklistedMobile);

    /// <summary>Two good rows, six bad ones (one per reason) and one row matching an existing lead (which has no city yet).</summary>
    private async Task<Scenario> ScenarioAsync(Agency agency)
    {
        var existing = TestIds.Mobile();
        var blacklisted = TestIds.Mobile();
        await using (var scope = await TenantScope.BeginAsync(app, agency))
        {
            var created = await scope.Get<CaptureLeads>().HandleAsync([new LeadInput { Name = "老客户", Mobile = existing }],
                new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.FillEmpty), CancellationToken.None);
            Assert.Equal(CaptureOutcome.Created, created[0].Outcome);
            var protector = await scope.Get<TenantPersonalData>().GetAsync(CancellationToken.None);
            await using var db = app.OpenAgencyDb(agency.Info);
            db.Blacklist.Add(new BlacklistEntry
            {
                MobileIndex = protector.Index(PersonalDataKind.Mobile, "+86" + blacklisted), Name = "骗子", Reason = "伪造流水",
                AddedById = agency.OwnerUserId, AddedByName = "owner",
            });
            await db.SaveChangesAsync();
        }
        var first = TestIds.Mobile();
        return new Scenario(
        [
            ["张三", first, ImportFiles.IdNumber(), "上海", "抵押贷", "50", "地推", "good"],
            ["李四", TestIds.Mobile(), null, "杭州", "信用贷", "20", null, "good"],
            ["王五", "12345", null, null, null, null, null, "bad mobile"],
            ["赵六", TestIds.Mobile(), ImportFiles.BadIdNumber(), null, null, null, null, "bad id"],
            ["钱七", TestIds.Mobile(), null, null, null, "很多", null, "bad amount"],
            [null, TestIds.Mobile(), null, null, null, null, null, "no name"],
            ["孙八", blacklisted, null, null, null, null, null, "blacklisted"],
            ["周九", first, null, null, null, null, null, "repeat"],
            ["吴十", existing, null, "南京", null, null, null, "existing"],
        ], existing, blacklisted);
    }

    [Theory]
    [InlineData(ImportFiles.Kind.Xlsx)]
    [InlineData(ImportFiles.Kind.CsvUtf8)]
    [InlineData(ImportFiles.Kind.CsvUtf8Bom)]
    [InlineData(ImportFiles.Kind.CsvGbk)]
    public async Task Every_row_is_counted_and_every_rejected_row_says_why(ImportFiles.Kind kind)
    {
        var agency = await AgencyAsync();
        var scenario = await ScenarioAsync(agency);
        var (content, name) = ImportFiles.Build(kind, Headers, scenario.Rows);
        await using var owner = await app.OwnerScopeAsync(agency);

        var uploaded = await UploadOkAsync(owner, content, name);
        Assert.Equal(Headers, uploaded.Headers);
        Assert.Equal(
            [ImportField.Name, ImportField.Mobile, ImportField.IdNumber, ImportField.City, ImportField.LoanType, ImportField.AmountWan, ImportField.Source, ImportField.Ignore],
            uploaded.Mapping);
        Assert.Equal(9, uploaded.RowCount);
        Assert.Equal(kind == ImportFiles.Kind.Xlsx, uploaded.RowCountEstimated);

        var result = await RunAsync(owner, uploaded, DuplicatePolicy.FillEmpty, agency.OwnerUserId);

        Assert.Equal(ImportStatus.Completed, result.Status);
        Assert.Equal((9, 9, 2, 1, 0, 6), (result.TotalRows, result.ProcessedRows, result.Created, result.Updated, result.Duplicates, result.Rejected));
        var rejected = await RejectedRowsAsync(owner, uploaded.ImportId);
        Assert.Equal(6, rejected.Count);
        string Reason(string note) => (string)rejected.Single(r => (string?)r["备注"] == note)["原因"]!;
        Assert.Contains("手机号格式不正确", Reason("bad mobile"));
        Assert.Contains("身份证号无效", Reason("bad id"));
        Assert.Contains("金额不是数字", Reason("bad amount"));
        Assert.Contains("请填写姓名", Reason("no name"));
        Assert.Contains("黑名单", Reason("blacklisted"));
        Assert.Contains("伪造流水", Reason("blacklisted"));
        Assert.Contains("与文件中前面的行重复", Reason("repeat"));
        Assert.Equal("12345", rejected.Single(r => (string?)r["备注"] == "bad mobile")["手机号"]?.ToString());

        await using var db = app.OpenAgencyDb(agency.Info);
        var imported = await db.Leads.Where(l => l.ImportId == uploaded.ImportId).ToListAsync();
        Assert.Equal(["张三", "李四"], imported.Select(l => l.Name).Order());
        Assert.All(imported, l => Assert.Equal((agency.OwnerUserId, LeadStatus.Active, LeadChannel.Import), (l.OwnerId!, l.Status, l.Channel)));
        Assert.Equal("mortgage", imported.Single(l => l.Name == "张三").LoanType);
        var protector = await owner.Get<TenantPersonalData>().GetAsync(CancellationToken.None);
        var index = protector.Index(PersonalDataKind.Mobile, "+86" + scenario.ExistingMobile);
        var existing = await db.Leads.SingleAsync(l => l.Mobile.Index == index);
        Assert.Equal(("老客户", "南京", (Guid?)null), (existing.Name, existing.City, existing.ImportId));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import.completed" && a.EntityId == uploaded.ImportId.ToString()));
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == agency.OwnerUserId && n.Kind == NotificationKind.ImportFinished && n.Subject == name));
        Assert.True(await AuditLog.VerifyChainAsync(db, CancellationToken.None));
    }

    [Theory]
    [InlineData(DuplicatePolicy.Skip, 0, 1, "老客户", null)]
    [InlineData(DuplicatePolicy.FillEmpty, 1, 0, "老客户", "南京")]
    [InlineData(DuplicatePolicy.Overwrite, 1, 0, "吴十", "南京")]
    public async Task A_row_matching_an_existing_lead_follows_the_policy(DuplicatePolicy policy, int updated, int duplicates, string name, string? city)
    {
        var agency = await AgencyAsync();
        var scenario = await ScenarioAsync(agency);
        var (content, file) = ImportFiles.Build(ImportFiles.Kind.CsvUtf8, Headers, [scenario.Rows[^1]]);
        await using var owner = await app.OwnerScopeAsync(agency);

        var result = await RunAsync(owner, await UploadOkAsync(owner, content, file), policy);

        Assert.Equal((0, updated, duplicates, 0), (result.Created, result.Updated, result.Duplicates, result.Rejected));
        Assert.False(result.HasRejectedFile);
        var protector = await owner.Get<TenantPersonalData>().GetAsync(CancellationToken.None);
        var index = protector.Index(PersonalDataKind.Mobile, "+86" + scenario.ExistingMobile);
        await using var db = app.OpenAgencyDb(agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Mobile.Index == index);
        Assert.Equal((name, city), (lead.Name, lead.City));
    }

    [Fact]
    public async Task New_leads_without_an_owner_go_to_the_public_pool()
    {
        var agency = await AgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        var rows = Enumerable.Range(0, 120).Select(i => (IReadOnlyList<string?>)[$"客户{i}", TestIds.Mobile(), null, null, null, null, null, null]).ToList();
        var (content, file) = ImportFiles.Build(ImportFiles.Kind.Xlsx, Headers, rows);

        var uploaded = await UploadOkAsync(owner, content, file);
        var result = await RunAsync(owner, uploaded, DuplicatePolicy.Skip, ownerId: null);

        Assert.Equal(120, result.Created + result.Rejected);
        await using var db = app.OpenAgencyDb(agency.Info);
        var leads = await db.Leads.Where(l => l.ImportId == uploaded.ImportId).ToListAsync();
        Assert.Equal(result.Created, leads.Count);
        Assert.All(leads, l => Assert.Equal((LeadStatus.PublicPool, (string?)null), (l.Status, l.OwnerId)));
        Assert.Equal(leads.Count, leads.Select(l => l.Number).Distinct().Count());
    }

    [Fact]
    public async Task The_chosen_mapping_is_remembered_for_the_next_upload()
    {
        var agency = await AgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        string[] headers = ["联系人全名", "手机"];
        var (content, file) = ImportFiles.Build(ImportFiles.Kind.CsvUtf8, headers, [["陈一", TestIds.Mobile()]]);

        var first = await UploadOkAsync(owner, content, file);
        Assert.Equal([ImportField.Ignore, ImportField.Mobile], first.Mapping);
        await RunAsync(owner, first, mapping: [ImportField.Name, ImportField.Mobile]);

        var second = await UploadOkAsync(owner, content, file);
        Assert.Equal([ImportField.Name, ImportField.Mobile], second.Mapping);
    }

    [Fact]
    public async Task Starting_needs_name_and_mobile_mapped_once()
    {
        var agency = await AgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        var (content, file) = ImportFiles.Build(ImportFiles.Kind.CsvUtf8, Headers, [["陈二", TestIds.Mobile(), null, null, null, null, null, null]]);
        var uploaded = await UploadOkAsync(owner, content, file);
        var start = owner.Get<StartLeadImport>();

        var noMobile = await start.HandleAsync(new(uploaded.ImportId, uploaded.Mapping.Select(f => f == ImportField.Mobile ? ImportField.Ignore : f).ToList(), DuplicatePolicy.Skip, null), default);
        var twice = await start.HandleAsync(new(uploaded.ImportId, uploaded.Mapping.Select(f => f == ImportField.Ignore ? ImportField.Name : f).ToList(), DuplicatePolicy.Skip, null), default);

        Assert.Equal("NameAndMobileRequired", Assert.Single(noMobile.Errors).Code);
        Assert.Equal("Repeated", Assert.Single(twice.Errors).Code);
    }

    [Fact]
    public async Task Preview_marks_bad_cells_with_their_column_and_reason()
    {
        var agency = await AgencyAsync();
        var scenario = await ScenarioAsync(agency);
        await using var owner = await app.OwnerScopeAsync(agency);
        var (content, file) = ImportFiles.Build(ImportFiles.Kind.Xlsx, Headers, scenario.Rows);
        var uploaded = await UploadOkAsync(owner, content, file);

        var preview = await owner.Get<PreviewLeadImport>().HandleAsync(new(uploaded.ImportId, uploaded.Mapping), default);

        Assert.True(preview.Succeeded);
        Assert.Equal(9, preview.Value!.Rows.Count);
        Assert.Empty(preview.Value.Rows[0].Problems);
        Assert.Matches(@"^1\d{2}\*{4}\d{4}$", preview.Value.Rows[0].Cells[1]);
        Assert.Equal(new CellProblem(1, new FieldError("Mobile", "Invalid")), Assert.Single(preview.Value.Rows[2].Problems));
        Assert.Equal(scenario.Rows[2][1], preview.Value.Rows[2].Cells[1]);
        Assert.Equal(new CellProblem(2, new FieldError("IdNumber", "Invalid")), Assert.Single(preview.Value.Rows[3].Problems));
        Assert.Equal(new CellProblem(5, new FieldError("Amount", "NotNumber")), Assert.Single(preview.Value.Rows[4].Problems));
        Assert.Equal(new CellProblem(0, new FieldError("Name", "Required")), Assert.Single(preview.Value.Rows[5].Problems));
    }

    [Fact]
    public async Task The_history_lists_started_imports_with_their_counts()
    {
        var agency = await AgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        var (content, file) = ImportFiles.Build(ImportFiles.Kind.CsvUtf8, Headers, [["陈三", TestIds.Mobile(), null, null, null, null, null, null]]);
        var started = await UploadOkAsync(owner, content, file);
        await RunAsync(owner, started);
        var abandoned = await UploadOkAsync(owner, content, file);

        var history = await owner.Get<ListLeadImports>().HandleAsync(default);

        Assert.Contains(history, i => i.Id == started.ImportId && i.Created == 1 && i.Status == ImportStatus.Completed && i.Percent == 100);
        Assert.DoesNotContain(history, i => i.Id == abandoned.ImportId);
    }

    [Fact]
    public async Task Rows_in_different_batches_matching_one_lead_by_mobile_and_by_id_number_both_update_it()
    {
        var agency = await AgencyAsync();
        var mobile = TestIds.Mobile();
        var idNumber = ImportFiles.IdNumber();
        await using (var scope = await TenantScope.BeginAsync(app, agency))
        {
            var created = await scope.Get<CaptureLeads>().HandleAsync([new LeadInput { Name = "老客户", Mobile = mobile, IdNumber = idNumber }],
                new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.FillEmpty), CancellationToken.None);
            Assert.Equal(CaptureOutcome.Created, created[0].Outcome);
        }
        // The first row fills the city by mobile; the row after the first batch fills the loan type by ID number,
        // while the next batch is checked before the first is written.
        var rows = new List<IReadOnlyList<string?>> { new[] { "老客户", mobile, null, "南京", null, null, null, null } };
        // Distinct filler mobiles, outside TestIds' 139 range so they never meet another test's leads.
        var first = Random.Shared.Next(0, 90_000_000);
        rows.AddRange(Enumerable.Range(0, ImportLimits.BatchSize - 1).Select(i =>
            (IReadOnlyList<string?>)new[] { "新客户", "137" + (first + i).ToString("D8", System.Globalization.CultureInfo.InvariantCulture), null, null, null, null, null, null }));
        rows.Add(["老客户", TestIds.Mobile(), idNumber, null, "抵押贷", null, null, null]);
        var (content, file) = ImportFiles.Build(ImportFiles.Kind.CsvUtf8, Headers, rows);
        await using var owner = await app.OwnerScopeAsync(agency);

        var result = await RunAsync(owner, await UploadOkAsync(owner, content, file), DuplicatePolicy.FillEmpty, agency.OwnerUserId);

        Assert.Equal(ImportStatus.Completed, result.Status);
        Assert.Equal((ImportLimits.BatchSize + 1, ImportLimits.BatchSize - 1, 2, 0), (result.ProcessedRows, result.Created, result.Updated, result.Rejected));
        await using var db = app.OpenAgencyDb(agency.Info);
        var protector = await owner.Get<TenantPersonalData>().GetAsync(CancellationToken.None);
        var index = protector.Index(PersonalDataKind.Mobile, "+86" + mobile);
        var lead = await db.Leads.SingleAsync(l => l.Mobile.Index == index);
        Assert.Equal(("南京", "mortgage"), (lead.City, lead.LoanType));
    }

    [Fact]
    public async Task Sales_members_cannot_import()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        await using var member = await app.MemberScopeAsync(agency.Info, sales.UserId);
        var (content, file) = ImportFiles.Build(ImportFiles.Kind.CsvUtf8, Headers, [["陈四", TestIds.Mobile(), null, null, null, null, null, null]]);

        await Assert.ThrowsAsync<AccessDeniedException>(() => UploadAsync(member, content, file));
        await Assert.ThrowsAsync<AccessDeniedException>(() => member.Get<ListLeadImports>().HandleAsync(default));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLeadImportTests(SqliteAppHost app) : LeadImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadImportTests(PostgresAppHost app) : LeadImportTests(app);
