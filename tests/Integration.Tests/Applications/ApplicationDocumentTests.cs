using System.Net;
using LoanSaaS.Domain.Applications;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Demo;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Applications.ApplicationFixture;

namespace LoanSaaS.Integration.Tests.Applications;

/// <summary>
/// Application documents: only JPEG/PNG/WebP/PDF by content, at most 10 MB, stored encrypted, shown in the browser to
/// the application's people only (every view audited), reviewed with reasons, replaced with their history kept.
/// </summary>
public abstract class ApplicationDocumentTests(AppHost app)
{
    [Fact]
    public async Task Uploads_are_judged_by_their_bytes_not_their_names_and_refused_with_a_reason()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var (_, id) = await DraftAsync(app, w.Agency, w.SalesA.UserId);
        Task<Result<Guid>> Upload(byte[] content, string name, long? claimed = null) => UploadAsync(app, w.Agency, w.SalesA.UserId, id, "银行流水", content, name, claimedSize: claimed);

        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        Assert.Equal("File.WrongType", Codes(await Upload(exe, "流水.png")));
        Assert.Equal("File.WrongType", Codes(await Upload("just text, not an image"u8.ToArray(), "流水.jpg")));
        Assert.Equal("File.Mismatch", Codes(await Upload(SampleDocuments.Pdf(), "流水.jpg")));
        Assert.Equal("File.Mismatch", Codes(await Upload(SampleDocuments.Png(), "流水.exe")));
        Assert.Equal("File.Empty", Codes(await Upload([], "流水.pdf")));
        Assert.Equal("File.TooLarge", Codes(await Upload(SampleDocuments.Png(), "流水.png", DocumentFormats.MaxBytes + 1)));
        // A client that understates the size is stopped by the copy itself.
        var big = new byte[DocumentFormats.MaxBytes + 1];
        SampleDocuments.Pdf().CopyTo(big, 0);
        Assert.Equal("File.TooLarge", Codes(await Upload(big, "流水.pdf", 1000)));
        Assert.Equal("Item.Unknown", Codes(await UploadAsync(app, w.Agency, w.SalesA.UserId, id, "房产证", SampleDocuments.Png(), "房产证.png")));

        Assert.True((await Upload(SampleDocuments.Png(), "流水-照片")).Succeeded);
        Assert.True((await Upload(SampleDocuments.Pdf(), "流水.PDF")).Succeeded);
        Assert.True((await UploadAsync(app, w.Agency, w.SalesA.UserId, id, ApplicationChecklist.Other, SampleDocuments.Png(seed: 3), "补充.png")).Succeeded);
        var item = (await GetAsync(app, w.Agency, w.SalesA.UserId, id)).Checklist.Single(c => c.Item == "银行流水");
        Assert.Equal([DocumentFormats.Pdf, DocumentFormats.Png], item.Current.Select(d => d.ContentType));
        Assert.False(item.Missing);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(3, await db.ApplicationDocuments.CountAsync(d => d.ApplicationId == id));
    }

    [Fact]
    public async Task A_document_is_encrypted_at_rest_and_opened_only_for_the_applications_people_each_view_audited()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var (_, id) = await DraftAsync(app, w.Agency, w.SalesA.UserId);
        var png = SampleDocuments.Png(seed: 5);
        var docId = (await UploadAsync(app, w.Agency, w.SalesA.UserId, id, "身份证正反面", png, "身份证.png")).Value;
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var stored = await db.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.Id == docId);
        var raw = await File.ReadAllBytesAsync(Directory.EnumerateFiles(app.DataDirectory, stored.StorageKey, SearchOption.AllDirectories).Single());
        Assert.DoesNotContain(Convert.ToHexString(png[..16]), Convert.ToHexString(raw));
        Assert.DoesNotContain(Convert.ToHexString(png[^16..]), Convert.ToHexString(raw));

        await using (var reviewer = await app.MemberScopeAsync(w.Agency.Info, w.NoReveal.UserId))
        {
            var opened = await reviewer.Get<OpenApplicationDocument>().HandleAsync(id, docId, Ct);
            Assert.Equal(("image/png", "身份证.png"), (opened!.ContentType, opened.FileName));
            using var read = new MemoryStream();
            await using (opened.Content) await opened.Content.CopyToAsync(read);
            Assert.Equal(png, read.ToArray());
        }
        await using (var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId))
            Assert.Null(await salesB.Get<OpenApplicationDocument>().HandleAsync(id, docId, Ct));
        var (_, other) = await DraftAsync(app, w.Agency, w.SalesA.UserId);
        await using (var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId))
            Assert.Null(await sales.Get<OpenApplicationDocument>().HandleAsync(other, docId, Ct));
        var views = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "application.document.viewed" && e.EntityId == id.ToString()).ToListAsync();
        Assert.Equal(w.NoReveal.UserId, Assert.Single(views).ActorId);
    }

    [Fact]
    public async Task The_document_url_streams_inline_to_the_owner_and_answers_404_to_a_colleague_outside_the_scope_and_to_another_agency()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var (_, id) = await DraftAsync(app, w.Agency, w.SalesA.UserId);
        var pdf = SampleDocuments.Pdf("Income proof");
        var docId = (await UploadAsync(app, w.Agency, w.SalesA.UserId, id, "收入证明", pdf, "收入证明.pdf")).Value;
        var url = $"/applications/{id}/documents/{docId}";

        using var owner = app.CreateAgencyClient(w.Agency);
        await AppHost.LoginAsync(owner, w.SalesA.Mobile, w.SalesA.Password!);
        using (var response = await owner.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("收入证明.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
            Assert.True(response.Headers.CacheControl!.NoStore);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        }
        using (var response = await owner.GetAsync($"/applications/{id}/documents/{Guid.NewGuid()}"))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        using var colleague = app.CreateAgencyClient(w.Agency);
        await AppHost.LoginAsync(colleague, w.SalesB.Mobile, w.SalesB.Password!);
        using (var response = await colleague.GetAsync(url))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        // Agency B's member, signed in on B's host, asks for A's ids: B's database has no such application.
        using var other = app.CreateAgencyClient(w.Other);
        await AppHost.LoginAsync(other, w.OtherSales.Mobile, w.OtherSales.Password!);
        using (var response = await other.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Income proof", await response.Content.ReadAsStringAsync());
        }
        using var anonymous = app.CreateCookielessClient(w.Agency.Host);
        using (var response = await anonymous.GetAsync(url))
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_reviewer_rejects_with_a_reason_the_owner_replaces_and_the_history_stays()
    {
        var w = await LeadPageFixture.WorldAsync(app);
        var (_, id) = await DraftAsync(app, w.Agency, w.SalesA.UserId);
        var first = (await UploadAsync(app, w.Agency, w.SalesA.UserId, id, "征信报告", SampleDocuments.Pdf("Credit v1"), "征信.pdf")).Value;

        await using (var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId))
            await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ReviewApplicationDocument>().HandleAsync(new ReviewApplicationDocumentRequest(first, 1, true, null), Ct));
        await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.ManagerA.UserId);
        var review = manager.Get<ReviewApplicationDocument>();
        Assert.Equal("Reason.Required", Codes(await review.HandleAsync(new ReviewApplicationDocumentRequest(first, 1, false, "  "), Ct)));
        Assert.Equal("Document.NotReplaceable", Codes(await UploadAsync(app, w.Agency, w.SalesA.UserId, id, "征信报告", SampleDocuments.Pdf(), "新.pdf", replaces: first)));
        Assert.True((await review.HandleAsync(new ReviewApplicationDocumentRequest(first, 1, false, "报告超过 30 天，请重新打印"), Ct)).Succeeded);
        Assert.Equal("Document.ChangedByOthers", Codes(await review.HandleAsync(new ReviewApplicationDocumentRequest(first, 1, true, null), Ct)));
        Assert.Contains("征信报告", (await GetAsync(app, w.Agency, w.SalesA.UserId, id)).Missing);

        var second = await UploadAsync(app, w.Agency, w.SalesA.UserId, id, "ignored", SampleDocuments.Pdf("Credit v2"), "征信-新.pdf", replaces: first);
        Assert.True(second.Succeeded, Codes(second));
        Assert.Equal("Document.Superseded", Codes(await review.HandleAsync(new ReviewApplicationDocumentRequest(first, 2, true, null), Ct)));
        Assert.True((await review.HandleAsync(new ReviewApplicationDocumentRequest(second.Value, 1, true, null), Ct)).Succeeded);

        var detail = await GetAsync(app, w.Agency, w.SalesA.UserId, id);
        var item = detail.Checklist.Single(c => c.Item == "征信报告");
        var current = Assert.Single(item.Current);
        Assert.Equal((second.Value, DocumentStatus.Accepted, first, w.ManagerA.FullName), (current.Id, current.Status, current.ReplacesId, current.ReviewedByName));
        var old = Assert.Single(item.Replaced);
        Assert.Equal((first, DocumentStatus.Rejected, "报告超过 30 天，请重新打印", true), (old.Id, old.Status, old.Reason, old.IsSuperseded));
        Assert.DoesNotContain("征信报告", detail.Missing);
        Assert.Equal(["document.reviewed", "document.uploaded", "document.reviewed", "document.uploaded", "created"], detail.Timeline.Select(e => e.Kind));
        Assert.Equal("征信.pdf", detail.Timeline[1].Data["replaces"]);
        Assert.Equal(("Rejected", "报告超过 30 天，请重新打印"), (detail.Timeline[2].Data["decision"], detail.Timeline[2].Data["reason"]));

        // The owner's own manager reviews; the owner never reviews their own application.
        var (_, own) = await DraftAsync(app, w.Agency, w.ManagerA.UserId);
        var mine = (await UploadAsync(app, w.Agency, w.ManagerA.UserId, own, "收入证明", SampleDocuments.Png(), "收入.png")).Value;
        Assert.Equal("Document.OwnApplication", Codes(await review.HandleAsync(new ReviewApplicationDocumentRequest(mine, 1, true, null), Ct)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApplicationDocumentTests(SqliteAppHost app) : ApplicationDocumentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresApplicationDocumentTests(PostgresAppHost app) : ApplicationDocumentTests(app);
