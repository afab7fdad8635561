namespace NearMiss.Core.Pii;

/// <summary>Ranges of clock times in shift notes and logs (decision 071): "Shift: 1800–0600", "Swing (1400–2240)".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// A range of four-digit clock times: "Shift: 1800–0600", "Swing (1400–2240)", "hours: 0700-1500". A hyphen needs a
    /// word of hours or a shift beside it (not a case number "1400-2240"), and a range of years ("2001–2010") one too.
    /// </summary>
    private void ClockRanges(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(4, 4))
        {
            return; // (a clock time is four digits)
        }

        for (var k = 0; k + 2 < count; k++)
        {
            if (!IsClockNumber(k) || !IsClockNumber(k + 2) || !(P(k + 1, '–') || P(k + 1, '—') || P(k + 1, '-'))
                || tokens[k + 1].Start - tokens[k].End != tokens[k + 2].Start - tokens[k + 1].End || tokens[k + 1].Start - tokens[k].End > 1)
            {
                continue;
            }

            var years = W(k) is ['1', '9', _, _] or ['2', '0', _, _] && W(k + 2) is ['1', '9', _, _] or ['2', '0', _, _] && W(k).CompareTo(W(k + 2), StringComparison.Ordinal) < 0;
            if ((P(k + 1, '-') && !OnTheHour(k) || years) && !ClockRangeCue(k))
            {
                continue;
            }

            // (the phone number a hyphen made of it goes: "Shift: 0700-1500")
            spans.RemoveAll(s => s.Label == PiiLabel.Phone && s.Start == tokens[k].Start && s.End == tokens[k + 2].End);
            foreach (var t in (ReadOnlySpan<int>)[k, k + 2])
            {
                if (!Overlaps(spans, tokens[t].Start, tokens[t].End) && !Overlaps(added, tokens[t].Start, tokens[t].End))
                {
                    added.Add(new PiiSpan(tokens[t].Start, tokens[t].End, PiiLabel.Time));
                }
            }

            k += 2;
        }
    }

    /// <summary>
    /// A hyphened range of whole or half hours, as a shift is ("I'm on 0600-1600 Sun-Wed", "Sat 8/3. 1500-0300."), not after
    /// a word that numbers a case or a report ("case 1400-2230").
    /// </summary>
    private bool OnTheHour(int k) =>
        W(k) is [_, _, '0' or '3', '0'] && W(k + 2) is [_, _, '0' or '3', '0'] && !(k > 0 && (tokens[k - 1].Is(Lex.Keyword) || P(k - 1, '#')));

    /// <summary>A word of hours or a shift before a range that starts at <paramref name="k"/> (a colon or a bracket between), or "hrs" after it.</summary>
    private bool ClockRangeCue(int k)
    {
        var b = k - 1;
        while (b >= 0 && (P(b, ':') || P(b, '(')) && b >= k - 2)
        {
            b--;
        }

        return b >= 0 && EqAny(b, "shift", "hrs", "hours", "time", "swing", "days", "nights", "mids", "watch", "tour", "duty", "from", "worked", "working")
            || EqAny(k + 3, "hrs", "hours", "hr");
    }

    /// <summary>
    /// A range of days of the week joined by a hyphen or a dash with no space: "I'm on 0600-1600 Sun-Wed", "Mon–Fri";
    /// both days are dates, though "sun", "sat" and "wed" alone are words.
    /// </summary>
    private void WeekdayRanges(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(DayNames))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            if (!(P(k + 1, '-') || P(k + 1, '–')) || tokens[k + 1].Start != tokens[k].End || tokens[k + 2].Start != tokens[k + 1].End
                || tokens[k].Length > 9 || !In(DayNames, k) || !In(DayNames, k + 2) || W(k).Equals(W(k + 2), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // (a person found on the days goes: "Sun" is a name too, and "Sun-Tue" read as one)
            RemoveInside(spans, tokens[k].Start, tokens[k + 2].End, PiiLabel.Person);
            foreach (var t in (ReadOnlySpan<int>)[k, k + 2])
            {
                if (!Overlaps(spans, tokens[t].Start, tokens[t].End) && !Overlaps(added, tokens[t].Start, tokens[t].End))
                {
                    added.Add(new PiiSpan(tokens[t].Start, tokens[t].End, PiiLabel.Date));
                }
            }

            k += 2;
        }
    }

    /// <summary>
    /// A day of the week written short after a word that sets a day ("wants everything by mon", "off til thurs.", "on
    /// wed at 0700"): a date, though "sun", "sat" and "wed" alone are words. Nothing but the clause's end, a time or a
    /// part of the day may follow it.
    /// </summary>
    private void ShortDays(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(DayNames))
        {
            return;
        }

        for (var k = 1; k < count; k++)
        {
            if (tokens[k].Length > 5 || !In(DayNames, k) || !EqAny(k - 1, "by", "on", "til", "till", "until", "this", "next", "since", "before", "after", "thru")
                || Overlaps(spans, tokens[k].Start, tokens[k].End) || Overlaps(added, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            var next = k + 1;
            if (next >= count || tokens[next].Has(TokenFlags.NewlineBefore) || P(next, '.') || P(next, ',') || P(next, '!') || P(next, '?') || IsPartOfDay(next)
                || Eq(next, "at") || next < count && tokens[next].Kind == TokenKind.Number)
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Date));
            }
        }
    }
}
