using System.Globalization;
using System.Text;
using CsvHelper;
using LoanSaaS.Domain.Imports;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>
/// Streams the rows of an uploaded file as text cells (header row first), skipping blank rows: <see cref="XlsxRowReader"/>
/// for .xlsx, CsvHelper's parser for .csv. Only one row is held at a time.
/// </summary>
public static class ImportFileReader
{
    public const string Gb18030 = "GB18030";

    // Bad quoting or ragged rows are read as well as possible: each row is then judged by the lead rules.
    private static readonly CsvReaderOptions CsvOptions = new()
    {
        HasHeader = false, Separator = ',', AllowLineBreaksInQuotes = true, SkipEmptyLines = true, TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Recover, FieldCountMismatch = CsvFieldCountHandling.Allow, MissingField = CsvMissingFieldHandling.ReturnEmpty,
    };

    public static Encoding EncodingOf(string? name) => name == Gb18030 ? Encoding.GetEncoding(Gb18030) : Encoding.UTF8;

    public static IEnumerable<string?[]> Rows(Stream plain, ImportFileFormat format, string? encoding) =>
        (format == ImportFileFormat.Xlsx ? XlsxRowReader.Rows(plain) : CsvRows(plain, EncodingOf(encoding))).Where(r => r.Any(c => !string.IsNullOrWhiteSpace(c)));

    /// <summary>About how many rows the file holds (header included) without parsing them; null for .csv, which is cheap to count.</summary>
    public static int? EstimatedRows(Stream plain, ImportFileFormat format) =>
        format == ImportFileFormat.Xlsx ? XlsxRowReader.EstimatedRows(plain) : null;

    private static IEnumerable<string?[]> CsvRows(Stream plain, Encoding encoding)
    {
        using var text = new StreamReader(plain, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        using var csv = CsvReader.Create(text, CsvOptions, true);
        var first = true;
        while (csv.Read())
        {
            var record = new string?[csv.FieldCount];
            for (var i = 0; i < record.Length; i++) record[i] = csv.GetString(i);
            // A UTF-8 BOM read as GB18030 or left by a tool before the header must not become part of the first header.
            if (first && record.Length > 0) record[0] = record[0]?.TrimStart('\uFEFF');
            first = false;
            yield return record;
        }
    }

    /// <summary>"A" → 0, "AB" → 27.</summary>
    public static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }

    public static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
