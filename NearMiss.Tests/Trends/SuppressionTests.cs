using NearMiss.Core.Trends;

namespace NearMiss.Tests.Trends;

public sealed class SuppressionTests
{
    private const int Threshold = Suppression.DefaultThreshold;

    /// <summary>
    /// What someone holding the published table and its total can work out: every assignment of counts to the
    /// suppressed cells (each at least 1, as empty cells are left out) that adds up with the visible cells to the
    /// total. A suppressed cell is recovered when it has the same value in every such assignment.
    /// </summary>
    public static IReadOnlyList<string> Recoverable(IReadOnlyList<Cell> published, long total)
    {
        var hidden = published.Where(c => c.Suppressed).Select(c => c.Value).ToList();
        var remainder = total - published.Where(c => !c.Suppressed).Sum(c => c.Count!.Value);
        var seen = hidden.ToDictionary(v => v, _ => new HashSet<long>());
        void Try(int index, long left, long[] values)
        {
            if (index == hidden.Count)
            {
                if (left == 0)
                {
                    for (var i = 0; i < hidden.Count; i++)
                    {
                        seen[hidden[i]].Add(values[i]);
                    }
                }

                return;
            }

            for (long v = 1; v <= left; v++)
            {
                values[index] = v;
                Try(index + 1, left - v, values);
            }
        }

        Try(0, remainder, new long[hidden.Count]);
        return seen.Where(s => s.Value.Count == 1).Select(s => s.Key).ToList();
    }

    public static IEnumerable<object[]> Tables() =>
    [
        [new long[] { 6, 1, 1 }],
        [new long[] { 20, 4 }],
        [new long[] { 9, 8, 3 }],
        [new long[] { 30, 12, 4, 4 }],
        [new long[] { 1, 1, 1, 1, 1, 1 }],
        [new long[] { 5, 5, 5 }],
        [new long[] { 50, 2, 0, 7 }],
        [new long[] { 4 }],
    ];

    [Theory]
    [MemberData(nameof(Tables))]
    public void Apply_LeavesNoCellUnderThreshold_AndNoneRecoverableFromTheTotal(long[] counts)
    {
        var published = Suppression.Apply(counts.Select((c, i) => ($"v{i}", c)), Threshold);

        if (published is null)
        {
            return; // withheld entirely
        }

        Assert.DoesNotContain(published, c => c.Count is < Threshold);
        Assert.Empty(Recoverable(published, counts.Sum()));
        Assert.Equal(counts.Count(c => c > 0), published.Count);
    }

    [Fact]
    public void Apply_RandomTables_NeverPublishASmallOrRecoverableCell()
    {
        var random = new Random(5);
        for (var run = 0; run < 300; run++)
        {
            var counts = Enumerable.Range(0, random.Next(1, 6)).Select(_ => (long)random.Next(0, 12)).ToArray();
            var published = Suppression.Apply(counts.Select((c, i) => ($"v{i}", c)), Threshold);
            if (published is null)
            {
                continue;
            }

            Assert.DoesNotContain(published, c => c.Count is < Threshold);
            Assert.True(Recoverable(published, counts.Sum()).Count == 0, $"recoverable in [{string.Join(", ", counts)}]");
        }
    }

    [Fact]
    public void Apply_OneSmallCell_SuppressesAComplementaryCell()
    {
        var published = Suppression.Apply([("a", 20), ("b", 9), ("c", 2)], Threshold)!;

        Assert.Equal([new Cell("a", 20), new Cell("b", null), new Cell("c", null)], published);
    }

    [Fact]
    public void Apply_NothingSmall_SuppressesNothing()
    {
        var published = Suppression.Apply([("a", 20), ("b", 9), ("c", 0)], Threshold)!;

        Assert.Equal([new Cell("a", 20), new Cell("b", 9)], published);
    }
}
