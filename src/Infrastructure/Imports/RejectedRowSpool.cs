using System.Text;
using System.Text.Json;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>
/// Rejected rows as they are found (JSON lines: the original cells and the reason), written into an encrypted stored
/// file during the import and turned into the rejected-rows workbook at the end, so no row list grows in memory.
/// </summary>
internal static class RejectedRowSpool
{
    private sealed record Line(string?[] Cells, string Reason);

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task WriteAsync(Stream spool, string?[] cells, string reason, CancellationToken ct)
    {
        await JsonSerializer.SerializeAsync(spool, new Line(cells, reason), cancellationToken: ct);
        await spool.WriteAsync(NewLine, ct);
    }

    /// <summary>Rows for MiniExcel (written without its own header): the file's header plus "原因", then each rejected row.</summary>
    public static IEnumerable<IDictionary<string, object?>> Workbook(IReadOnlyList<string?> header, Stream spool)
    {
        var width = header.Count;
        var keys = Enumerable.Range(0, width + 1).Select(i => "c" + i).ToArray();
        yield return Row(keys, header, ImportReasons.Column());
        using var reader = new StreamReader(spool, Encoding.UTF8);
        while (reader.ReadLine() is { } text)
        {
            var line = JsonSerializer.Deserialize<Line>(text)!;
            yield return Row(keys, line.Cells, line.Reason);
        }
    }

    private static Dictionary<string, object?> Row(string[] keys, IReadOnlyList<string?> cells, string reason)
    {
        var row = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length - 1; i++) row[keys[i]] = i < cells.Count ? cells[i] : null;
        row[keys[^1]] = reason;
        return row;
    }
}
