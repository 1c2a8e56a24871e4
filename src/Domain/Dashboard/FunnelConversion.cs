namespace LoanSaaS.Domain.Dashboard;

/// <summary>
/// Stage-to-stage conversion of a funnel from the cards in each stage now: a card in a later stage has passed the
/// earlier ones, so the number that reached stage i is the sum of the cards in stage i and after; the conversion into
/// stage i is reached(i) ÷ reached(i − 1). Lost stages are not part of the funnel.
/// </summary>
public static class FunnelConversion
{
    /// <returns>Per stage, how many reached it and the share of the previous stage's reach (null for the first, or after an empty stage).</returns>
    public static IReadOnlyList<(int Reached, double? Conversion)> Of(IReadOnlyList<int> countsInOrder)
    {
        var reached = new int[countsInOrder.Count];
        for (int i = countsInOrder.Count - 1, sum = 0; i >= 0; i--)
        {
            sum += countsInOrder[i];
            reached[i] = sum;
        }
        return reached.Select((r, i) => (r, i == 0 || reached[i - 1] == 0 ? (double?)null : (double)r / reached[i - 1])).ToList();
    }
}
