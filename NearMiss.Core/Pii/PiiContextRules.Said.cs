namespace NearMiss.Core.Pii;

/// <summary>
/// Numbers said aloud in a dictated report (decision 054): phone numbers digit by digit ("nine zero seven, five five
/// five, zero one four two"), 24-hour times ("zero three forty hours", "at about twenty one fifteen"), dates ("may
/// twenty sixth", "date of birth six twelve nineteen seventy one"), ages after "age" ("age forty four") and
/// years; social security numbers are in <c>PiiContextRules.Dashed.cs</c>, e-mail addresses and spellings are in <c>PiiContextRules.Spelled.cs</c>.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>The digits said one by one: "zero" and "oh" are 0.</summary>
    private static readonly WordSet DigitWords = new(["zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], index => index <= 1 ? 0 : index - 1);

    /// <summary>Days of the month said as ordinals: "first" to "twentieth", "thirtieth"; "twenty sixth" is "twenty" and one of the first nine.</summary>
    private static readonly WordSet OrdinalWords = new(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth"],
        index => index + 1);

    /// <summary>Each number said aloud, as the kind its shape and the words before it say; it replaces the shorter spans inside it.</summary>
    private void SaidNumbers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords, DigitWords) && !Shapes.HasLex(Lex.Month))
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            // Every number said aloud opens with a number word, "oh" or a month: two bits and a flag, tested first.
            if (!IsWord(k) || !(NumberWords.Contains(text, tokens[k]) || DigitWords.Contains(text, tokens[k]) || tokens[k].Is(Lex.Month)))
            {
                continue;
            }

            var last = -1;
            var label = PiiLabel.Phone;
            var first = k;
            if (In(DigitWords, k) && SaidPhoneEnd(k) is var phone and >= 0)
            {
                last = phone;
                first -= k >= 1 && tokens[k - 1].Kind == TokenKind.Number && tokens[k - 1].Length == 3 && Spaced(k - 1, k) ? 1 : 0; // "719 five five five ..."
            }
            else if (SaidStreetEnd(k) is var street and >= 0)
            {
                (last, label) = (SaidUnitEnd(street), PiiLabel.Address);
            }
            else if (SaidClockEnd(k) is var time and >= 0)
            {
                (last, label) = (time, PiiLabel.Time);
            }
            else if (tokens[k].Is(Lex.Month) && SaidDayEnd(k + 1) is var day and >= 0)
            {
                (last, label) = (day, PiiLabel.Date);
            }
            else if ((Eq(k - 1, "birth") && Eq(k - 2, "of") || Eq(k - 1, "of") && Eq(k - 2, "birth") || Eq(k - 1, "dob") || Eq(k - 1, "born") || Eq(k - 1, "b") && Eq(k - 2, "o") && Eq(k - 3, "d"))
                && SaidNumberRunEnd(k, 3, thousand: true) is var dob and >= 0)
            {
                (last, label) = (dob, PiiLabel.Date);
            }
            else if ((Eq(k - 1, "age") || Eq(k - 1, "aged")) && SpelledNumber(k, out var unitsEnd) is >= 20 and < 100 && SaidUnits(unitsEnd))
            {
                (last, label) = (unitsEnd + 1, PiiLabel.Age);
            }
            else if ((EqAny(k - 1, "apartment", "apt", "room", "suite", "lot") || Eq(k - 1, "unit") && EqAny(k - 2, "apartments", "apts", "condos", "motel")) && SaidNumberRunEnd(k, 1) is var flat and >= 0 && (flat > k || ClauseEnds(flat + 1)))
            {
                (first, last, label) = (k - 1, flat, PiiLabel.Address); // "the caller in apartment three twelve said", "room one fourteen", "the westwind apartments unit two oh six"
            }

            if (last < 0)
            {
                continue;
            }

            // A street takes in a time read from its house number ("at fourteen fifty east vine street").
            var said = new PiiSpan(tokens[first].Start, tokens[last].End, label);
            if (!OverlapsBeyond(spans, said) && (label == PiiLabel.Address ? !OverlapsBeyond(added, said) : !Overlaps(added, said.Start, said.End)))
            {
                RemoveWithin(spans, said.Start, said.End);
                RemoveWithin(added, said.Start, said.End);
                added.Add(said);
                k = last;
            }
        }
    }

    /// <summary>
    /// The end of a street said aloud with its unit after it ("… avenue apartment two b", "… street building c"), or
    /// <paramref name="street"/>: a unit's word, then number words or letters alone.
    /// </summary>
    private int SaidUnitEnd(int street)
    {
        var n = street + 1;
        if (!EqAny(n, "apartment", "apt", "unit", "building", "bldg", "suite", "lot", "room", "trailer", "space"))
        {
            return street;
        }

        var last = n;
        while (last + 1 < count && last - n < 4 && Spaced(last, last + 1) && (IsNumberWord(last + 1) || IsWord(last + 1) && tokens[last + 1].Length == 1 && !EqAny(last + 1, "a", "i")))
        {
            last++;
        }

        return last > n ? last : street;
    }

    /// <summary>
    /// A house number said aloud and its street, the street type's token or -1: "twenty two fourteen west maple street",
    /// "four oh nine Cedar Lane". Two number words or more, a direction, then one or two words and a street type; none
    /// of them a word of grammar, a measure or a count ("two three cars down the road" is none); after "address", the
    /// street's words up to the clause's end without a type.
    /// </summary>
    private int SaidStreetEnd(int k)
    {
        var n = k;
        var numbers = 0;
        while (n < count && numbers < 6 && (IsNumberWord(n) || n > k && P(n, '-') && IsNumberWord(n + 1) && tokens[n].Start == tokens[n - 1].End && tokens[n + 1].Start == tokens[n].End))
        {
            numbers += IsNumberWord(n) ? 1 : 0;
            n++;
        }

        if (numbers < 2 || IsNumberWord(k - 1))
        {
            return -1;
        }

        var directed = EqAny(n, "north", "south", "east", "west", "n", "s", "e", "w");
        n += directed ? 1 : 0;

        // A name no word list holds as English after the direction, where the clause ends, is the street without its type:
        // "at fifty seven forty one south kilbourn upstairs", "I got it as forty one twelve south Kedvale and"; with no
        // direction, after a house number of three number words or more: "the yard that's thirty seven twelve vallejo".
        // (A direction and a name no list holds need no lead where the clause ends after them: "David thirty-two, forty-eight
        // sixteen North Ridgeview, cross of Oak".)
        var lead = EqAny(k - 1, "at", "to", "behind", "on", "from", "as", "says") || Eq(k - 1, "s") && P(k - 2, '\'') && Eq(k - 3, "that");
        if ((directed || numbers >= 3) && (lead || directed && P(k - 1, ',')) && IsWord(n) && !English(n) && !tokens[n].Is(Lex.Stop | Lex.Measure | Lex.State | Lex.Country) && !tokens[n].Has(TokenFlags.NewlineBefore) && Spaced(n - 1, n)
            && (ClauseEnds(n + 1) || EqAny(n + 1, "upstairs", "downstairs", "apartment", "apt", "unit")))
        {
            return n;
        }

        // Four number words or more read a house number one by one, and the street's name after them may be any word or
        // two, where the clause ends or the way there goes on: "behind five six one two woodland, gun recovered", "out at
        // four two four one pleasant hill off highway two sixty nine".
        if (numbers >= 4 && lead && !directed && StreetNameWord(n) && Spaced(n - 1, n) && WordClockEnd(k) != n - 1) // (not a clock: "at twenty one thirty five tuesday")
        {
            var end = StreetNameWord(n + 1) && Spaced(n, n + 1) ? n + 1 : n;
            if (ClauseEnds(end + 1) || EqAny(end + 1, "off", "near", "by", "in"))
            {
                return end;
            }
        }

        // A numbered road for the street, its number said too: "forty one twenty two highway fifty six", "twenty two ten
        // county road nine".
        var route = EqAny(n, "highway", "hwy", "route") ? n : EqAny(n, "county", "state", "farm", "ranch") && EqAny(n + 1, "road", "route", "highway", "rd") ? n + 1 : -1;
        if (route >= 0 && Spaced(route - 1, route) && Spaced(route, route + 1))
        {
            var last = route + 1;
            if (last < count && tokens[last].Kind == TokenKind.Number && tokens[last].Length <= 4)
            {
                return last;
            }

            while (last - route < 3 && IsNumberWord(last + 1) && Spaced(last, last + 1))
            {
                last++;
            }

            return IsNumberWord(last) ? last : -1;
        }

        // After "address" the street's type may go unsaid: "Address was fifty four twenty two south Natoma."
        var addressed = Eq(k - 1, "address") || EqAny(k - 1, "is", "was") && Eq(k - 2, "address") || P(k - 1, ':') && Eq(k - 2, "address");
        for (var words = 0; words < 3; words++, n++)
        {
            if (addressed && words > 0 && ClauseEnds(n))
            {
                return n - 1;
            }

            if (!IsWord(n) || tokens[n].Has(TokenFlags.NewlineBefore))
            {
                return -1;
            }

            if (words > 0 && EqAny(n, "street", "avenue", "road", "drive", "lane", "boulevard", "court", "st", "ave", "rd", "dr", "ln", "blvd", "ct", "way", "parkway", "circle", "terrace", "trail"))
            {
                return n;
            }

            // (a numbered street's tens go with its ordinal: "twenty four sixteen north fifty sixth street")
            if (tokens[n].Is(Lex.Stop | Lex.Measure | Lex.Rank | Lex.Role) || In(Counted, n) || IsNumberWord(n) && !((In(Tens, n) || EqAny(n, "sixty", "seventy", "eighty", "ninety")) && In(OrdinalWords, n + 1)))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>A word that may name a street said without its type: no word of grammar, measure, count, rank, role, number or filler.</summary>
    private bool StreetNameWord(int n) =>
        IsWord(n) && !tokens[n].Has(TokenFlags.NewlineBefore) && !tokens[n].Is(Lex.Stop | Lex.Measure | Lex.Rank | Lex.Role | Lex.State | Lex.Country | Lex.Weekday | Lex.Month) && !In(Counted, n) && !In(DayParts, n) && !IsNumberWord(n) && !IsFiller(n);

    /// <summary>"forty four": a units word one to nine after a tens word, with only a space between.</summary>
    private bool SaidUnits(int tens) =>
        IsWord(tens + 1) && Spaced(tens, tens + 1) && NumberWords.Value(text, tokens[tens + 1]) is > 0 and < 10;

    /// <summary>
    /// A phone number that speech-to-text writes digit by digit, the digits in figures or as "oh": "on the sat phone 9 oh 7
    /// 5 5 5 0 1 6 3 and said". Ten digits (eleven with a leading 1), each alone, no digit just before them.
    /// </summary>
    private void SpacedDigitPhones(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 1))
        {
            return;
        }

        for (var k = 0; k + 9 < count; k++)
        {
            if (tokens[k].Kind != TokenKind.Number || tokens[k].Length != 1 || k > 0 && IsSaidDigit(k - 1) || SaidPhoneEnd(k, figures: true) is not (>= 0 and var last))
            {
                continue;
            }

            var phone = new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.Phone);
            if (!OverlapsBeyond(spans, phone) && !Overlaps(added, phone.Start, phone.End))
            {
                RemoveWithin(spans, phone.Start, phone.End);
                added.Add(phone);
            }

            k = last;
        }
    }

    /// <summary>A digit said alone: a digit's word, "oh", or one figure.</summary>
    private bool IsSaidDigit(int n) => n < count && (In(DigitWords, n) || tokens[n].Kind == TokenKind.Number && tokens[n].Length == 1);

    /// <summary>
    /// The last token of seven, ten or eleven digits said one by one, in groups split by commas or dashes, or -1; in
    /// figures too when <paramref name="figures"/>, and then ten or eleven only (seven figures are as often an id).
    /// </summary>
    private int SaidPhoneEnd(int k, bool figures = false)
    {
        int digits = 0, n = k, last = k;
        while (n < count && (n == k || !tokens[n].Has(TokenFlags.NewlineBefore)))
        {
            if (figures ? IsSaidDigit(n) : In(DigitWords, n))
            {
                digits++;
                last = n++;
            }
            else if ((P(n, ',') || P(n, '-') || Eq(n, "dash")) && (figures ? IsSaidDigit(n + 1) : In(DigitWords, n + 1)))
            {
                n++;
            }
            else
            {
                break;
            }
        }

        return digits == 7 && !figures || digits == 10 || digits == 11 && (Eq(k, "one") || figures && text[tokens[k].Start] == '1' && tokens[k].Length == 1) ? last : -1;
    }

    /// <summary>
    /// A 24-hour time said aloud, its last token or -1: "zero three forty hours", "fifteen forty hours", "twenty one
    /// fifteen" after "at", a word of estimate, at a line's start or stamping a dispatcher's "copy"; "hours" is part of it. Hours said as twelve-hour times ("eleven forty")
    /// are left to the spoken-time rule.
    /// </summary>
    private int SaidClockEnd(int k)
    {
        var hour = SaidHour(k, out var hourEnd);
        if (hour < 0 || SaidMinutes(hourEnd + 1, out var minuteEnd) < 0)
        {
            return -1;
        }

        if (EqAny(minuteEnd + 1, "hours", "hrs"))
        {
            return minuteEnd + 1;
        }

        // A dictated log's entry opens with its time: "twenty three ten on interstate seven seven".
        var lead = Eq(k - 1, "like") ? k - 2 : k - 1;
        var led = In(TimeLeads, lead) || Eq(lead, "at") || k == 0 || tokens[k].Has(TokenFlags.NewlineBefore) || AckStamp(k, minuteEnd)
            || AfterADay(k, lead, year: hour is 19 or 20 && !Eq(hourEnd + 1, "hundred"));
        var entry = (k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) && P(minuteEnd + 1, ',') && SaidLog();
        return led && (hour >= 13 || Eq(k, "zero") || Eq(k, "oh") || entry) && !In(Counted, minuteEnd + 1) && !EqAny(minuteEnd + 1, "dollars", "bucks", "pounds", "lbs")
            && !(IsWord(minuteEnd + 1) && tokens[minuteEnd + 1].Is(Lex.Measure)) ? minuteEnd : -1;
    }

    /// <summary>
    /// Does a day stand before a 24-hour time said at <paramref name="k"/> (<paramref name="lead"/> the word before it, or
    /// before its "like")? A day's name or part after "like" ("memorial day like eighteen hundred"), a weekday, a holiday's
    /// "day", or a day of a month ("april fourteenth twenty three hundred") unless the time may be its <paramref
    /// name="year"/> ("november eighth twenty twenty three").
    /// </summary>
    private bool AfterADay(int k, int lead, bool year)
    {
        if (!IsWord(lead))
        {
            return false;
        }

        if (Eq(k - 1, "like") && (Eq(lead, "day") || tokens[lead].Is(Lex.Weekday | Lex.Holiday) || In(DayParts, lead)) || tokens[lead].Is(Lex.Weekday))
        {
            return true;
        }

        var dayOfMonth = In(OrdinalWords, lead) && (IsWord(lead - 1) && tokens[lead - 1].Is(Lex.Month) || IsNumberWord(lead - 1) && IsWord(lead - 2) && tokens[lead - 2].Is(Lex.Month));
        var holiday = Eq(lead, "day") && IsWord(lead - 1) && (tokens[lead - 1].Is(Lex.Holiday) || tokens[lead - 1].Lex.Has(LexExtra.HolidayHead));
        return dayOfMonth && !year || holiday;
    }

    /// <summary>Whether the text is a log read aloud: two lines or more open with a 24-hour time said ("Eighteen forty, theft report").</summary>
    private bool SaidLog()
    {
        if (saidLog is { } known)
        {
            return known;
        }

        var entries = 0;
        for (var k = 0; k < count && entries < 2; k++)
        {
            if ((k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) && SaidHour(k, out var hourEnd) is var hour and >= 0 && (hour >= 13 || EqAny(k, "zero", "oh"))
                && SaidMinutes(hourEnd + 1, out var minuteEnd) >= 0 && (P(minuteEnd + 1, ',') || EqAny(minuteEnd + 1, "hours", "hrs")))
            {
                entries++;
            }
        }

        saidLog = entries >= 2;
        return entries >= 2;
    }

    /// <summary>Whether the text is a log read aloud, once asked.</summary>
    private bool? saidLog;

    /// <summary>
    /// A dispatcher's acknowledgement stamped with its time, said: "DISPATCH: Copy Lincoln Adam two two, twenty two
    /// nineteen." After a comma, at the end of a line or sentence that says "copy" before it.
    /// </summary>
    private bool AckStamp(int k, int last)
    {
        if (!P(k - 1, ',') || !(last + 1 >= count || P(last + 1, '.') || tokens[last + 1].Has(TokenFlags.NewlineBefore)))
        {
            return false;
        }

        for (var j = k - 2; j >= 0 && k - j < 16; j--)
        {
            if (EqAny(j, "copy", "copies", "copied"))
            {
                return true;
            }

            if (tokens[j].Has(TokenFlags.NewlineBefore) || P(j, '.'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>An hour said for a 24-hour clock: "zero three", "oh six", "ten" to "nineteen", "twenty" to "twenty three".</summary>
    private int SaidHour(int k, out int last)
    {
        last = k;
        if (!IsWord(k))
        {
            return -1;
        }

        if (EqAny(k, "zero", "oh") && In(DigitWords, k + 1) && (!EqAny(k + 1, "zero", "oh") || EqAny(k + 1, "zero", "oh") && SaidMinutes(k + 2, out _) > 0))
        {
            last = k + 1;
            return DigitWords.Value(text, tokens[k + 1]); // "zero three", and "zero zero fifteen"
        }

        var value = NumberWords.Value(text, tokens[k]);
        if (value is >= 10 and < 20)
        {
            return value;
        }

        if (value == 20)
        {
            // "twenty one" or "twenty-one"
            var unit = JoinsNumberWords(k + 1) ? k + 2 : k + 1;
            if (IsWord(unit) && (unit == k + 2 || Spaced(k, unit)) && NumberWords.Value(text, tokens[unit]) is >= 1 and <= 3 and var more && SaidMinutes(unit + 1, out _) >= 0)
            {
                last = unit;
                return 20 + more;
            }

            return 20;
        }

        return -1;
    }

    /// <summary>Minutes said after an hour: "hundred", "oh five", "ten" to "fifty nine".</summary>
    private int SaidMinutes(int k, out int last)
    {
        last = k;
        if (!IsWord(k) || !Spaced(k - 1, k))
        {
            return -1;
        }

        if (Eq(k, "hundred"))
        {
            return 0;
        }

        if (EqAny(k, "oh", "zero") && In(DigitWords, k + 1) && Spaced(k, k + 1))
        {
            last = k + 1;
            return DigitWords.Value(text, tokens[k + 1]);
        }

        var value = NumberWords.Value(text, tokens[k]);
        if (value is >= 10 and < 20)
        {
            return value;
        }

        if (value is 20 or 30 or 40 or 50)
        {
            var unit = JoinsNumberWords(k + 1) ? k + 2 : k + 1;
            if (IsWord(unit) && (unit == k + 2 || Spaced(k, unit)) && NumberWords.Value(text, tokens[unit]) is >= 1 and <= 9 and var more)
            {
                last = unit;
                return value + more;
            }

            return value;
        }

        return -1;
    }

    /// <summary>The last token of a day said after a month ("nineteenth", "twenty sixth", "twenty-sixth"), or -1.</summary>
    private int SaidDayEnd(int k)
    {
        if (!IsWord(k) || !Spaced(k - 1, k))
        {
            return -1;
        }

        if (In(OrdinalWords, k))
        {
            return k;
        }

        if (EqAny(k, "twenty", "thirty"))
        {
            var n = P(k + 1, '-') && tokens[k + 1].Start == tokens[k].End ? k + 2 : k + 1;
            if (IsWord(n) && OrdinalWords.Value(text, tokens[n]) is >= 1 and <= 9 && (n == k + 2 || Spaced(k, n)))
            {
                return n;
            }
        }

        return -1;
    }

    /// <summary>
    /// The last of at least <paramref name="least"/> number words in a row ("six twelve nineteen seventy one"), or -1;
    /// with <paramref name="thousand"/>, a year's "thousand" among them ("oh four oh nine two thousand one").
    /// </summary>
    private int SaidNumberRunEnd(int k, int least, bool thousand = false)
    {
        var n = k;
        while (n < count && IsWord(n) && (NumberWords.Contains(text, tokens[n]) || Eq(n, "oh") || thousand && n > k && Eq(n, "thousand")) && (n == k || Spaced(n - 1, n)))
        {
            n++;
        }

        return n - k >= least ? n - 1 : -1;
    }

    /// <summary>Nothing more of the phrase at <paramref name="k"/>: the text's or a line's end, a mark, a filler or a word of grammar ("apartment four, and", not "the apartment two doors down").</summary>
    private bool ClauseEnds(int k) =>
        k >= count || tokens[k].Has(TokenFlags.NewlineBefore) || tokens[k].Kind == TokenKind.Punct || IsFiller(k) || IsWord(k) && tokens[k].Is(Lex.Stop);

    /// <summary>Does a day said after its month end at <paramref name="k"/>: "november eighth", "march twenty-first"?</summary>
    private bool AfterSaidDay(int k) =>
        In(OrdinalWords, k) && (IsWord(k - 1) && tokens[k - 1].Is(Lex.Month) || EqAny(k - 1, "twenty", "thirty") && IsWord(k - 2) && tokens[k - 2].Is(Lex.Month)
            || P(k - 1, '-') && EqAny(k - 2, "twenty", "thirty") && IsWord(k - 3) && tokens[k - 3].Is(Lex.Month));

    /// <summary>Words a year said aloud follows: "in twenty nineteen", "back in two thousand twelve", "from like nineteen ninety eight".</summary>
    private static readonly WordSet YearLeads = new(["in", "since", "from", "of", "until", "til", "till", "like", "around", "summer", "spring", "fall", "winter", "year", "before", "after"]);

    /// <summary>
    /// A year said aloud after a word of time or a day said: "in twenty nineteen", "from like two thousand nineteen", "since
    /// nineteen ninety eight", "in two thousand and twelve", "november eighth twenty twenty three", "March the twenty
    /// second, twenty twenty four". A count of things after it is none ("two thousand twenty rounds").
    /// </summary>
    private void SpokenYears(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // Every year said opens with "two", "nineteen" or "twenty": a text without number words has none.
        if (!TextHas(NumberWords))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            var lead = In(YearLeads, k - 1) || P(k - 1, ',') && (In(YearLeads, k - 2) || EndsDate(spans, k - 2) || EndsDate(added, k - 2)) || AfterSaidDay(k - 1)
                || Eq(k, "two") && Eq(k + 1, "thousand") && !IsNumberWord(k - 1) // "Mardi Gras night, two thousand nineteen": the shape is a year's
                || MonthBefore(k);
            if (!lead || !IsWord(k) || !Spaced(k, k + 1))
            {
                continue;
            }

            var rest = -1;
            if (Eq(k, "two") && Eq(k + 1, "thousand"))
            {
                rest = Eq(k + 2, "and") ? k + 3 : k + 2; // "two thousand and twelve"
            }
            else if (Eq(k, "nineteen") || Eq(k, "twenty"))
            {
                rest = k + 1; // "twenty nineteen", "nineteen ninety eight"
            }
            else if (IsNumberWord(k) && !Eq(k, "two") && (EndsDate(spans, k - 1) || EndsDate(added, k - 1)) && Spaced(k - 1, k))
            {
                rest = k; // a date of birth's two-digit year: "march twelfth ninety eight"
            }
            else if (IsNumberWord(k) && !Eq(k, "two") && (MonthBefore(k) || Eq(k - 1, "in") && Eq(k - 2, "back")) && SpelledNumber(k, out _, spaced: true) >= 32)
            {
                rest = k; // a year of two digits after its month or "back in": "september ninety two", "january of eighty-seven", "back in ninety eight"
            }

            if (rest < 0 || !(SpelledNumber(rest, out var last, spaced: true) is >= 1 and <= 99 and var value) || rest > k && !Spaced(rest - 1, rest)
                || rest == k && (value < 30 || IsNumberWord(last + 1))
                || Eq(k, "twenty") && value < 10 || In(Counted, last + 1) || IsWord(last + 1) && tokens[last + 1].Is(Lex.Measure)
                || EqAny(last + 1, "hundred", "dollars", "bucks", "grand", "pounds", "lbs", "rounds", "dash", "point"))
            {
                continue;
            }

            var year = new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.Date);
            if (AddInPlace(spans, added, year))
            {
                k = last;
            }
        }
    }

    /// <summary>Does a month's name stand before <paramref name="k"/>, or a month and "of" ("september ninety two", "january of eighty-seven")?</summary>
    private bool MonthBefore(int k) =>
        IsWord(k - 1) && tokens[k - 1].Is(Lex.Month) && Spaced(k - 1, k) || Eq(k - 1, "of") && IsWord(k - 2) && tokens[k - 2].Is(Lex.Month) && Spaced(k - 2, k - 1);

    /// <summary>The last of exactly <paramref name="digits"/> digit words said one by one from <paramref name="k"/>, or -1.</summary>
    private int DigitGroupEnd(int k, int digits)
    {
        for (var n = 0; n < digits; n++)
        {
            if (!In(DigitWords, k + n) || n > 0 && !Spaced(k + n - 1, k + n))
            {
                return -1;
            }
        }

        return k + digits - 1;
    }
}
