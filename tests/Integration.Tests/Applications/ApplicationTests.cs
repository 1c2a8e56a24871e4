using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Products;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Applications.ApplicationFixture;

namespace LoanSaaS.Integration.Tests.Applications;

/// <summary>
/// 进件: a sales person starts an application for their customer within the product's ranges, edits it while a draft,
/// withdraws it; lists and the board show it; colleagues outside the scope and another agency reach none of it.
/// </summary>
public abstract class ApplicationTests(AppHost app)
{
    [Fact]
    public async Task A_customer_gets_a_numbered_draft_only_within_the_products_ranges_and_only_from_someone_who_may_see_them()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var customer = await CustomerAsync(app, w.Agency, w.SalesA.UserId);
        var product = await ProductAsync(app, w.Agency);
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var create = sales.Get<CreateApplication>();

        var wrong = await create.HandleAsync(new CreateApplicationRequest(customer, product, new ApplicationInput(25, 48, RepaymentMethod.EqualPrincipal, new string('用', 201))), Ct);
        Assert.Equal("Amount.OutOfRange,Term.OutOfRange,RepaymentMethod.NotOffered,Purpose.TooLong", Codes(wrong));
        Assert.Equal("Amount.Required,Term.Required,RepaymentMethod.Required",
            Codes(await create.HandleAsync(new CreateApplicationRequest(customer, product, new ApplicationInput(null, null, null, null)), Ct)));
        Assert.Equal("Amount.Invalid", Codes(await create.HandleAsync(new CreateApplicationRequest(customer, product, Terms(amount: 5.555m)), Ct)));
        Assert.Equal("Product.NotFound", Codes(await create.HandleAsync(new CreateApplicationRequest(customer, Guid.NewGuid(), Terms()), Ct)));
        var lead = await LeadPageFixture.AddAsync(app, w.Agency, w.SalesA.UserId);
        Assert.Equal("Lead.NotCustomer", Codes(await create.HandleAsync(new CreateApplicationRequest(lead, product, Terms()), Ct)));
        await using (var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId))
            Assert.Equal("Lead.NotFound", Codes(await salesB.Get<CreateApplication>().HandleAsync(new CreateApplicationRequest(customer, product, Terms()), Ct)));

        var created = await create.HandleAsync(new CreateApplicationRequest(customer, product, Terms(20, 36)), Ct);
        Assert.True(created.Succeeded, Codes(created));
        var detail = await GetAsync(app, w.Agency, w.SalesA.UserId, created.Value);
        Assert.Matches(@"^JJ\d{8}\d{4,}$", detail.Number);
        Assert.Equal((ApplicationStatus.Draft, w.SalesA.UserId, 20m, 36, "装修"), (detail.Status, detail.OwnerId, detail.AmountWan, detail.TermMonths, detail.Purpose));
        Assert.Equal(5, detail.Missing.Count);
        Assert.Equal([.. detail.Product.RequiredDocuments, ApplicationChecklist.Other], detail.Checklist.Select(c => c.Item));
        Assert.Equal((true, true, true, true, false), (detail.Can.Edit, detail.Can.Submit, detail.Can.Withdraw, detail.Can.Upload, detail.Can.Review));
        Assert.Equal("created", Assert.Single(detail.Timeline).Kind);
        var second = await create.HandleAsync(new CreateApplicationRequest(customer, product, Terms()), Ct);
        Assert.NotEqual(detail.Number, (await GetAsync(app, w.Agency, w.SalesA.UserId, second.Value)).Number);
    }

    [Fact]
    public async Task A_draft_is_edited_against_the_version_seen_and_the_product_and_a_withdrawn_one_no_longer()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var (_, id) = await DraftAsync(app, w.Agency, w.SalesA.UserId);
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var edit = sales.Get<EditApplication>();

        Assert.Equal("Amount.OutOfRange", Codes(await edit.HandleAsync(new EditApplicationRequest(id, 1, Terms(amount: 21)), Ct)));
        var edited = await edit.HandleAsync(new EditApplicationRequest(id, 1, Terms(15, 24)), Ct);
        Assert.Equal(2, edited.Value);
        // Two tabs: the second save still carries version 1.
        Assert.Equal("Application.ChangedByOthers", Codes(await edit.HandleAsync(new EditApplicationRequest(id, 1, Terms(16, 24)), Ct)));
        var detail = await GetAsync(app, w.Agency, w.SalesA.UserId, id);
        Assert.Equal((15m, 24), (detail.AmountWan, detail.TermMonths));
        var updated = detail.Timeline.First(e => e.Kind == "updated");
        Assert.Contains("Amount:10→15", updated.Data["changes"]);

        await using (var manager = await app.MemberScopeAsync(w.Agency.Info, w.ManagerB.UserId))
            Assert.Equal("Application.NotFound", Codes(await manager.Get<WithdrawApplication>().HandleAsync(new WithdrawApplicationRequest(id, 2, "不是我组的"), Ct)));
        var withdraw = sales.Get<WithdrawApplication>();
        Assert.Equal("Reason.Required", Codes(await withdraw.HandleAsync(new WithdrawApplicationRequest(id, 2, " "), Ct)));
        Assert.True((await withdraw.HandleAsync(new WithdrawApplicationRequest(id, 2, "客户改选其他产品"), Ct)).Succeeded);
        Assert.Equal("Application.NotEditable", Codes(await edit.HandleAsync(new EditApplicationRequest(id, 3, Terms()), Ct)));
        Assert.Equal("Application.NotOpen", Codes(await withdraw.HandleAsync(new WithdrawApplicationRequest(id, 3, "再撤一次"), Ct)));
        detail = await GetAsync(app, w.Agency, w.SalesA.UserId, id);
        Assert.Equal(ApplicationStatus.Withdrawn, detail.Status);
        Assert.Equal("客户改选其他产品", detail.Timeline.First(e => e.Kind == "withdrawn").Data["reason"]);
        Assert.Equal((false, false, false), (detail.Can.Edit, detail.Can.Submit, detail.Can.Withdraw));
    }

    private static ApplicationInput WithRelated(RelatedPersonRole? role, string? name, RelatedPersonRelation? relation, string? mobile) =>
        Terms() with { RelatedRole = role, RelatedName = name, RelatedRelation = relation, RelatedMobile = mobile };

    [Fact]
    public async Task A_co_borrower_is_stored_sealed_shown_masked_edited_all_or_nothing_and_audited_without_the_number()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var customer = await CustomerAsync(app, w.Agency, w.SalesA.UserId);
        var product = await ProductAsync(app, w.Agency);
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var create = sales.Get<CreateApplication>();

        Assert.Equal("RelatedName.Required,RelatedRelation.Required,RelatedMobile.Required",
            Codes(await create.HandleAsync(new CreateApplicationRequest(customer, product, WithRelated(RelatedPersonRole.CoBorrower, null, null, null)), Ct)));
        Assert.Equal("RelatedRole.Required,RelatedMobile.Invalid",
            Codes(await create.HandleAsync(new CreateApplicationRequest(customer, product, WithRelated(null, "王芳", RelatedPersonRelation.Spouse, "1381234567")), Ct)));
        var created = await create.HandleAsync(new CreateApplicationRequest(customer, product,
            WithRelated(RelatedPersonRole.CoBorrower, " 王芳 ", RelatedPersonRelation.Spouse, "138-1234-5678")), Ct);
        Assert.True(created.Succeeded, Codes(created));
        var id = created.Value;

        var protector = await sales.Get<Infrastructure.PersonalData.TenantPersonalData>().GetAsync(Ct);
        async Task<Domain.Leads.SealedValue> StoredAsync()
        {
            await using var db = app.OpenAgencyDb(w.Agency.Info);
            return await db.LoanApplications.Where(a => a.Id == id).Select(a => a.RelatedMobile).SingleAsync();
        }
        var stored = await StoredAsync();
        Assert.NotNull(stored.Cipher);
        Assert.DoesNotContain("13812345678", System.Text.Encoding.UTF8.GetString(stored.Cipher!));
        Assert.Equal("+8613812345678", protector.Decrypt(Infrastructure.PersonalData.PersonalDataKind.Mobile, stored.Cipher!));
        Assert.Equal(protector.Index(Infrastructure.PersonalData.PersonalDataKind.Mobile, "+8613812345678"), stored.Index);
        Assert.Equal("138****5678", stored.Masked);

        var detail = await GetAsync(app, w.Agency, w.SalesA.UserId, id);
        Assert.Equal(new ApplicationRelatedView(RelatedPersonRole.CoBorrower, "王芳", RelatedPersonRelation.Spouse, "138****5678"), detail.Related);

        var edit = sales.Get<EditApplication>();
        Assert.Equal("RelatedName.Required,RelatedRelation.Required",
            Codes(await edit.HandleAsync(new EditApplicationRequest(id, 1, WithRelated(RelatedPersonRole.Guarantor, "", null, null)), Ct)));
        // A blank mobile keeps the stored one (the form only holds its mask); role and relation change.
        var kept = await edit.HandleAsync(new EditApplicationRequest(id, 1, WithRelated(RelatedPersonRole.Guarantor, "王芳", RelatedPersonRelation.Sibling, null)), Ct);
        Assert.Equal(2, kept.Value);
        Assert.Equal(stored.Cipher, (await StoredAsync()).Cipher);
        var changed = await edit.HandleAsync(new EditApplicationRequest(id, 2, WithRelated(RelatedPersonRole.Guarantor, "李强", RelatedPersonRelation.Friend, "13987654321")), Ct);
        Assert.Equal(3, changed.Value);
        detail = await GetAsync(app, w.Agency, w.SalesA.UserId, id);
        Assert.Equal(new ApplicationRelatedView(RelatedPersonRole.Guarantor, "李强", RelatedPersonRelation.Friend, "139****4321"), detail.Related);
        Assert.Contains("Related:Guarantor,王芳,Sibling,138****5678→Guarantor,李强,Friend,139****4321", detail.Timeline.First(e => e.Kind == "updated").Data["changes"]);
        Assert.Equal(3L, (await edit.HandleAsync(new EditApplicationRequest(id, 3, WithRelated(RelatedPersonRole.Guarantor, "李强", RelatedPersonRelation.Friend, "139 8765 4321")), Ct)).Value);

        Assert.Equal(4, (await edit.HandleAsync(new EditApplicationRequest(id, 3, Terms()), Ct)).Value);
        Assert.Null((await GetAsync(app, w.Agency, w.SalesA.UserId, id)).Related);
        Assert.False((await StoredAsync()).HasValue);

        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var key = id.ToString();
            var details = await db.AuditEntries.Where(e => e.EntityType == "application" && e.EntityId == key).Select(e => e.Details).ToListAsync();
            Assert.Equal(4, details.Count);
            Assert.Contains(details, d => d!.Contains("138****5678", StringComparison.Ordinal));
            Assert.All(details, d => Assert.DoesNotContain("13812345678", d ?? ""));
            Assert.All(details, d => Assert.DoesNotContain("13987654321", d ?? ""));
        }

        Assert.True((await sales.Get<WithdrawApplication>().HandleAsync(new WithdrawApplicationRequest(id, 4, "客户放弃"), Ct)).Succeeded);
        Assert.Equal("Application.NotEditable", Codes(await edit.HandleAsync(new EditApplicationRequest(id, 5,
            WithRelated(RelatedPersonRole.CoBorrower, "王芳", RelatedPersonRelation.Spouse, "13812345678")), Ct)));
    }

    [Fact]
    public async Task Lists_show_mine_my_teams_and_all_by_scope_and_status_and_a_customers_own()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var (leadA, a) = await DraftAsync(app, w.Agency, w.SalesA.UserId);
        var (_, b) = await DraftAsync(app, w.Agency, w.SalesB.UserId);

        async Task<ApplicationList> ListAsync(Member member, ApplicationListQuery query)
        {
            await using var scope = await app.MemberScopeAsync(w.Agency.Info, member.UserId);
            return await scope.Get<ListApplications>().HandleAsync(query, Ct);
        }
        var mine = await ListAsync(w.SalesA, new ApplicationListQuery(ApplicationListView.All));
        Assert.Equal([ApplicationListView.Mine], mine.Views);
        Assert.Contains(mine.Rows, r => r.Id == a);
        Assert.DoesNotContain(mine.Rows, r => r.Id == b);
        Assert.All(mine.Rows, r => Assert.Equal(w.SalesA.FullName, r.OwnerName));
        var team = await ListAsync(w.ManagerA, new ApplicationListQuery(ApplicationListView.Team));
        Assert.Contains(team.Rows, r => r.Id == a);
        Assert.DoesNotContain(team.Rows, r => r.Id == b);
        Assert.Equal([ApplicationListView.Mine, ApplicationListView.Team, ApplicationListView.All], team.Views);
        var all = await ListAsync(w.NoReveal, new ApplicationListQuery(ApplicationListView.All, ApplicationStatus.Draft, PageSize: 100));
        Assert.Contains(all.Rows, r => r.Id == a);
        Assert.Contains(all.Rows, r => r.Id == b);
        Assert.True(all.Counts[ApplicationStatus.Draft] >= 2);
        Assert.Empty((await ListAsync(w.NoReveal, new ApplicationListQuery(ApplicationListView.All, ApplicationStatus.Approved))).Rows);
        var customers = await ListAsync(w.SalesA, new ApplicationListQuery(LeadId: leadA));
        Assert.Equal(a, Assert.Single(customers.Rows).Id);
        Assert.Empty((await ListAsync(w.SalesB, new ApplicationListQuery(LeadId: leadA))).Rows);
    }

    [Fact]
    public async Task A_board_card_carries_its_customers_open_application_read_in_one_query_for_the_whole_board()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var (lead, id) = await DraftAsync(app, w.Agency, w.SalesA.UserId, Terms(12.5m));
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var board = await sales.Get<GetBoard>().HandleAsync(null, new BoardFilter(), Ct);
        var card = board!.Cards.Values.SelectMany(c => c).Single(c => c.Id == lead);
        Assert.Equal(new BoardCardApplication(ApplicationStatus.Draft, 12.5m), card.Application);
        var one = await sales.Get<GetBoardCards>().OneAsync(board.Id, lead, new BoardFilter(), Ct);
        Assert.Equal(ApplicationStatus.Draft, one!.Application!.Status);

        Assert.True((await sales.Get<WithdrawApplication>().HandleAsync(new WithdrawApplicationRequest(id, 1, "客户放弃"), Ct)).Succeeded);
        Assert.Null((await sales.Get<GetBoardCards>().OneAsync(board.Id, lead, new BoardFilter(), Ct))!.Application);
    }

    [Fact]
    public async Task Another_agency_cannot_read_change_upload_to_review_or_submit_an_application_by_its_id()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var (_, id) = await DraftAsync(app, w.Agency, w.SalesA.UserId);
        var doc = await UploadAsync(app, w.Agency, w.SalesA.UserId, id, "收入证明", Infrastructure.Demo.SampleDocuments.Pdf(), "收入证明.pdf");
        Assert.True(doc.Succeeded);

        await using var ownerB = await app.OwnerScopeAsync(w.Other);
        Assert.Equal("Application.NotFound", Codes(await ownerB.Get<GetApplication>().HandleAsync(id, Ct)));
        Assert.Equal("Application.NotFound", Codes(await ownerB.Get<EditApplication>().HandleAsync(new EditApplicationRequest(id, 1, Terms(11)), Ct)));
        Assert.Equal("Application.NotFound", Codes(await ownerB.Get<SubmitApplication>().HandleAsync(new SubmitApplicationRequest(id, 1), Ct)));
        Assert.Equal("Application.NotFound", Codes(await ownerB.Get<WithdrawApplication>().HandleAsync(new WithdrawApplicationRequest(id, 1, "越权"), Ct)));
        using (var stream = new MemoryStream(Infrastructure.Demo.SampleDocuments.Png()))
            Assert.Equal("Application.NotFound", Codes(await ownerB.Get<UploadApplicationDocument>().HandleAsync(
                new UploadApplicationDocumentRequest(id, "收入证明", stream, "x.png", stream.Length), Ct)));
        Assert.Equal("Document.NotFound", Codes(await ownerB.Get<ReviewApplicationDocument>().HandleAsync(new ReviewApplicationDocumentRequest(doc.Value, 1, false, "越权"), Ct)));
        Assert.Null(await ownerB.Get<OpenApplicationDocument>().HandleAsync(id, doc.Value, Ct));
        Assert.Empty((await ownerB.Get<ListApplications>().HandleAsync(new ApplicationListQuery(ApplicationListView.All), Ct)).Rows);

        var detail = await GetAsync(app, w.Agency, w.SalesA.UserId, id);
        Assert.Equal((ApplicationStatus.Draft, 10m, 1L), (detail.Status, detail.AmountWan, detail.Version));
        Assert.Equal(DocumentStatus.Pending, detail.Checklist.Single(c => c.Item == "收入证明").Current.Single().Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApplicationTests(SqliteAppHost app) : ApplicationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresApplicationTests(PostgresAppHost app) : ApplicationTests(app);
