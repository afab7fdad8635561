namespace NearMiss.Core.Pii;

/// <summary>Days of the month by their ordinal alone: "on the 14th", "the twenty-second of June", "Near miss, the twelfth,".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// "on the 14th", "(the 6th)", "going into the 28th", "the 3rd of March": a day of the month by its ordinal after
    /// "the", where no noun follows ("the 3rd floor", "the 2nd shift" are not dates).
    /// </summary>
    private void DaysOfMonth(List<PiiSpan> added)
    {
        if (!Shapes.Alnum)
        {
            return; // (an ordinal is digits and letters in one token: "14th")
        }

        for (var k = 1; k < count; k++)
        {
            ref var t = ref tokens[k];
            if (t.Kind != TokenKind.Alnum || t.Length is < 3 or > 4 || !t.Has(TokenFlags.DigitFirst) || !Eq(k - 1, "the"))
            {
                continue;
            }

            var w = W(k);
            if (!PiiRecogniser.IsOrdinalWord(w) || !int.TryParse(w[..^2], out var day) || day is < 1 or > 31)
            {
                continue;
            }

            var next = k + 1;
            if (next >= count || tokens[next].Kind == TokenKind.Punct && !P(next, '-') && !P(next, '/') || IsWord(next) && tokens[next].Is(Lex.Stop) && !Eq(next, "and") && !Eq(next, "one")
                || In(TimeLeads, next)) // ("on the 22nd around 4")
            {
                added.Add(new PiiSpan(t.Start, t.End, PiiLabel.Date));
            }
        }
    }

    private static readonly WordSet OrdinalDayWords = new(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth"]);

    /// <summary>
    /// Whether token <paramref name="k"/> may be one of the <see cref="OrdinalDayWords"/>, from its length and last letter
    /// alone ("first", "second", "third", the rest end in "th"): the list has no token bit, so this spares most lookups.
    /// </summary>
    private bool MayBeOrdinalWord(int k) =>
        tokens[k].Length is >= 5 and <= 11 && tokens[k].Kind == TokenKind.Word && text[tokens[k].End - 1] is 't' or 'd' or 'h' or 'T' or 'D' or 'H';

    /// <summary>A mark joined to the word before it: "second-floor".</summary>
    private bool MarkJoined(int k) => tokens[k].Start == tokens[k - 1].End && (P(k, '-') || P(k, '/'));

    /// <summary>
    /// After "on the" or "from the", what makes an ordinal a day, not a count: no number or ordinal after it ("the first
    /// three draws", "the second and third floors"), and for "first", "second" and "third", which count far more often
    /// than they date, a mark, a filler or a word of time after them ("on the third, around", not "on the third he said").
    /// </summary>
    private bool OnlyTheDay(int start, int k)
    {
        var next = Eq(k + 1, "and") || Eq(k + 1, "or") ? k + 2 : k + 1;
        if (IsNumberWord(next) || In(OrdinalDayWords, next) || next < count && tokens[next].Kind == TokenKind.Number)
        {
            return false;
        }

        return start != k || !EqAny(k, "first", "second", "third")
            || k + 1 >= count || tokens[k + 1].Kind == TokenKind.Punct && !MarkJoined(k + 1) || tokens[k + 1].Has(TokenFlags.NewlineBefore) || IsFiller(k + 1) || In(TimeLeads, k + 1);
    }

    /// <summary>What only ends a day said alone: the clause's end, a filler, a word of time or "at" and a time ("the ninth, Saturday", "the ninth at oh two").</summary>
    private bool ClosesDay(int k) =>
        k + 1 >= count || P(k + 1, ',') || P(k + 1, '.') || P(k + 1, ';') || tokens[k + 1].Has(TokenFlags.NewlineBefore) || IsFiller(k + 1) || In(TimeLeads, k + 1)
        || Eq(k + 1, "at") && (IsNumberWord(k + 2) || k + 2 < count && tokens[k + 2].Kind == TokenKind.Number);

    /// <summary>Whether a date found already ends with token <paramref name="k"/>.</summary>
    private bool EndsDate(List<PiiSpan> spans, int k)
    {
        if ((uint)k >= (uint)count)
        {
            return false;
        }

        foreach (var span in spans)
        {
            if (span.Label == PiiLabel.Date && span.End == tokens[k].End)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPartOfDay(int k) => EqAny(k, "night", "morning", "evening", "afternoon", "weekend", "day", "early", "late", "overnight");

    /// <summary>
    /// A day of the month said in words: "the twenty-second of June", "the twenty second of august", "the night of the
    /// ninth", "going into the tenth", "on uh the twelfth around", "tuesday the ninth", "march the second".
    /// An ordinal word after "the" is mostly no date ("the first time", "the second car"), so it needs a month after
    /// "of", a date or a day's name before "the", or before it a part of the day, "into", "on", "from", "since" or
    /// "until" with no noun after the ordinal ("on the third floor" is none; "from the first" and "from the second" are
    /// read as no date either).
    /// </summary>
    private void SpokenDaysOfMonth(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(OrdinalDayWords))
        {
            return;
        }

        for (var k = 2; k < count; k++)
        {
            if (!MayBeOrdinalWord(k) || !In(OrdinalDayWords, k))
            {
                continue;
            }

            // "twenty-second", "thirty-first": the tens word joined by a hyphen, or by a space as dictation writes it.
            var start = k >= 3 && P(k - 1, '-') && tokens[k - 1].Start == tokens[k - 2].End && tokens[k].Start == tokens[k - 1].End
                && (Eq(k - 2, "twenty") || Eq(k - 2, "thirty")) ? k - 2
                : (Eq(k - 1, "twenty") || Eq(k - 1, "thirty")) && Spaced(k - 1, k) ? k - 1 : k;
            if (!Eq(start - 1, "the") || start != k && Eq(k, "thirtieth") || Eq(start, "thirty") && !Eq(k, "first"))
            {
                continue;
            }

            var end = k;
            var from = start;
            var lead = BeforeFiller(start - 2);
            var closes = k + 1 >= count || tokens[k + 1].Kind == TokenKind.Punct && !MarkJoined(k + 1) || tokens[k + 1].Has(TokenFlags.NewlineBefore) || IsFiller(k + 1) || In(TimeLeads, k + 1)
                || IsWord(k + 1) && !Eq(k + 1, "of") && (tokens[k + 1].Is(Lex.Stop) || W(k + 1).EndsWith("ing", StringComparison.OrdinalIgnoreCase));
            if (Eq(k + 1, "of") && k + 2 < count && IsWord(k + 2) && tokens[k + 2].Is(Lex.Month))
            {
                end = k + 2; // "the twenty-second of June"
            }
            else if (start >= 2 && IsWord(start - 2) && tokens[start - 2].Is(Lex.Month) && !Eq(k + 1, "of"))
            {
                from = start - 2; // "march the second"
            }
            else if (start >= 2 && (In(DayNames, start - 2) || EndsDate(spans, start - 2)) && !Eq(k + 1, "of"))
            {
                // "tuesday the twelfth", "the day after christmas the twenty sixth real cold"
            }
            else if (start >= 3 && P(start - 2, ',') && (In(DayNames, start - 3) || EndsDate(spans, start - 3)) && closes)
            {
                // "January, the twentieth", "Halloween, the thirty first,"
            }
            else if ((EqAny(lead, "was", "is") || P(start - 2, ',') || start == 1 || tokens[start - 1].Has(TokenFlags.SentenceStart | TokenFlags.NewlineBefore)) && (start != k || !EqAny(k, "first", "second"))
                && ClosesDay(k) && OnlyTheDay(start, k))
            {
                // "it was the ninth, Saturday", "The twenty second at oh two thirty hours", "Near miss, the twenty-fourth,":
                // a day said alone
            }
            else if (!((Eq(start - 2, "of") && IsPartOfDay(start - 3) || Eq(start - 2, "into")
                    || EqAny(lead, "on", "from", "since", "until", "till") && OnlyTheDay(start, k))
                && closes))
            {
                continue; // "the night of the ninth going into the tenth", "this was on uh the twelfth around", not "the night of the second shift"
            }

            if (!Overlaps(spans, tokens[start].Start, tokens[k].End))
            {
                RemoveWithin(spans, tokens[from].Start, tokens[end].End);
                added.Add(new PiiSpan(tokens[from].Start, tokens[end].End, PiiLabel.Date));
            }
        }
    }
}
