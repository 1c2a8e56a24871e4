using System.Text.Json;

namespace LoanSaaS.Web.Audit;

/// <summary>One readable line of an entry's details: a value ("merged: L…") or a change ("City: 上海 → 杭州").</summary>
public sealed record AuditDetailLine(string Key, string? Value, string? Old = null, string? New = null, bool IsChange = false);

/// <summary>
/// Turns the details JSON written by the use cases into lines: "changes" lists of field changes and "old"/"new"
/// pairs become changes, everything else key/value. Personal data in details is already masked when written.
/// </summary>
public static class AuditDetailLines
{
    public static IReadOnlyList<AuditDetailLine> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? Lines(root) : [new AuditDetailLine("", Text(root))];
        }
        catch (JsonException)
        {
            return [new AuditDetailLine("", json)];
        }
    }

    private static List<AuditDetailLine> Lines(JsonElement root)
    {
        var lines = new List<AuditDetailLine>();
        var hasNew = root.TryGetProperty("new", out var after) && after.ValueKind == JsonValueKind.Object;
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == "changes" && property.Value.ValueKind == JsonValueKind.Array)
                lines.AddRange(property.Value.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object).Select(Change));
            else if (property.Name == "old" && hasNew && property.Value.ValueKind == JsonValueKind.Object)
                lines.AddRange(Pairs(property.Value, after));
            else if (property.Name == "new" && hasNew) continue;
            else if (property.Value.ValueKind != JsonValueKind.Null) lines.Add(new AuditDetailLine(property.Name, Text(property.Value)));
        }
        return lines;
    }

    private static AuditDetailLine Change(JsonElement change) =>
        new(Get(change, "Field") ?? "", null, Get(change, "Old"), Get(change, "New"), IsChange: true);

    private static IEnumerable<AuditDetailLine> Pairs(JsonElement before, JsonElement after)
    {
        var keys = before.EnumerateObject().Select(p => p.Name).Concat(after.EnumerateObject().Select(p => p.Name)).Distinct();
        foreach (var key in keys)
        {
            var old = before.TryGetProperty(key, out var o) ? Text(o) : null;
            var @new = after.TryGetProperty(key, out var n) ? Text(n) : null;
            if (old != @new) yield return new AuditDetailLine(key, null, old, @new, IsChange: true);
        }
    }

    private static string? Get(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return Text(property.Value);
        return null;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
            string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
        _ => value.GetRawText(),
    };
}
