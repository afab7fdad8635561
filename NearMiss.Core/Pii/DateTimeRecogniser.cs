using System.Runtime.CompilerServices;

namespace NearMiss.Core.Pii;

/// <summary>
/// Dates and times: ISO and numeric dates, clock times, 24-hour times and years, weekdays, months with their day and
/// year, holidays and named days ("Black Friday", "the day after Thanksgiving").
/// </summary>
internal sealed class DateTimeRecogniser(PiiScan scan) : PiiRecogniser(scan)
{
    /// <summary>"2024-03-09", "2024-03-09 14:22:05"; at a number, only a year of four digits before '-' (the pattern's start).</summary>
    public int IsoDate(int i) =>
        IsNum(i) && !(IsNumOfLength(i, 4, 4) && CharAfter(i) == '-') ? 0 : Pattern(i, PiiPatterns.IsoDate(), PiiLabel.Date);

    /// <summary>"3/9/2024", "03-09-24", "03/2024"; at a number, only a month of one or two digits before '/', '-' or '.'.</summary>
    public int NumericDate(int i) =>
        IsNum(i) && !(IsNumOfLength(i, 1, 2) && CharAfter(i) is '/' or '-' or '.') ? 0 : Pattern(i, PiiPatterns.NumericDate(), PiiLabel.Date);

    /// <summary>
    /// "14:22", "2:15 pm", "1430 hrs"; at a number, only one of one, two or four digits before ':' or a space (a letter
    /// after the digits, as in "2pm", would be part of the token, so "2 pm" and "1430 hrs" have a space there).
    /// </summary>
    public int Time(int i) =>
        IsNum(i) && !((IsNumOfLength(i, 1, 2) || IsNumOfLength(i, 4, 4)) && (CharAfter(i) == ':' || char.IsWhiteSpace(CharAfter(i))))
            ? 0
            : Pattern(i, PiiPatterns.Time(), PiiLabel.Time);

    /// <summary>Does what ends at <paramref name="k"/> say the time comes next: "time", "time of call", "it's", "its", a form's "Time in:", "Arrived:"?</summary>
    private bool SaysTheTime(int k) =>
        EqAny(k, "time", "its") || EqAny(k, "call") && EqAny(k - 1, "of") && EqAny(k - 2, "time") || EqAny(k, "s") && P(k - 1, '\'') && EqAny(k - 2, "it")
        || P(k, ':') && (EqAny(k - 1, "in", "out") && EqAny(k - 2, "time") || EqAny(k - 1, "arrived", "departed", "cleared", "dispatched"));

    /// <summary>"0430", "around 1915": 24-hour clock times; "1998": years.</summary>
    public int ClockOrYear(int i)
    {
        if (tokens[i].Length == 4 && !IsMeasure(i + 1) && !P(i + 1, '-') && !P(i - 1, '-'))
        {
            var value = Value(i);
            var hhmm = value % 100 < 60 && value / 100 <= 23;
            if (hhmm && (text[tokens[i].Start] == '0' || Is(i - 1, Lex.TimeLead) || P(i - 1, '~') || P(i - 1, '@') || SaysTheTime(i - 1) || LastIs(PiiLabel.Date, tokens[i].Start, 1) || (P(i - 1, ',') && LastIs(PiiLabel.Date, tokens[i - 1].Start, 0))))
            {
                Emit(i, i + 1, PiiLabel.Time);
                return i + 1;
            }

            if (value is >= 1900 and <= 2099)
            {
                Emit(i, i + 1, PiiLabel.Date);
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>"2am", "11pm", "0545hrs": a clock time written as one token with its unit.</summary>
    public int TimeWithUnit(int i)
    {
        ref var t = ref T(i);
        var digits = t.Digits;
        var w = W(i);
        if (digits is < 1 or > 4 || w.Length <= digits || !char.IsAsciiDigit(w[digits - 1]) || char.IsAsciiDigit(w[digits]))
        {
            // Only "digits, then letters": "2am", not "2K14".
            return 0;
        }

        // (the digits lead the token: "1g2" has two, not first)
        var unit = w[digits..];
        if (!int.TryParse(w[..digits], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return 0;
        }

        var clock = unit.Equals("am", StringComparison.OrdinalIgnoreCase) || unit.Equals("pm", StringComparison.OrdinalIgnoreCase)
            ? digits <= 2 && value is >= 1 and <= 12 || digits is 3 or 4 && value % 100 < 60 && value / 100 is >= 1 and <= 12
            : (unit.Equals("hrs", StringComparison.OrdinalIgnoreCase) || unit.Equals("hr", StringComparison.OrdinalIgnoreCase) || unit.Equals("h", StringComparison.OrdinalIgnoreCase))
                && digits == 4 && value % 100 < 60 && value / 100 <= 23;
        if (!clock)
        {
            return 0;
        }

        Emit(i, i + 1, PiiLabel.Time);
        return i + 1;
    }

    /// <summary>
    /// "wed approx 1915", "sat night", "sun 0300": weekday abbreviations that are also words, before a time or a part of
    /// the day (not "sat at the end"); in any case in brackets ("12/09/2023 (Sat)") or before a month and its day ("Sat Nov 18", "SUN MARCH 3RD").
    /// </summary>
    public int ShortWeekday(int i)
    {
        if (tokens[i].Length == 3 && EqAny(i, "wed", "sat", "sun")
            && (P(i - 1, '(') && P(i + 1, ')') || Is(i + 1, Lex.Month) && (IsNum(i + 2) && tokens[i + 2].Length <= 2 || i + 2 < count && tokens[i + 2].Kind == TokenKind.Alnum && DayOfMonth(i + 2))
                || !tokens[i].Has(TokenFlags.Capitalized) && !EqAny(i - 1, "i", "he", "she", "we", "they", "you", "who", "had", "the", "in")
                    && (IsNum(i + 1) && tokens[i + 1].Length is 4 || EqAny(i + 1, "night", "nite", "morning", "evening", "afternoon") || P(i + 1, '@') || P(i + 1, '~')
                        || EqAny(i + 1, "approx", "around", "about", "at") && IsNum(i + 2))))
        {
            Emit(i, i + 1, PiiLabel.Date);
            return i + 1;
        }

        return 0;
    }

    /// <summary>"around midnight", "at noon": the named hours after a word that leads a time.</summary>
    public int NamedHour(int i)
    {
        if (tokens[i].Length is 4 or 8 && EqAny(i, "midnight", "noon") && (Is(i - 1, Lex.TimeLead) || EqAny(i - 1, "past", "til", "till")) && !tokens[i].Has(TokenFlags.AllCaps | TokenFlags.Capitalized))
        {
            Emit(i, i + 1, PiiLabel.Time);
            return i + 1;
        }

        return 0;
    }

    private static readonly string[] MonthCodes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>"31DEC", "01JAN24", "15MAR2023": a log's day, month and year written as one word.</summary>
    public int CompactDate(int i)
    {
        var w = W(i);
        var digits = 0;
        while (digits < w.Length && char.IsAsciiDigit(w[digits]))
        {
            digits++;
        }

        var year = w.Length - digits - 3;
        if (digits is < 1 or > 2 || year is not (0 or 2 or 4) || !char.IsAsciiLetterUpper(w[digits]) || w[(digits + 3)..].ContainsAnyExceptInRange('0', '9'))
        {
            return 0;
        }

        var day = int.Parse(w[..digits], System.Globalization.CultureInfo.InvariantCulture);
        var month = w.Slice(digits, 3);
        foreach (var code in MonthCodes)
        {
            if (day is >= 1 and <= 31 && month.Equals(code, StringComparison.OrdinalIgnoreCase))
            {
                Emit(i, i + 1, PiiLabel.Date);
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>"9th of July": a lone ordinal, "of" and a month.</summary>
    public int OrdinalOfMonth(int i)
    {
        if (IsLoneOrdinal(i) && EqAny(i + 1, "of") && Is(i + 2, Lex.Month))
        {
            Emit(i, i + 3, PiiLabel.Date);
            return i + 3;
        }

        return 0;
    }

    /// <summary>Weekdays, named days and holidays, months with a day or year ("March 3, 2024", "in June").</summary>
    public int Words(int i)
    {
        ref var t = ref T(i);

        // Each date below starts at a listed weekday, holiday or month, the head of a named day, "new" or "fourth".
        // The rule is tried at every word and most are none of these: this test stays apart from the dates' reading,
        // whose many locals would otherwise be cleared at each call.
        if (!t.Is(Lex.Weekday | Lex.Holiday | Lex.Month) && (t.Lex.Extra & LexExtra.HolidayHead) == 0 && !Eq(i, "new") && !Eq(i, "fourth"))
        {
            return 0;
        }

        return DateWords(i);
    }

    /// <summary><see cref="Words"/> at a word that may start a date.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int DateWords(int i)
    {
        ref var t = ref T(i);
        if ((t.Lex.Extra & LexExtra.HolidayHead) != 0)
        {
            var named = NamedDay(i);
            if (named > 0)
            {
                return named;
            }
        }

        if (t.Is(Lex.Weekday) && (t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.Lower) || t.Has(TokenFlags.AllCaps) && !CapsMode))
        {
            var weekdayEnd = i + 1;
            if (t.Length <= 5 && !Eq(i, "lunes") && P(weekdayEnd, '.') && Adj(weekdayEnd))
            {
                weekdayEnd++;
            }
            else if (Eq(weekdayEnd, "the") && DayOfMonth(weekdayEnd + 1))
            {
                weekdayEnd += 2; // "sunday the 27th", "Saturday the ninth"
            }
            else if (EqAny(weekdayEnd, "before", "after", "of") && (Is(weekdayEnd + 1, Lex.Holiday) || (tokens[weekdayEnd + 1].Lex.Extra & LexExtra.HolidayHead) != 0))
            {
                // "Sunday after Thanksgiving": one holiday-relative date.
                var holiday = Words(weekdayEnd + 1);
                if (holiday > 0)
                {
                    spans.RemoveAt(spans.Count - 1);
                    Emit(i, holiday, PiiLabel.Date);
                    return holiday;
                }
            }

            Emit(i, weekdayEnd, PiiLabel.Date);
            return weekdayEnd;
        }

        // "New Year's Day", "New Year's Eve", "New Years".
        var lower = t.Has(TokenFlags.Lower) && t.Length == 3 && (LowerMode || Eq(i + 1, "years") && EqAny(i + 2, "eve", "day")
            || Eq(i + 1, "year") && (P(i + 2, '\'') || P(i + 2, '’')) && Eq(i + 3, "s") && EqAny(i + 4, "eve", "day")); // "new year's eve"
        if (t.Length == 3 && Eq(i, "new") && (t.Has(TokenFlags.Capitalized) && Cap(i + 1) || lower) && EqAny(i + 1, "year", "years", "year's"))
        {
            var newYearEnd = i + 2;
            if ((P(newYearEnd, '\'') || P(newYearEnd, '’')) && Adj(newYearEnd) && Eq(newYearEnd + 1, "s"))
            {
                newYearEnd += 2;
            }

            if (EqAny(newYearEnd, "day", "eve") && (Cap(newYearEnd) || lower))
            {
                newYearEnd++;
            }

            Emit(i, newYearEnd, PiiLabel.Date);
            return newYearEnd;
        }

        // "labor day", "INDEPENDENCE DAY": a holiday word with "day" or "eve" is a date in any case.
        var namedDay = t.Has(TokenFlags.Lower) && (EqAny(i + 1, "day", "eve") || P(i + 1, '\'') && Eq(i + 2, "s") && EqAny(i + 3, "day", "eve")) && tokens[i + 1].Has(TokenFlags.Lower);
        if (t.Is(Lex.Holiday) && (t.Has(TokenFlags.Capitalized) || namedDay || (t.Has(TokenFlags.AllCaps) && !CapsMode || t.Has(TokenFlags.Lower)) && IsSingleWordHoliday(i)))
        {
            var holidayEnd = i + 1;
            if (P(holidayEnd, '\'') && Eq(holidayEnd + 1, "s") && Adj(holidayEnd))
            {
                holidayEnd += 2;
            }

            if (EqAny(holidayEnd, "day", "eve") || EqAny(holidayEnd, "sunday", "weekend") && (Cap(holidayEnd) || t.Has(TokenFlags.Lower) && tokens[holidayEnd].Has(TokenFlags.Lower)))
            {
                holidayEnd++;
            }
            else if (!IsSingleWordHoliday(i) || Eq(i, "eid") && t.Has(TokenFlags.AllCaps) || IsWord(holidayEnd) && HolidayThings.Contains(text, tokens[holidayEnd]))
            {
                return 0; // (an employee's "EID"; "lit up like a Christmas tree")
            }

            return EmitHoliday(i, DayTail(holidayEnd));
        }

        if (EqAny(i, "fourth") && Eq(i + 1, "of") && Eq(i + 2, "july") && (t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.Lower) && tokens[i + 2].Has(TokenFlags.Lower) || t.Has(TokenFlags.AllCaps)))
        {
            Emit(i, i + 3, PiiLabel.Date);
            return i + 3;
        }

        // A month in capitals only with its day: "05 DEC 2023", "17 MAR", "DEC 5", "MARCH 3RD".
        if (!t.Is(Lex.Month) || t.Has(TokenFlags.AllCaps) && !DayBefore(i) && !(IsNum(i + 1) && tokens[i + 1].Length <= 2 && Value(i + 1) is >= 1 and <= 31)
            && !(i + 1 < count && tokens[i + 1].Kind == TokenKind.Alnum && DayOfMonth(i + 1)))
        {
            return 0;
        }

        var w = W(i);
        var abbreviation = w.Length <= 4 && !w.Equals("june", StringComparison.OrdinalIgnoreCase) && !w.Equals("july", StringComparison.OrdinalIgnoreCase) && !w.Equals("may", StringComparison.OrdinalIgnoreCase);
        var ambiguous = EqAny(i, "may", "march", "june", "august", "april");
        // A month in lower case only with its day: "thursday march 7th", "oct 9,", "may 5th".
        var nextDay = i + 1 < count && (IsNum(i + 1) && tokens[i + 1].Length <= 2 && Value(i + 1) is >= 1 and <= 31 && !CountedNoun(i + 2) || DayOfMonth(i + 1) && tokens[i + 1].Kind == TokenKind.Alnum);
        var lowerDay = nextDay && (!EqAny(i, "may", "mar") || DayOfMonth(i + 1) || Is(i - 1, Lex.Weekday) || P(i - 1, ',') && Is(i - 2, Lex.Weekday));
        if (t.Has(TokenFlags.Lower) && (ambiguous || abbreviation) && !lowerDay && !DayBefore(i) || (!t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.Lower) && !t.Has(TokenFlags.AllCaps)))
        {
            return 0;
        }

        var j = i + 1;
        if (abbreviation && P(j, '.') && Adj(j))
        {
            j++;
        }

        // "May through October": a season, not a date.
        if (EqAny(j, "through", "thru", "to", "until", "-") && Is(j + 1, Lex.Month))
        {
            return j + 2;
        }

        var end = -1;
        if (j < count && (IsNum(j) && tokens[j].Length <= 2 && Value(j) is >= 1 and <= 31 || tokens[j].Kind == TokenKind.Alnum && IsOrdinal(j) && tokens[j].Length <= 4))
        {
            end = j + 1;

            // A day said digit by digit, as speech-to-text may write it: "may 1 9", "december 1 9th", "september 3 oh".
            if (IsNum(j) && tokens[j].Length == 1 && Value(j) is >= 1 and <= 3 && end < count && tokens[end].Start == tokens[j].End + 1 && !tokens[end].Has(TokenFlags.NewlineBefore)
                && (IsNum(end) && tokens[end].Length == 1 && Value(j) * 10 + Value(end) <= 31 || Eq(end, "oh") || tokens[end].Kind == TokenKind.Alnum && tokens[end].Length == 3 && IsOrdinal(end)))
            {
                end++;
            }

            if (P(end, ',') && IsNum(end + 1) && tokens[end + 1].Length == 4 && Value(end + 1) is >= 1900 and <= 2099)
            {
                end += 2;
            }
            else if (IsNum(end) && tokens[end].Length == 4 && Value(end) is >= 1900 and <= 2099)
            {
                end++;
            }
        }
        else if (IsNum(j) && tokens[j].Length == 4 && Value(j) is >= 1900 and <= 2099)
        {
            end = j + 1;
        }
        else if (P(j, ',') && IsNum(j + 1) && tokens[j + 1].Length == 4 && Value(j + 1) is >= 1900 and <= 2099)
        {
            end = j + 2;
        }
        else if (DayBefore(i))
        {
            end = j; // "17 MAR", "3 June"
        }
        else if (!abbreviation && (!ambiguous || EqAny(i - 1, "in", "of", "since", "early", "late", "mid", "last", "next", "this", "until", "by", "during", "on", "from")))
        {
            end = i + 1;
        }

        if (end < 0)
        {
            return 0;
        }

        // "9th of July", "12 March".
        var first = i;
        if (Eq(i - 1, "of") && i >= 2 && tokens[i - 2].Kind == TokenKind.Alnum && IsOrdinal(i - 2) && (spans.Count == 0 || spans[^1].End <= tokens[i - 2].Start))
        {
            first = i - 2;
        }
        else if (DayBefore(i) && (spans.Count == 0 || spans[^1].End <= tokens[i - 1].Start))
        {
            first = i - 1; // "11 January 2024", "05 DEC 2023"
        }

        Emit(first, end, PiiLabel.Date);
        return end;
    }

    private static readonly WordSet OrdinalWords = new(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth"]);

    /// <summary>A day of the month as an ordinal: "27th", "ninth".</summary>
    private bool DayOfMonth(int i) =>
        i < count && (tokens[i].Kind == TokenKind.Alnum && tokens[i].Length <= 4 && IsOrdinal(i) || IsWord(i) && OrdinalWords.Contains(text, tokens[i]));

    /// <summary>What a number counts: "12 officers", "5 ft", "3 units" (a plural or a measure), so it is no day.</summary>
    private bool CountedNoun(int k) =>
        IsWord(k) && (tokens[k].Is(Lex.Measure) || tokens[k].Length > 3 && (W(k)[^1] is 's' or 'S') || Eq(k, "of") || Eq(k, "or"));

    /// <summary>A day of the month just before a month, with one space: "11 January", "05 DEC".</summary>
    private bool DayBefore(int i) =>
        i >= 1 && IsNum(i - 1) && tokens[i - 1].Length <= 2 && Value(i - 1) is >= 1 and <= 31 && tokens[i].Start == tokens[i - 1].End + 1
        && !(i >= 2 && (P(i - 2, '/') || P(i - 2, '-') || P(i - 2, ':')) && tokens[i - 2].End == tokens[i - 1].Start);

    /// <summary>Things named after a holiday that say no day: "a Christmas tree", "Halloween costumes", "Easter eggs", "nye county".</summary>
    private static readonly WordSet HolidayThings = new(["tree", "trees", "lights", "ornament", "ornaments", "sweater", "music", "song", "songs", "movie", "decorations", "candy", "costume", "costumes", "bunny", "egg", "eggs", "basket", "card", "cards", "county"]);

    private bool IsSingleWordHoliday(int i) =>
        EqAny(i, "nye", "thanksgiving", "christmas", "halloween", "easter", "juneteenth", "ramadan", "hanukkah", "chanukah", "kwanzaa", "diwali", "passover", "purim", "eid", "pentecost");

    /// <summary>"Black Friday Weekend", "Memorial Day weekend", "Mardi Gras Eve": the weekend or eve of a named day is part of the date.</summary>
    private int DayTail(int end) => EqAny(end, "weekend", "eve") && !tokens[end].Has(TokenFlags.NewlineBefore) ? end + 1 : end;

    /// <summary>Emits a named day from token <paramref name="i"/>, widened over "day before" / "weekend after".</summary>
    private int EmitHoliday(int i, int end)
    {
        var from = i;
        if ((Eq(i - 1, "before") || Eq(i - 1, "after")) && (Eq(i - 2, "day") || Eq(i - 2, "night") || Eq(i - 2, "weekend")))
        {
            from = i - 2;
        }
        else if ((Eq(i - 1, "before") || Eq(i - 1, "after")) && (Eq(i - 2, "days") || Eq(i - 2, "nights")) && i >= 3 && (IsNum(i - 3) || IsWord(i - 3) && EqAny(i - 3, "two", "three", "four", "five", "few", "couple")))
        {
            from = i - 3; // "two days after Thanksgiving"
        }

        Emit(from, end, PiiLabel.Date);
        return end;
    }

    /// <summary>
    /// A named day of several words from the lexicon's list: "Black Friday", "Cinco de Mayo", "Mother's Day",
    /// "St. Patrick's Day", "Super Bowl Sunday", in any case ("black friday", "MOTHER'S DAY"): the phrases are names of days
    /// and nothing else.
    /// </summary>
    private int NamedDay(int i)
    {
        // An index loop: the list is read through its interface, whose enumerator would be allocated at each call.
        // A phrase whose first letter differs from the word's, ignoring case, cannot match: it is not read further.
        var phrases = lexicon.HolidayPhraseWords;
        if (W(i).IsEmpty)
        {
            return 0;
        }

        var head = W(i)[..1];
        for (var n = 0; n < phrases.Count; n++)
        {
            if (!phrases[n][0].AsSpan().StartsWith(head, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var end = MatchPhrase(i, phrases[n]);
            if (end > 0)
            {
                return EmitHoliday(i, DayTail(end));
            }
        }

        return 0;
    }

    /// <summary>Matches words case-insensitively from token i; "x's" also matches "xs" and "x’s", "st." matches "St" and "St.".</summary>
    private int MatchPhrase(int i, string[] words)
    {
        var k = i;
        foreach (var word in words)
        {
            if (!IsWord(k) && !(k < count && tokens[k].Kind == TokenKind.Alnum) || k > i && tokens[k].Has(TokenFlags.NewlineBefore))
            {
                return 0;
            }

            var w = W(k);
            var possessive = word.EndsWith("'s", StringComparison.Ordinal);
            var plural = word.EndsWith("s'", StringComparison.Ordinal);
            var dotted = word.EndsWith('.');
            var core = possessive ? word.AsSpan(0, word.Length - 2) : plural || dotted ? word.AsSpan(0, word.Length - 1) : word.AsSpan();
            if (w.Equals(core, StringComparison.OrdinalIgnoreCase))
            {
                k++;
                if (possessive && (P(k, '\'') || P(k, '’')) && Adj(k) && Eq(k + 1, "s") && Adj(k + 1))
                {
                    k += 2;
                }
                else if ((plural && (P(k, '\'') || P(k, '’')) || dotted && P(k, '.')) && Adj(k))
                {
                    k++;
                }
            }
            else if (possessive && w.Length == core.Length + 1 && w.StartsWith(core, StringComparison.OrdinalIgnoreCase) && (w[^1] is 's' or 'S'))
            {
                k++;
            }
            else
            {
                return 0;
            }
        }

        return k;
    }

    private int Pattern(int i, System.Text.RegularExpressions.Regex pattern, PiiLabel label)
    {
        var length = PiiPatterns.MatchLength(pattern, text, tokens[i].Start);
        return length > 0 ? EmitChars(tokens[i].Start, length, label) : 0;
    }
}
