namespace LoanSaaS.Infrastructure.Common;

/// <summary>Moving one item of an ordered list one place up or down, and numbering the list again.</summary>
public static class Reordering
{
    /// <summary>
    /// Swaps the item at <paramref name="index"/> with its neighbour (<paramref name="offset"/> −1 or +1) and hands each
    /// item whose position changed to <paramref name="renumber"/> (new position); false when there is no such neighbour.
    /// </summary>
    public static bool Move<T>(List<T> items, int index, int offset, Func<T, int> position, Action<T, int> renumber)
    {
        var other = index + Math.Sign(offset);
        if (offset == 0 || other < 0 || other >= items.Count) return false;
        (items[index], items[other]) = (items[other], items[index]);
        for (var i = 0; i < items.Count; i++)
            if (position(items[i]) != i) renumber(items[i], i);
        return true;
    }
}
