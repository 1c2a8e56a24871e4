namespace LoanSaaS.Domain.Spreadsheets;

/// <summary>
/// Keeps exported text from being read as a formula by Excel/WPS (CSV/formula injection, OWASP): a cell starting with
/// =, +, -, @, a tab or a carriage return gets a leading single quote, which spreadsheets show as plain text.
/// </summary>
public static class FormulaGuard
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static bool IsDangerous(string? text) => !string.IsNullOrEmpty(text) && Array.IndexOf(Triggers, text[0]) >= 0;

    public static string? Neutralize(string? text) => IsDangerous(text) ? "'" + text : text;
}
