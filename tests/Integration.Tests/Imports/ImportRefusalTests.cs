using System.Net;
using System.Text;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Integration.Tests.Harness;
using static LoanSaaS.Integration.Tests.Imports.ImportDriver;

namespace LoanSaaS.Integration.Tests.Imports;

/// <summary>Files that cannot be imported get a clear code, and one agency never reaches another's imports.</summary>
public abstract class ImportRefusalTests(AppHost app)
{
    private Task<Agency> AgencyAsync() => app.SharedAsync("import-refusals", () => app.ProvisionAgencyAsync(TestIds.Slug("imprefuse")));

    private async Task<string> RefusalAsync(Stream content, string name, long size)
    {
        var agency = await AgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        var result = await owner.Get<UploadLeadImport>().HandleAsync(new UploadLeadImportRequest(content, name, size), CancellationToken.None);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("File", error.Field);
        return error.Code;
    }

    private Task<string> RefusalAsync(byte[] content, string name) => RefusalAsync(new MemoryStream(content), name, content.Length);

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        Assert.Equal("Empty", await RefusalAsync([], "空.csv"));
        Assert.Equal("Empty", await RefusalAsync([], "空.xlsx"));
        Assert.Equal("Empty", await RefusalAsync("\r\n\r\n"u8.ToArray(), "空行.csv"));
        Assert.Equal("NoRows", await RefusalAsync(Encoding.UTF8.GetBytes("姓名,手机号\r\n"), "只有表头.csv"));
    }

    [Fact]
    public async Task A_file_without_recognisable_columns_is_refused()
    {
        Assert.Equal("NoKnownColumns", await RefusalAsync(Encoding.UTF8.GetBytes("序号,备注\r\n1,你好\r\n"), "无关.csv"));
        Assert.Equal("NoKnownColumns", await RefusalAsync(ImportFiles.Xlsx(["序号", "备注"], [["1", "你好"]]), "无关.xlsx"));
    }

    [Fact]
    public async Task A_wrong_file_type_is_refused_by_name_and_by_content()
    {
        Assert.Equal("WrongType", await RefusalAsync(Png, "截图.png"));
        Assert.Equal("WrongType", await RefusalAsync(Png, "截图.xlsx"));
        Assert.Equal("WrongType", await RefusalAsync(Png, "截图.csv"));
        Assert.Equal("WrongType", await RefusalAsync(Encoding.UTF8.GetBytes("姓名,手机号\r\n"), "名单.txt"));
        Assert.Equal("WrongType", await RefusalAsync(Encoding.UTF8.GetBytes("姓名,手机号\r\n张三,13912345678\r\n"), "名单.xlsx"));
        Assert.Equal("WrongType", await RefusalAsync(ZipWithoutWorkbook(), "压缩包.xlsx"));
    }

    [Fact]
    public async Task A_file_over_50_MB_is_refused_whatever_size_it_claims()
    {
        const long over = ImportLimits.MaxFileBytes + 1;
        Assert.Equal("TooLarge", await RefusalAsync(new GeneratedStream(over), "大文件.csv", over));
        Assert.Equal("TooLarge", await RefusalAsync(new GeneratedStream(over), "大文件.csv", 1000));
    }

    [Fact]
    public async Task A_file_with_1000_columns_is_refused()
    {
        string[] headers = ["姓名", "手机号", .. Enumerable.Range(3, 998).Select(i => "列" + i)];
        var row = new string?[] { "张三", TestIds.Mobile() };
        Assert.Equal("TooManyColumns", await RefusalAsync(ImportFiles.Csv(headers, [row], new UTF8Encoding(false)), "宽表.csv"));
        Assert.Equal("TooManyColumns", await RefusalAsync(ImportFiles.Xlsx(headers, [row]), "宽表.xlsx"));
    }

    [Theory]
    [InlineData("UTF-8")]
    [InlineData("GBK")]
    public async Task A_large_csv_keeps_its_encoding_across_read_buffers(string encoding)
    {
        var agency = await AgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);
        // Odd-length Chinese names shift multi-byte characters across every 80 KiB read boundary at some point.
        var rows = Enumerable.Range(0, 12_000).Select(i => (IReadOnlyList<string?>)[new string('张', 1 + i % 3) + i, "139" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), "上海市浦东新区"]).ToList();
        var content = ImportFiles.Csv(["姓名", "手机号", "城市"], rows, encoding == "GBK" ? ImportFiles.Gbk : new UTF8Encoding(false));

        var uploaded = await UploadOkAsync(owner, content, "大名单.csv");

        Assert.Equal(["姓名", "手机号", "城市"], uploaded.Headers);
        Assert.Equal(12_000, uploaded.RowCount);
        var preview = await owner.Get<PreviewLeadImport>().HandleAsync(new(uploaded.ImportId, uploaded.Mapping), default);
        Assert.Equal("张0", preview.Value!.Rows[0].Cells[0]);
    }

    [Fact]
    public async Task Another_agency_cannot_read_start_or_download_an_import()
    {
        var a = await AgencyAsync();
        var b = await app.SharedAsync("import-refusals-b", () => app.ProvisionAgencyAsync(TestIds.Slug("imprefuseb")));
        Guid importId;
        await using (var ownerA = await app.OwnerScopeAsync(a))
        {
            var (content, name) = ImportFiles.Build(ImportFiles.Kind.CsvUtf8, ["姓名", "手机号"], [["王一", "12345"]]);
            var uploaded = await UploadOkAsync(ownerA, content, name);
            var done = await RunAsync(ownerA, uploaded);
            Assert.Equal(1, done.Rejected);
            importId = uploaded.ImportId;
            Assert.NotNull(await ownerA.Get<DownloadRejectedRows>().HandleAsync(importId, default));
        }

        await using (var ownerB = await app.OwnerScopeAsync(b))
        {
            Assert.Null(await ownerB.Get<GetLeadImport>().HandleAsync(importId, default));
            Assert.Null(await ownerB.Get<DownloadRejectedRows>().HandleAsync(importId, default));
            Assert.DoesNotContain(await ownerB.Get<ListLeadImports>().HandleAsync(default), i => i.Id == importId);
            var start = await ownerB.Get<StartLeadImport>().HandleAsync(new(importId, [Domain.Imports.ImportField.Name, Domain.Imports.ImportField.Mobile], DuplicatePolicy.Skip, null), default);
            Assert.Equal("NotFound", Assert.Single(start.Errors).Code);
            var preview = await ownerB.Get<PreviewLeadImport>().HandleAsync(new(importId, [Domain.Imports.ImportField.Name, Domain.Imports.ImportField.Mobile]), default);
            Assert.Equal("NotFound", Assert.Single(preview.Errors).Code);
        }

        using var clientB = app.CreateAgencyClient(b);
        await AppHost.LoginAsync(clientB, b.OwnerEmail, b.OwnerPassword);
        using var onB = await clientB.GetAsync($"/leads/imports/{importId}/rejected");
        Assert.Equal(HttpStatusCode.NotFound, onB.StatusCode);

        using var clientA = app.CreateAgencyClient(a);
        await AppHost.LoginAsync(clientA, a.OwnerEmail, a.OwnerPassword);
        using var onA = await clientA.GetAsync($"/leads/imports/{importId}/rejected");
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(DownloadRejectedRows.ContentType, onA.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await onA.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("手机号格式不正确", Assert.Single(rows)["原因"]);
    }

    private static byte[] ZipWithoutWorkbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a workbook");
        }
        return stream.ToArray();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteImportRefusalTests(SqliteAppHost app) : ImportRefusalTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresImportRefusalTests(PostgresAppHost app) : ImportRefusalTests(app);
