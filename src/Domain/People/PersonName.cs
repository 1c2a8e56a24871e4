using System.Text;

namespace LoanSaaS.Domain.People;

public static class PersonName
{
    /// <summary>Full-width ASCII to half-width, trimmed, inner whitespace runs collapsed to one space.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var result = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in FullWidth.ToHalfWidth(name))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
