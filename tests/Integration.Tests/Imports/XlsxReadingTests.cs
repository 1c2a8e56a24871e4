using System.IO.Compression;
using System.Text;
using LoanSaaS.Domain.Imports;
using LoanSaaS.Infrastructure.Imports;

namespace LoanSaaS.Integration.Tests.Imports;

/// <summary>The workbook reader on files the way Excel and WPS write them (shared strings, rich text, styles), not only MiniExcel's.</summary>
public sealed class XlsxReadingTests
{
    [Fact]
    public void Reads_shared_and_inline_strings_numbers_dates_booleans_and_gaps_from_the_first_sheet()
    {
        var workbook = Workbook(
            sheet: """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>生日</t></is></c><c r="E1" t="str"><v>备注</v></c></row>
                <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>13812345678</v></c><c r="C2" s="1"><v>45292</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" s="2"><v>12.5</v></c></row>
                <row r="3"/>
                <row r="5"><c t="s"><v>3</v></c><c><v>13912345678</v></c><c r="C5" s="3"><v>45292.5</v></c></row>
                """,
            sharedStrings: """
                <si><t>姓名</t></si><si><t>手机号</t></si><si><r><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh><t>チョウ</t></rPh></si><si><t>李四</t></si>
                """,
            styles: """
                <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; hh:mm"/></numFmts>
                <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
                <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="2"/><xf numFmtId="164"/></cellXfs>
                """);

        var rows = ImportFileReader.Rows(new MemoryStream(workbook), ImportFileFormat.Xlsx, null).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal("姓名|手机号|生日||备注", string.Join('|', rows[0]));
        Assert.Equal("张三 |13812345678|2024-01-01|TRUE|12.5", string.Join('|', rows[1]));
        Assert.Equal("李四|13912345678|2024-01-01 12:00||", string.Join('|', rows[2]));
        Assert.Null(rows[0][3]);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        using var content = new MemoryStream();
        using (var zip = new ZipArchive(content, ZipArchiveMode.Create, leaveOpen: true))
            Write(zip, "readme.txt", "hello");
        Assert.ThrowsAny<InvalidDataException>(() => ImportFileReader.Rows(new MemoryStream(content.ToArray()), ImportFileFormat.Xlsx, null).ToList());
    }

    [Fact]
    public void A_cell_far_to_the_right_widens_the_row_only_to_one_past_the_column_limit()
    {
        var workbook = Workbook(sheet: """<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>""");
        var header = Assert.Single(ImportFileReader.Rows(new MemoryStream(workbook), ImportFileFormat.Xlsx, null));
        Assert.Equal("姓名", header[0]);
        Assert.True(header.Length <= ImportLimits.MaxColumns + 1);
    }

    [Theory]
    [InlineData("A1:E5", 5)]
    [InlineData("B3:$K$100002", 100000)]
    [InlineData("A1", 3)]
    [InlineData(null, 3)]
    public void The_row_count_comes_from_the_sheets_dimension_else_from_its_row_tags(string? dimension, int expected)
    {
        var rows = """<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="2"/><row r="3"><c r="A3" t="inlineStr"><is><t>张三</t></is></c></row>""";
        var workbook = Workbook(sheet: rows, dimension: dimension);
        Assert.Equal(expected, ImportFileReader.EstimatedRows(new MemoryStream(workbook), ImportFileFormat.Xlsx));
    }

    [Fact]
    public void A_big_sheet_without_a_dimension_is_estimated_from_a_sample_of_its_rows()
    {
        var rows = string.Concat(Enumerable.Range(1, 20_000).Select(i =>
            $"""<x:row r="{i}"><x:c r="A{i}" t="str"><x:v>客户{i}</x:v></x:c><x:c r="B{i}" t="str"><x:v>135{i:D8}</x:v></x:c></x:row>"""));
        var workbook = Workbook(sheet: rows, dimension: null);

        var estimate = ImportFileReader.EstimatedRows(new MemoryStream(workbook), ImportFileFormat.Xlsx);

        Assert.InRange(estimate!.Value, 19_000, 21_000);
    }

    /// <summary>A minimal workbook whose only sheet is not at the default path, so the reader must follow the relationships.</summary>
    private static byte[] Workbook(string sheet, string? sharedStrings = null, string? styles = null, string? dimension = "A1:E5")
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var content = new MemoryStream();
        using (var zip = new ZipArchive(content, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId7"/></sheets></workbook>""");
            Write(zip, "xl/_rels/workbook.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
                <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>
                </Relationships>
                """);
            Write(zip, "xl/worksheets/data.xml", $"""<worksheet xmlns="{Main}" xmlns:x="{Main}">{(dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>")}<sheetData>{sheet}</sheetData></worksheet>""");
            if (sharedStrings is not null) Write(zip, "xl/sharedStrings.xml", $"""<sst xmlns="{Main}">{sharedStrings}</sst>""");
            if (styles is not null) Write(zip, "xl/styles.xml", $"""<styleSheet xmlns="{Main}">{styles}</styleSheet>""");
        }
        return content.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
