namespace LoanSaaS.Domain.Automation;

/// <summary>Fills an SMS / email / notice template: {姓名} the lead's name, {编号} its number, {负责人} its owner, {城市} its city, {规则} the rule.</summary>
public static class MessageTemplate
{
    public const int MaxLength = 300;

    public static readonly IReadOnlyList<string> Placeholders = ["{姓名}", "{编号}", "{负责人}", "{城市}", "{规则}"];

    public static string Fill(string template, string name, string number, string? owner, string? city, string rule) => template
        .Replace("{姓名}", name, StringComparison.Ordinal)
        .Replace("{编号}", number, StringComparison.Ordinal)
        .Replace("{负责人}", owner ?? "", StringComparison.Ordinal)
        .Replace("{城市}", city ?? "", StringComparison.Ordinal)
        .Replace("{规则}", rule, StringComparison.Ordinal);
}
