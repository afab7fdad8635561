namespace NearMiss.Core.Trends;

/// <summary>A value and its count; <see cref="Count"/> is null when the cell is suppressed.</summary>
public sealed record Cell(string Value, long? Count)
{
    public bool Suppressed => Count is null;
}

/// <summary>
/// Small-cell suppression for whatever leaves the staff (anonymity rule 6). Cells with a count of zero are left
/// out; every cell under the threshold is suppressed (primary); then, while the suppressed cells of a table could
/// be told apart by subtracting the visible cells from the total, the smallest visible cells are suppressed too
/// (complementary) until at least two cells are suppressed, together they hold at least <c>threshold</c> reports
/// and none of them is pinned to one value (their sum exceeds their number, as each holds at least one report).
/// If that cannot be reached, the whole table is withheld.
/// </summary>
public static class Suppression
{
    public const int DefaultThreshold = 5;

    /// <summary>The published cells, ordered by count (suppressed last), or null when the whole table is withheld.</summary>
    public static IReadOnlyList<Cell>? Apply(IEnumerable<(string Value, long Count)> counts, int threshold)
    {
        var cells = counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        var suppressed = cells.Where(c => c.Count < threshold).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (suppressed.Count > 0)
        {
            while (!Protected(cells.Where(c => suppressed.Contains(c.Value)).Select(c => c.Count).ToList(), threshold))
            {
                var next = cells.Where(c => !suppressed.Contains(c.Value)).OrderBy(c => c.Count).Select(c => c.Value).FirstOrDefault();
                if (next is null)
                {
                    return null;
                }

                suppressed.Add(next);
            }
        }

        return cells.Select(c => new Cell(c.Value, suppressed.Contains(c.Value) ? null : c.Count))
            .OrderBy(c => c.Suppressed)
            .ThenByDescending(c => c.Count)
            .ToList();
    }

    /// <summary>A total: itself when at least the threshold, otherwise suppressed.</summary>
    public static long? Total(long count, int threshold) => count >= threshold ? count : null;

    private static bool Protected(List<long> suppressed, int threshold)
    {
        var sum = suppressed.Sum();
        return suppressed.Count >= 2 && sum >= threshold && sum > suppressed.Count;
    }
}
