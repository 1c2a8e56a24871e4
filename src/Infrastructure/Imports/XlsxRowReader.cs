using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>
/// Streams the cells of a workbook's first sheet as text, one row at a time, straight from the sheet's XML: shared and
/// inline strings, numbers, booleans, errors, and numbers styled as dates (read as dates, like Excel shows them).
/// Only the shared strings read so far are held in memory. MiniExcel's dictionary rows allocated ~20 KiB per row and made an
/// .xlsx import three times slower than the same .csv (bench/Imports).
/// </summary>
internal static class XlsxRowReader
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true };

    // The sheet's markup only: whitespace between elements, comments and character checks are skipped (a fifth of the
    // reading time); whitespace inside xml:space="preserve" text still comes through as significant.
    private static readonly XmlReaderSettings SheetSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true,
        IgnoreWhitespace = true, IgnoreComments = true, IgnoreProcessingInstructions = true, CheckCharacters = false,
    };

    /// <summary>Rows as text cells, at least as wide as the widest row before them. Throws on a file that is not a workbook.</summary>
    public static IEnumerable<string?[]> Rows(Stream workbook)
    {
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        var parts = WorkbookParts.Read(zip);
        using var strings = new SharedStrings(parts.SharedStrings);
        var dateStyles = parts.Styles is { } styles ? ReadDateStyles(styles) : [];

        using var sheet = XmlReader.Create(parts.Sheet.Open(), SheetSettings);
        var names = new SheetNames(sheet.NameTable);
        var width = 0;
        var cells = new List<string?>();
        while (sheet.Read())
        {
            if (sheet.NodeType != XmlNodeType.Element || !ReferenceEquals(sheet.LocalName, names.Row)) continue;
            cells.Clear();
            if (!sheet.IsEmptyElement) ReadRow(sheet, names, cells, strings, dateStyles);
            width = Math.Max(width, cells.Count);
            var row = new string?[width];
            cells.CopyTo(row);
            yield return row;
        }
    }

    /// <summary>
    /// About how many rows the first sheet holds, header and blank rows included, without parsing them: the row span of
    /// its &lt;dimension&gt; (Excel and WPS write one), else the row tags in the first 256 KiB of its XML scaled by the
    /// sheet's length (streaming writers leave the dimension out). Null when neither tells.
    /// </summary>
    public static int? EstimatedRows(Stream workbook)
    {
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        var sheet = WorkbookParts.Read(zip).Sheet;
        return DimensionRows(sheet) ?? SampledRows(sheet);
    }

    private static int? DimensionRows(ZipArchiveEntry entry)
    {
        using var sheet = XmlReader.Create(entry.Open(), Settings);
        while (sheet.Read())
        {
            if (sheet.NodeType != XmlNodeType.Element) continue;
            if (sheet.LocalName == "sheetData") return null;
            if (sheet.LocalName == "dimension") return RowSpan(sheet.GetAttribute("ref"));
        }
        return null;
    }

    private static int? SampledRows(ZipArchiveEntry entry)
    {
        var sample = new byte[256 * 1024];
        int length;
        using (var xml = entry.Open()) length = xml.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var rows = RowTags(sample.AsSpan(0, length));
        if (rows == 0) return null;
        return length < sample.Length ? rows : (int)Math.Min(int.MaxValue, rows * (double)entry.Length / length);
    }

    /// <summary>Start tags named "row" with any prefix ("&lt;row", "&lt;x:row"); '&lt;' only ever starts a tag in XML.</summary>
    private static int RowTags(ReadOnlySpan<byte> xml)
    {
        var count = 0;
        for (var at = xml.IndexOf((byte)'<'); at >= 0; at = xml.IndexOf((byte)'<'))
        {
            xml = xml[(at + 1)..];
            var name = xml[..Math.Max(0, xml.IndexOfAny((byte)' ', (byte)'>', (byte)'/'))];
            if (name.LastIndexOf((byte)':') is var colon && colon >= 0) name = name[(colon + 1)..];
            if (name.SequenceEqual("row"u8)) count++;
        }
        return count;
    }

    /// <summary>"A1:K100001" → 100001; "A1" → null.</summary>
    private static int? RowSpan(string? reference)
    {
        var parts = reference?.Split(':');
        if (parts is not [var first, var last]) return null;
        return RowOf(first) is { } top && RowOf(last) is { } bottom && bottom >= top ? bottom - top + 1 : null;
    }

    private static int? RowOf(string reference) =>
        int.TryParse(reference.AsSpan().TrimStart("$ABCDEFGHIJKLMNOPQRSTUVWXYZ"), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;

    /// <summary>The sheet's element and attribute names as the reader's name table holds them: compared by reference, not by text.</summary>
    private sealed class SheetNames(XmlNameTable table)
    {
        public readonly string Row = table.Add("row");
        public readonly string Cell = table.Add("c");
        public readonly string Value = table.Add("v");
        public readonly string InlineString = table.Add("is");
        public readonly string Reference = table.Add("r");
        public readonly string Type = table.Add("t");
        public readonly string Style = table.Add("s");
    }

    // The readers below start on a non-empty element and leave the reader on its end element.

    private static void ReadRow(XmlReader sheet, SheetNames names, List<string?> cells, SharedStrings strings, HashSet<int> dateStyles)
    {
        var depth = sheet.Depth;
        sheet.Read();
        while (sheet.Depth > depth)
        {
            if (sheet.NodeType == XmlNodeType.Element && ReferenceEquals(sheet.LocalName, names.Cell))
            {
                string? reference = null, type = null, styleText = null;
                while (sheet.MoveToNextAttribute())
                {
                    var name = sheet.LocalName;
                    if (ReferenceEquals(name, names.Reference)) reference = sheet.Value;
                    else if (ReferenceEquals(name, names.Type)) type = sheet.Value;
                    else if (ReferenceEquals(name, names.Style) && dateStyles.Count > 0) styleText = sheet.Value;
                }
                sheet.MoveToElement();
                var column = reference is null ? cells.Count : ColumnOf(reference);
                var style = int.TryParse(styleText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                var (value, inline) = sheet.IsEmptyElement ? (null, null) : ReadCell(sheet, names);
                // One column past the limit is enough to refuse the file; a stray cell far to the right must not widen every row.
                if (column >= 0 && column <= ImportLimits.MaxColumns)
                {
                    while (cells.Count <= column) cells.Add(null);
                    cells[column] = Text(type, value, inline, style, strings, dateStyles);
                }
            }
            if (!sheet.Read()) break;
        }
    }

    /// <summary>The cell's &lt;v&gt; text and its inline string.</summary>
    private static (string? Value, string? Inline) ReadCell(XmlReader sheet, SheetNames names)
    {
        string? value = null, inline = null;
        var depth = sheet.Depth;
        sheet.Read();
        while (sheet.Depth > depth)
        {
            if (sheet.NodeType == XmlNodeType.Element && ReferenceEquals(sheet.LocalName, names.Value))
            {
                value = sheet.ReadElementContentAsString();
                continue;
            }
            if (sheet.NodeType == XmlNodeType.Element && ReferenceEquals(sheet.LocalName, names.InlineString) && !sheet.IsEmptyElement) inline = ReadRichText(sheet);
            if (!sheet.Read()) break;
        }
        return (value, inline);
    }

    private static string? Text(string? type, string? value, string? inline, int style, SharedStrings strings, HashSet<int> dateStyles)
    {
        switch (type)
        {
            case "s": return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? strings.Get(i) : null;
            case "inlineStr": return inline;
            case "str" or "e": return value;
            case "b": return value is null ? null : ImportFileReader.CellText(value == "1");
            case "d": return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? ImportFileReader.CellText(date) : value;
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return value;
        // Excel's serial dates run from 1900-01-00 to 9999-12-31.
        return dateStyles.Contains(style) && number is >= 0 and < 2958466
            ? ImportFileReader.CellText(DateTime.FromOADate(number))
            : ImportFileReader.CellText(number);
    }

    /// <summary>"C7" → 2.</summary>
    private static int ColumnOf(string reference)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters])) letters++;
        return letters is 0 or > 3 ? -1 : ImportFileReader.ColumnIndex(reference[..letters]);
    }

    /// <summary>
    /// The shared-string table, read only as far as the rows have needed it: reading a header row or a preview does not
    /// parse the strings of a 100,000-row sheet (most of an upload's time before). Read in slices, so the two entry
    /// streams do not take turns on every string.
    /// </summary>
    private sealed class SharedStrings(ZipArchiveEntry? entry) : IDisposable
    {
        private const int Slice = 4096;
        private readonly List<string> _strings = [];
        private XmlReader? _xml = entry is null ? null : XmlReader.Create(entry.Open(), Settings);

        public string? Get(int index)
        {
            if (index >= _strings.Count && _xml is not null) ReadUpTo(index + Slice);
            return index < _strings.Count ? _strings[index] : null;
        }

        private void ReadUpTo(int count)
        {
            var xml = _xml!;
            while (_strings.Count < count && xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                    _strings.Add(xml.IsEmptyElement ? "" : ReadRichText(xml));
            if (_strings.Count >= count) return;
            xml.Dispose();
            _xml = null;
        }

        public void Dispose() => _xml?.Dispose();
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; runs joined, without phonetic hints (&lt;rPh&gt;).</summary>
    private static string ReadRichText(XmlReader xml)
    {
        var text = new System.Text.StringBuilder();
        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
                continue;
            }
            if (!xml.Read()) break;
        }
        return text.ToString();
    }

    /// <summary>Indexes of the cell styles whose number format shows a date or time.</summary>
    private static HashSet<int> ReadDateStyles(ZipArchiveEntry entry)
    {
        var customDates = new HashSet<int>();
        var dates = new HashSet<int>();
        using var xml = XmlReader.Create(entry.Open(), Settings);
        var inCellXfs = false;
        var index = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id) && IsDateFormat(xml.GetAttribute("formatCode")):
                    customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    if (int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var format) && (IsBuiltInDate(format) || customDates.Contains(format)))
                        dates.Add(index);
                    index++;
                    break;
            }
        }
        return dates;
    }

    // Built-in date/time formats, including the ones Excel shows as 年/月/日 in Chinese (27-36, 50-58).
    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '\\') i++;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (!bracket && "yYmMdDhHsS".Contains(c)) return true;
        }
        return false;
    }

    /// <summary>The first sheet (in the workbook's order) and the shared strings and styles it uses.</summary>
    private sealed record WorkbookParts(ZipArchiveEntry Sheet, ZipArchiveEntry? SharedStrings, ZipArchiveEntry? Styles)
    {
        public static WorkbookParts Read(ZipArchive zip)
        {
            var workbook = Entry(zip, "xl/workbook.xml") ?? throw new InvalidDataException("Not a workbook.");
            string? firstSheetRelation = null;
            using (var xml = XmlReader.Create(workbook.Open(), Settings))
                while (firstSheetRelation is null && xml.Read())
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet") firstSheetRelation = RelationId(xml);

            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            string? sharedStrings = null, styles = null;
            if (Entry(zip, "xl/_rels/workbook.xml.rels") is { } rels)
            {
                using var xml = XmlReader.Create(rels.Open(), Settings);
                while (xml.Read())
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
                    var target = xml.GetAttribute("Target");
                    var type = xml.GetAttribute("Type") ?? "";
                    if (target is null) continue;
                    if (xml.GetAttribute("Id") is { } id) targets[id] = target;
                    if (type.EndsWith("/sharedStrings", StringComparison.Ordinal)) sharedStrings = target;
                    else if (type.EndsWith("/styles", StringComparison.Ordinal)) styles = target;
                }
            }
            var sheet = (firstSheetRelation is not null && targets.TryGetValue(firstSheetRelation, out var path) ? Entry(zip, PartName(path)) : null)
                ?? Entry(zip, "xl/worksheets/sheet1.xml") ?? throw new InvalidDataException("The workbook has no sheet.");
            return new(sheet, Entry(zip, PartName(sharedStrings ?? "sharedStrings.xml")), Entry(zip, PartName(styles ?? "styles.xml")));
        }

        private static string? RelationId(XmlReader xml)
        {
            for (var i = 0; i < xml.AttributeCount; i++)
            {
                xml.MoveToAttribute(i);
                if (xml.LocalName == "id" && xml.NamespaceURI.Contains("relationships", StringComparison.Ordinal)) return xml.Value;
            }
            return null;
        }

        // Targets are relative to xl/ unless they start with '/'.
        private static string PartName(string target) => target.StartsWith('/') ? target[1..] : "xl/" + target;

        private static ZipArchiveEntry? Entry(ZipArchive zip, string name) =>
            zip.GetEntry(name) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.Replace('\\', '/'), name, StringComparison.OrdinalIgnoreCase));
    }
}
