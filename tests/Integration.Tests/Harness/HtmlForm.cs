using System.Net;
using System.Text.RegularExpressions;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>Reads a server-rendered form the way a browser submits it: every hidden input plus the typed fields.</summary>
public static partial class HtmlForm
{
    /// <summary>Name/value of every hidden input inside the form whose hidden "_handler" input equals <paramref name="formName"/>.</summary>
    public static Dictionary<string, string> HiddenFields(string html, string formName)
    {
        var form = FormRegex().Matches(html).Select(m => m.Value)
            .FirstOrDefault(f => InputRegex().Matches(f).Any(i => Attr(i.Value, "name") == "_handler" && Attr(i.Value, "value") == formName))
            ?? throw new InvalidOperationException($"No form with _handler={formName} in the page:\n{Excerpt(html)}");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputRegex().Matches(form))
        {
            if (!string.Equals(Attr(input.Value, "type"), "hidden", StringComparison.OrdinalIgnoreCase)) continue;
            if (Attr(input.Value, "name") is { } name) fields[name] = Attr(input.Value, "value") ?? "";
        }
        return fields;
    }

    /// <summary>Names of all inputs of that form (to check the contract of field names).</summary>
    public static IReadOnlyList<string> InputNames(string html) =>
        InputRegex().Matches(html).Select(m => Attr(m.Value, "name")).OfType<string>().ToList();

    private static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, $@"\s{name}\s*=\s*(?:""([^""]*)""|'([^']*)')", RegexOptions.IgnoreCase);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;
    }

    public static string Excerpt(string html) => html.Length <= 2000 ? html : html[..2000] + "…";

    [GeneratedRegex(@"<form\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();
}
