using System.Text.Json;

namespace NearMiss.Core.Reports;

/// <summary>An automated finding: where in which field, and what kind. The matched text is never kept.</summary>
public sealed record Finding(string Field, int Start, int End, string Label)
{
    /// <summary>The label of a finding that merges findings of different kinds.</summary>
    public const string MixedLabel = "OTHER_ID";

    /// <summary>
    /// The findings, fewer if need be, so that their JSON fits in one table property (<paramref name="maxChars"/>).
    /// When there are too many (a narrative of thousands of dates), neighbouring findings of a field are merged, pair
    /// by pair, into one finding that covers both and the text between: the reviewer sees every flagged stretch still
    /// flagged, in fewer and wider spans, and the case can be stored.
    /// </summary>
    public static IReadOnlyList<Finding> Fit(IEnumerable<Finding> findings, int maxChars)
    {
        var current = findings.OrderBy(f => f.Field, StringComparer.Ordinal).ThenBy(f => f.Start).ToList();
        while (JsonSerializer.Serialize(current).Length > maxChars && current.Count > 1)
        {
            current = current.GroupBy(f => f.Field).SelectMany(MergePairs).ToList();
        }

        return current;
    }

    private static IEnumerable<Finding> MergePairs(IEnumerable<Finding> field)
    {
        var list = field.ToList();
        for (var i = 0; i < list.Count; i += 2)
        {
            if (i + 1 == list.Count)
            {
                yield return list[i];
                continue;
            }

            var (a, b) = (list[i], list[i + 1]);
            yield return new Finding(a.Field, Math.Min(a.Start, b.Start), Math.Max(a.End, b.End), a.Label == b.Label ? a.Label : MixedLabel);
        }
    }
}
