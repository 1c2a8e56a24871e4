using System.Text;
using MiniExcelLibs;

namespace LoanSaaS.Integration.Tests.Imports;

/// <summary>Import files built in memory for the tests: workbooks and CSV in UTF-8, UTF-8 with BOM and GBK.</summary>
public static class ImportFiles
{
    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public enum Kind { Xlsx, CsvUtf8, CsvUtf8Bom, CsvGbk }

    public static (byte[] Content, string Name) Build(Kind kind, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows) => kind switch
    {
        Kind.Xlsx => (Xlsx(headers, rows), "客户名单.xlsx"),
        Kind.CsvUtf8 => (Csv(headers, rows, new UTF8Encoding(false)), "客户名单.csv"),
        Kind.CsvUtf8Bom => (Csv(headers, rows, new UTF8Encoding(true)), "客户名单.csv"),
        _ => (Csv(headers, rows, Gbk), "客户名单.csv"),
    };

    public static Encoding Gbk => Encoding.GetEncoding("GBK");

    public static byte[] Xlsx(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sheet = rows.Select(r => headers.Select((h, i) => (h, v: i < r.Count ? r[i] : null)).ToDictionary(x => x.h, x => (object?)x.v));
        using var stream = new MemoryStream();
        stream.SaveAs(sheet.ToList(), printHeader: true);
        return stream.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, Encoding encoding)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', headers.Select(Quote)).Append("\r\n");
        foreach (var row in rows) text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A valid 18-digit mainland ID number with a random birth date and serial (so tests never collide).</summary>
    public static string IdNumber()
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 365 * 40));
        var body = $"110105{birth:yyyyMMdd}{Random.Shared.Next(0, 1000):D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>The same number with a wrong check digit.</summary>
    public static string BadIdNumber()
    {
        var id = IdNumber();
        return id[..17] + (id[17] == '0' ? '1' : '0');
    }
}

/// <summary>A stream that produces <paramref name="length"/> bytes of CSV-like text without holding them.</summary>
public sealed class GeneratedStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++) buffer[offset + i] = (_position + i) % 32 == 31 ? (byte)'\n' : (byte)'a';
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
