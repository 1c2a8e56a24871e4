namespace LoanSaaS.Domain.People;

internal static class Masking
{
    /// <summary>
    /// Keeps <paramref name="head"/> and <paramref name="tail"/> characters and stars the rest.
    /// When the value is too short for that, keeps less so at least half of it stays hidden.
    /// </summary>
    public static string KeepEnds(string? value, int head, int tail)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= head + tail)
        {
            var keep = value.Length / 4;
            head = keep;
            tail = keep;
        }

        return string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
    }
}
