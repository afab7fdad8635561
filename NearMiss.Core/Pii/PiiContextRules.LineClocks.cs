namespace NearMiss.Core.Pii;

/// <summary>
/// The clock that opens a line of a log or a chat, kept out of the value on the line before; clocks said on the radio as
/// four figures; a clock dictated as two numbers ("about 4 30 in the afternoon").
/// </summary>
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

    /// <summary>
    /// A clock said on the radio as four figures, after what asks for the time or gives it back: "copy twenty one forty
    /// seven", "Copy, fourteen fifty-one", "mark the time twenty two forty four", "for the video it's oh one twenty two",
    /// "for the record it's two eleven a m". Hours and minutes that make a time of day, the clause ending after them. Only
    /// in a text of radio traffic or of the record ("copy", "time", "record", "video"…): there "at" before four figures
    /// leads one too ("at twenty one fifty one").
    /// </summary>
    private void RadioClockTimes(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) || !TextHasWord("copy") && !TextHasWord("time") && !TextHas(RecordWords))
        {
            return;
        }

        Span<char> digits = stackalloc char[8];
        for (var k = 1; k < count; k++)
        {
            if (!IsNumberWord(k) || IsNumberWord(k - 1) && Spaced(k - 1, k) || !ClockLead(k - 1))
            {
                continue;
            }

            var length = SaidDigits(k, digits, out var last);
            if (length is < 3 or > 4 || length == 3 && Eq(k - 1, "at") || digits[length - 2] > '5' || (length == 4 ? (digits[0] - '0') * 10 + (digits[1] - '0') : digits[0] - '0') > 23 || last == k)
            {
                continue;
            }

            var end = last;
            if (Eq(last + 1, "a") || Eq(last + 1, "p"))
            {
                end = Eq(last + 2, "m") && Spaced(last + 1, last + 2) ? last + 2 : -1; // "two eleven a m"
            }
            else if (EqAny(last + 1, "hours", "hrs"))
            {
                end = last + 1;
            }
            else if (!ClauseEnds(last + 1))
            {
                end = -1;
            }

            if (end < 0)
            {
                continue;
            }

            // (not a call sign found, "copy four twelve", nor a ten-code, "copy ten thirty two")
            var time = new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Time);
            if (!Eq(k, "ten") && !OverlapsLabel(spans, time, PiiLabel.BadgeId) && !OverlapsLabel(added, time, PiiLabel.BadgeId))
            {
                AddInPlace(spans, added, time);
                k = end;
            }
        }
    }

    /// <summary>The words that give a time on the record: "for the record it's", "for the video it's".</summary>
    private static readonly WordSet RecordWords = new(["record", "video", "camera", "log", "tape"]);

    /// <summary>
    /// What a clock said on the radio follows: "copy" (a comma or "code four" between), "the time", "copy time" or "time
    /// is", "it's" after a word of the record ("for the video it's"); "at" before four figures ("at twenty one fifty one").
    /// </summary>
    private bool ClockLead(int k)
    {
        var b = P(k, ',') ? k - 1 : k;
        b = Eq(b, "four") && Eq(b - 1, "code") ? b - 2 : b;
        if (Eq(b, "copy") || Eq(b, "time") && EqAny(b - 1, "the", "mark", "copy") || Eq(b, "is") && Eq(b - 1, "time") || Eq(k, "at"))
        {
            return true;
        }

        // "it's" / "its" within a few words after "for the record" or "for the video".
        var its = Eq(b, "s") && P(b - 1, '\'') && Eq(b - 2, "it") ? b - 2 : Eq(b, "its") ? b : -1;
        return its > 2 && (In(RecordWords, its - 1) || P(its - 1, ',') && In(RecordWords, its - 2));
    }

    /// <summary>
    /// Times a recording counts from its start, not clocks: the stamps that open a transcript's lines where the first
    /// of them reads "00:…" or "0:0…" ("[00:00:04] OFC. NGUYEN: …", "0:00:04 Harrison Begay"), a caption cue's end, the
    /// stamps after speakers' labels ("Speaker 1  0:02"), and a recording's length ("Duration 2:37", "Length: 1:48",
    /// "[end of message - 1:58]", "[gap 00:02:10]", a voicemail's heading).
    /// </summary>
    private void ElapsedTimes(List<PiiSpan> spans)
    {
        if (!Shapes.HasPunct(':') || !spans.Exists(static s => s.Label == PiiLabel.Time))
        {
            return;
        }

        // (a log's clock may open after midnight, "00:12 Harbor 1 to radio": a stamp of hours and minutes alone counts
        // from a recording's start only in its first minutes, "00:04")
        var elapsed = FirstLineStamp() is var first and >= 0 && first + 4 <= text.Length && (text.AsSpan(first, 3) is "0:0" || text.AsSpan(first, 4) is "00:0" || text.AsSpan(first, 3) is "00:" && SecondsAfter(first));
        var labelled = spans.Find(s => s.Label == PiiLabel.Time && EndsLabelLine(s)) is { Length: > 0 } stamp && text.AsSpan(stamp.Start, stamp.Length) is ['0', ':', ..] or ['0', '0', ':', ..];
        spans.RemoveAll(span =>
        {
            if (span.Label != PiiLabel.Time || FirstToken(span.Start) is not (>= 0 and var k))
            {
                return false;
            }

            var before = k - 1;
            while (before >= 0 && (P(before, ':') || P(before, '-')))
            {
                before--;
            }

            return EqAny(before, "duration", "length", "runtime", "message", "gap") || elapsed && (OpensLine(span.Start) || AfterCueArrow(span.Start))
                || labelled && EndsLabelLine(span) || VoicemailLength(span);
        });
    }

    /// <summary>
    /// The length that ends a voicemail's heading line, after its number or its date and time: "Voicemail (912)
    /// 555-0164  Wed 3/19 10:07 PM  1:36", "Voicemail from (763) 555-0137 · 1:42".
    /// </summary>
    private bool VoicemailLength(PiiSpan span)
    {
        if (!(span.End == text.Length || text[span.End] is '\n' or '\r') || span.Length is < 4 or > 5 || text.AsSpan(span.Start, span.Length).IndexOf(':') is < 1 or > 2)
        {
            return false;
        }

        var line = text.LastIndexOf('\n', Math.Max(0, span.Start - 1)) + 1;
        return text.AsSpan(line, span.Start - line).Contains("voicemail", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A stamp that ends its line two spaces or more after a speaker's label, as meeting and dictation apps write
    /// their turns ("Speaker 1  0:00", "Okonkwo, Sarah   0:04").
    /// </summary>
    private bool EndsLabelLine(PiiSpan span) =>
        (span.End == text.Length || text[span.End] is '\n' or '\r') && text.AsSpan(span.Start, span.Length).Contains(':') && span.Start >= 2 && text[span.Start - 1] == ' ' && text[span.Start - 2] == ' ';

    /// <summary>The second stamp of a caption's cue ("00:00:02.410 --> 00:00:06.880").</summary>
    private bool AfterCueArrow(int start) => start >= 4 && text.AsSpan(start - 4, 4) is "--> ";

    /// <summary>Does the stamp at <paramref name="at"/> ("00:14:32") count seconds too?</summary>
    private bool SecondsAfter(int at) =>
        at + 8 <= text.Length && char.IsAsciiDigit(text[at + 3]) && char.IsAsciiDigit(text[at + 4]) && text[at + 5] == ':' && char.IsAsciiDigit(text[at + 6]);

    /// <summary>Where the first stamp that opens a line ("[00:00:04]", "01:47:12") starts, or -1.</summary>
    private int FirstLineStamp()
    {
        for (var at = 0; at >= 0 && at < text.Length; at = text.IndexOf('\n', at) is var nl and >= 0 ? nl + 1 : -1)
        {
            var c = at < text.Length && text[at] == '[' ? at + 1 : at;
            if (ClockEnd(c) > 0)
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>Does <paramref name="start"/> open its line, after a bracket at most?</summary>
    private bool OpensLine(int start)
    {
        var at = start > 0 && text[start - 1] == '[' ? start - 1 : start;
        return at == 0 || text[at - 1] == '\n';
    }

    /// <summary>
    /// A clock that speech-to-text writes as two numbers, the hour and its minutes: "about 4 30 in the afternoon", "at 11
    /// 45 pm". An hour of one to twelve, two figures of minutes, after a word that leads a time or before "am", "pm" or
    /// "in the morning"; no count of things after it ("at 4 30 rounds").
    /// </summary>
    private void SpacedClocks(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 2))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (tokens[k].Kind != TokenKind.Number || tokens[k].Length > 2 || tokens[k + 1].Kind != TokenKind.Number || tokens[k + 1].Length != 2 || !Spaced(k, k + 1)
                || !int.TryParse(W(k), out var hour) || hour is < 1 or > 12 || !int.TryParse(W(k + 1), out var minutes) || minutes > 59 || k + 2 < count && tokens[k + 2].Kind == TokenKind.Number)
            {
                continue;
            }

            var half = EqAny(k + 2, "am", "pm") || Eq(k + 2, "in") && Eq(k + 3, "the") && EqAny(k + 4, "morning", "afternoon", "evening");
            if ((half || tokens[k - 1].Is(Lex.TimeLead) && Spaced(k - 1, k)) && !In(Counted, k + 2) && !(IsWord(k + 2) && tokens[k + 2].Is(Lex.Measure) && !half))
            {
                var end = EqAny(k + 2, "am", "pm") ? k + 2 : k + 1;
                if (AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Time)))
                {
                    k = end;
                }
            }
        }
    }

    /// <summary>
    /// A 24-hour clock that speech-to-text writes digit by digit, or in hundreds: "at 1 7 45", "about 2 2 15", "at oh 1
    /// 30", "about oh 6 hundred", "around 22 hundred", "2 1 hundred hours", "around twenty 3 40 hours", "at 19 50". After a
    /// word that leads a time; the hour of two digits said apart (or its tens in a word), or of two figures from 13;
    /// then two figures of minutes or "hundred"; "hours" or "hrs" after it is the clock's. No count of things after it.
    /// </summary>
    private void DigitByDigitClocks(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 2))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!IsWord(k - 1) || !tokens[k - 1].Is(Lex.TimeLead) || !Spaced(k - 1, k) || ClockHour(k, out var minutes) is not (>= 0 and <= 23))
            {
                continue;
            }

            var end = Eq(minutes, "hundred") ? minutes
                : minutes < count && tokens[minutes].Kind == TokenKind.Number && tokens[minutes].Length == 2 && Spaced(minutes - 1, minutes) && W(minutes)[0] <= '5' ? minutes : -1;
            if (end < 0 || end + 1 < count && (tokens[end + 1].Kind == TokenKind.Number || !EqAny(end + 1, "hours", "hrs") && (In(Counted, end + 1) || IsWord(end + 1) && tokens[end + 1].Is(Lex.Measure))))
            {
                continue;
            }

            end = EqAny(end + 1, "hours", "hrs") && Spaced(end, end + 1) ? end + 1 : end;
            if (AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Time)))
            {
                k = end;
            }
        }
    }

    /// <summary>
    /// The hour of a clock said digit by digit at <paramref name="k"/> ("1 7", "oh 6", "0 4", "twenty 3") or in two
    /// figures from 13 ("22", "19"), and where its minutes start; -1 when there is none.
    /// </summary>
    private int ClockHour(int k, out int minutes)
    {
        minutes = k + 1;
        int Digit(int j) => j >= count ? -1 : tokens[j].Kind == TokenKind.Number && tokens[j].Length == 1 ? text[tokens[j].Start] - '0' : EqAny(j, "oh", "o") ? 0 : -1;

        if (Digit(k) is >= 0 and <= 2 and var tens && Digit(k + 1) is >= 0 and var unit && Spaced(k, k + 1))
        {
            minutes = k + 2;
            return tens * 10 + unit;
        }

        if (Eq(k, "twenty") && Digit(k + 1) is >= 0 and <= 3 and var past && Spaced(k, k + 1))
        {
            minutes = k + 2;
            return 20 + past;
        }

        return tokens[k].Kind == TokenKind.Number && tokens[k].Length == 2 && int.TryParse(W(k), out var hour) && hour >= 13 ? hour : -1;
    }
}
