namespace LoanSaaS.Domain.People;

/// <summary>Chinese input methods often produce full-width ASCII ("１３８", "Ｘ"); fold it to plain ASCII.</summary>
public static class FullWidth
{
    private const char First = '\uFF01';
    private const char Last = '\uFF5E';
    private const int Shift = 0xFEE0;
    private const char IdeographicSpace = '\u3000';

    public static char ToHalfWidth(char c) => c switch
    {
        IdeographicSpace => ' ',
        >= First and <= Last => (char)(c - Shift),
        _ => c,
    };

    public static string ToHalfWidth(string value) => string.Create(value.Length, value, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = ToHalfWidth(source[i]);
        }
    });
}
