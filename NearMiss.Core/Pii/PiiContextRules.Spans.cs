namespace NearMiss.Core.Pii;

/// <summary>
/// Searches and removals over the span list. Each takes what it compares as parameters, so a rule's loop allocates no
/// closure per token (a lambda capturing a loop's local is allocated at every pass of the loop).
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Adds the spans a stage found where none was found before, in order.</summary>
    private static void Merge(List<PiiSpan> kept, List<PiiSpan> added)
    {
        if (added.Count == 0)
        {
            return;
        }

        foreach (var a in added)
        {
            if (!Overlaps(kept, a.Start, a.End))
            {
                kept.Add(a);
            }
        }

        added.Clear();
        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>Removes the spans that overlap [start, end).</summary>
    private static void RemoveOverlapping(List<PiiSpan> spans, int start, int end) => spans.RemoveAll(s => s.Start < end && start < s.End);

    /// <summary>Removes the spans other than <paramref name="keep"/> that overlap <paramref name="grown"/>.</summary>
    private static void RemoveOthersOverlapping(List<PiiSpan> spans, PiiSpan keep, PiiSpan grown) =>
        spans.RemoveAll(s => s != keep && s.Start < grown.End && grown.Start < s.End);

    /// <summary>Removes the spans of the label that lie within [start, end).</summary>
    private static void RemoveInside(List<PiiSpan> spans, int start, int end, PiiLabel label) =>
        spans.RemoveAll(s => s.Start >= start && s.End <= end && s.Label == label);

    /// <summary>Does a span overlap <paramref name="grown"/> and reach outside it?</summary>
    private static bool OverlapsBeyond(List<PiiSpan> spans, PiiSpan grown)
    {
        foreach (var s in spans)
        {
            if (s.Start < grown.End && grown.Start < s.End && (s.Start < grown.Start || s.End > grown.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Does a span overlap <paramref name="name"/> and reach outside it, or lie in it and name no person?</summary>
    private static bool OverlapsBeyondPerson(List<PiiSpan> spans, PiiSpan name)
    {
        foreach (var s in spans)
        {
            if (s.Start < name.End && name.Start < s.End && (s.Label != PiiLabel.Person || s.Start < name.Start || s.End > name.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the first span starting at <paramref name="start"/>, or -1.</summary>
    private static int IndexStartingAt(List<PiiSpan> spans, int start)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            if (spans[n].Start == start)
            {
                return n;
            }
        }

        return -1;
    }

    /// <summary>The index of the first span of the label starting at <paramref name="start"/>, or -1.</summary>
    private static int IndexStartingAt(List<PiiSpan> spans, int start, PiiLabel label)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            if (spans[n].Start == start && spans[n].Label == label)
            {
                return n;
            }
        }

        return -1;
    }

    /// <summary>The index of the first span ending at <paramref name="end"/>, or -1.</summary>
    private static int IndexEndingAt(List<PiiSpan> spans, int end)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            if (spans[n].End == end)
            {
                return n;
            }
        }

        return -1;
    }

    /// <summary>The index of a span of the label ending at <paramref name="end"/>, or -1.</summary>
    private static int IndexEndingAt(List<PiiSpan> spans, int end, PiiLabel label)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            if (spans[n].End == end && spans[n].Label == label)
            {
                return n;
            }
        }

        return -1;
    }

    /// <summary>Does a span of one of the two labels start at <paramref name="start"/>?</summary>
    private static bool StartsSpan(List<PiiSpan> spans, int start, PiiLabel label, PiiLabel other)
    {
        foreach (var s in spans)
        {
            if (s.Start == start && (s.Label == label || s.Label == other))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Does a span of another label than <paramref name="label"/> overlap [start, end)?</summary>
    private static bool OverlapsOther(List<PiiSpan> spans, int start, int end, PiiLabel label)
    {
        foreach (var s in spans)
        {
            if (s.Start < end && start < s.End && s.Label != label)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Does a span of this label end at <paramref name="end"/>?</summary>
    private static bool EndsSpan(List<PiiSpan> spans, int end, PiiLabel label)
    {
        foreach (var s in spans)
        {
            if (s.End == end && s.Label == label)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes the persons that start in [start, end) and end by <paramref name="end"/>.</summary>
    private static void RemovePersonsFrom(List<PiiSpan> spans, int start, int end) =>
        spans.RemoveAll(s => s.Label == PiiLabel.Person && s.Start >= start && s.Start < end && s.End <= end);

    /// <summary>Does a span of <paramref name="label"/> hold the character at <paramref name="at"/>?</summary>
    private static bool InSpan(List<PiiSpan> spans, int at, PiiLabel label) => spans.Exists(s => s.Label == label && s.Start <= at && at < s.End);

    /// <summary>Removes the spans that lie within [start, end).</summary>
    private static void RemoveWithin(List<PiiSpan> spans, int start, int end) => spans.RemoveAll(s => s.Start >= start && s.End <= end);

    /// <summary>
    /// Adds <paramref name="span"/> in place of the spans found inside it, unless a span found or added reaches beyond it
    /// or one added overlaps it: whether it was added.
    /// </summary>
    private static bool AddInPlace(List<PiiSpan> spans, List<PiiSpan> added, PiiSpan span)
    {
        if (OverlapsBeyond(spans, span) || Overlaps(added, span.Start, span.End))
        {
            return false;
        }

        RemoveWithin(spans, span.Start, span.End);
        added.Add(span);
        return true;
    }

    /// <summary>Removes the addresses, places and persons that overlap <paramref name="grown"/>.</summary>
    private static void RemoveStreetParts(List<PiiSpan> spans, PiiSpan grown) =>
        spans.RemoveAll(s => s.Start < grown.End && grown.Start < s.End && s.Label is PiiLabel.Address or PiiLabel.Location or PiiLabel.Person);

    /// <summary>Is every span clear of [start, end) or a place or person within it?</summary>
    private static bool OnlyBarePartsWithin(List<PiiSpan> spans, int start, int end)
    {
        foreach (var s in spans)
        {
            if (!(s.End <= start || s.Start >= end || s.Start >= start && s.End <= end && s.Label is PiiLabel.Location or PiiLabel.Person))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Is every span overlapping <paramref name="grown"/> an agency, place or person within it (or a badge within it from <paramref name="badgesFrom"/> on)?</summary>
    private static bool OnlyNamesWithin(List<PiiSpan> spans, PiiSpan grown, int badgesFrom = int.MaxValue)
    {
        foreach (var s in spans)
        {
            if (s.Start < grown.End && grown.Start < s.End
                && (s.Start < grown.Start || s.End > grown.End || s.Label is not (PiiLabel.Agency or PiiLabel.Location or PiiLabel.Person) && !(s.Label == PiiLabel.BadgeId && s.Start >= badgesFrom)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Does an agency end at <paramref name="end"/>?</summary>
    private static bool EndsAgency(List<PiiSpan> spans, int end)
    {
        foreach (var s in spans)
        {
            if (s.Label == PiiLabel.Agency && s.End == end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the first time span covering [start, end), or -1.</summary>
    private static int IndexOfTimeAround(List<PiiSpan> spans, int start, int end)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            if (spans[n].Start <= start && spans[n].End >= end && spans[n].Label == PiiLabel.Time)
            {
                return n;
            }
        }

        return -1;
    }

    /// <summary>Is <paramref name="id"/> inside one span found?</summary>
    private static bool Covered(List<PiiSpan> spans, PiiSpan id)
    {
        foreach (var s in spans)
        {
            if (s.Start <= id.Start && s.End >= id.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Does a span of <paramref name="label"/> overlap <paramref name="span"/>?</summary>
    private static bool OverlapsLabel(List<PiiSpan> spans, PiiSpan span, PiiLabel label)
    {
        foreach (var s in spans)
        {
            if (s.Label == label && s.Start < span.End && span.Start < s.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gives the index of tokens by character (<see cref="tokenAt"/>) back to the pool, once a stage is done.</summary>
    private void ReturnTokenIndex()
    {
        if (tokenAt is not null)
        {
            System.Buffers.ArrayPool<int>.Shared.Return(tokenAt);
            tokenAt = null;
        }
    }
}
