using System.Text;

namespace NearMiss.Core.Pii;

/// <summary>Helpers for the review stage: merge overlapping spans and replace them by typed placeholders.</summary>
public static class PiiRedaction
{
    /// <summary>
    /// Sorts spans and merges those that overlap or touch. A merged span keeps the label of its longest part.
    /// </summary>
    public static IReadOnlyList<PiiSpan> Merge(IEnumerable<PiiSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var sorted = spans.Where(s => s.End > s.Start).OrderBy(s => s.Start).ThenByDescending(s => s.End).ToList();
        var merged = new List<PiiSpan>(sorted.Count);
        foreach (var span in sorted)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                var last = merged[^1];
                var label = span.Length > last.Length ? span.Label : last.Label;
                merged[^1] = new PiiSpan(last.Start, Math.Max(last.End, span.End), label);
                continue;
            }

            merged.Add(span);
        }

        return merged;
    }

    /// <summary>The text with every span replaced by its placeholder, e.g. <c>[PERSON]</c>; spans are merged first.</summary>
    public static string Redact(string text, IEnumerable<PiiSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var span in Merge(spans))
        {
            var start = Math.Clamp(span.Start, position, text.Length);
            var end = Math.Clamp(span.End, start, text.Length);
            builder.Append(text, position, start - position).Append(Placeholder(span.Label));
            position = end;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    public static string Placeholder(PiiLabel label) => "[" + label.ToContractName() + "]";
}
