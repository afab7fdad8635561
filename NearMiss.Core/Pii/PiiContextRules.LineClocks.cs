namespace NearMiss.Core.Pii;

/// <summary>The clock that opens a line of a log or a chat, kept out of the value on the line before.</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// A span that runs over a line's end into the clock that opens the next line ("AK plate JRV 418\n02:20 Kenny:",
    /// "the same lot from april\n01:24 Sgt Her:") ends at the line's end, and the clock is a time of its own.
    /// </summary>
    private void LineClocks(List<PiiSpan> spans)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            var span = spans[n];
            var newline = text.IndexOf('\n', span.Start, span.Length);
            if (newline < 0)
            {
                continue;
            }

            var clock = newline + 1;
            while (clock < span.End && (text[clock] == ' ' || text[clock] == '\t' || text[clock] == '\r'))
            {
                clock++;
            }

            var clockEnd = ClockEnd(clock);
            if (clockEnd < 0)
            {
                continue;
            }

            var end = newline;
            while (end > span.Start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > span.Start)
            {
                spans[n] = new PiiSpan(span.Start, end, span.Label);
            }
            else
            {
                spans.RemoveAt(n--);
            }

            // (a time found on part of the clock, "18:40" of "23:18:40", grows over it)
            if (!OverlapsOther(spans, clock, clockEnd, PiiLabel.Time))
            {
                var start = clock;
                foreach (var time in spans)
                {
                    if (time.Label == PiiLabel.Time && time.Start < clockEnd && clock < time.End)
                    {
                        (start, clockEnd) = (Math.Min(start, time.Start), Math.Max(clockEnd, time.End));
                    }
                }

                RemoveInside(spans, start, clockEnd, PiiLabel.Time);
                spans.Add(new PiiSpan(start, clockEnd, PiiLabel.Time));
            }
        }

        spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>The end of a clock "H:MM" or "HH:MM", seconds allowed, that starts at <paramref name="at"/>; -1 if none does.</summary>
    private int ClockEnd(int at)
    {
        var k = at;
        while (k < text.Length && k - at < 2 && char.IsAsciiDigit(text[k]))
        {
            k++;
        }

        if (k == at || k + 2 >= text.Length || text[k] != ':' || !char.IsAsciiDigit(text[k + 1]) || !char.IsAsciiDigit(text[k + 2]))
        {
            return -1;
        }

        k += 3;
        if (k + 2 < text.Length && text[k] == ':' && char.IsAsciiDigit(text[k + 1]) && char.IsAsciiDigit(text[k + 2]))
        {
            k += 3;
        }

        return k < text.Length && char.IsAsciiDigit(text[k]) ? -1 : k;
    }
}
