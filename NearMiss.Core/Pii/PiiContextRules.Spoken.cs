namespace NearMiss.Core.Pii;

/// <summary>
/// Recognisers for the way officers talk and type (decision 049): ages said as a predicate or in words ("the driver
/// was 16", "lena saunooke, sixty-two"), radio call signs ("i was charlie 7", "831: go ahead"), plates written in two
/// groups ("KS tag 447 LKD") and 24-hour times after "approx" or "around".
/// </summary>
internal sealed partial class PiiContextRules
{
    private static readonly WordSet Greetings = new(["hey", "hi", "hello", "dear", "yo", "thanks", "thx"]);

    /// <summary>Numbers in words: "one" to "nineteen", and the tens.</summary>
    private static readonly WordSet NumberWords = new(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
         "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"],
        index => index < 20 ? index : (index - 18) * 10);

    /// <summary>Who an age in a predicate is of: "he was 17", "the driver was 19 and texting".</summary>
    private static readonly WordSet AgeSubjects = new(["he", "she", "driver", "kid", "suspect", "subject", "victim", "boy", "girl", "guy", "dude", "buddy", "male", "female", "juvenile", "passenger", "shooter", "son", "daughter", "teen", "child", "caller", "kicker", "man", "woman"]);

    private static readonly WordSet AgeHedges = new(["maybe", "like", "about", "around", "only", "just", "barely", "probably", "prob", "approx", "approximately", "roughly", "bout", "abt", "prolly"]);

    /// <summary>The spelling alphabets radio call signs are made of ("Adam 12", "charlie 7", "Frank 31").</summary>
    private static readonly WordSet Phonetic = new(["adam", "boy", "charles", "charlie", "david", "edward", "frank", "george", "henry", "ida", "john", "king", "lincoln", "mary", "nora", "ocean", "paul", "queen", "robert", "sam", "tom", "union", "victor", "william", "young", "zebra", "alpha", "bravo", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "whiskey", "yankee", "zulu"]);

    private static readonly WordSet TimeLeads = new(["approx", "approximately", "aprx", "appx", "around", "about", "bout", "abt", "~"]);

    /// <summary>A number said in words from one to 99 ("sixteen", "sixty-two", "forty"): its value and last token, or 0.</summary>
    private int SpelledNumber(int k, out int last)
    {
        last = k;
        if (!IsWord(k))
        {
            return 0;
        }

        var value = NumberWords.Value(W(k));
        if (value < 20)
        {
            return Math.Max(value, 0);
        }

        if (P(k + 1, '-') && tokens[k + 1].Start == tokens[k].End && k + 2 < count && tokens[k + 2].Start == tokens[k + 1].End
            && IsWord(k + 2) && NumberWords.Value(W(k + 2)) is > 0 and < 10 and var more)
        {
            last = k + 2;
            return value + more;
        }

        return value;
    }

    /// <summary>An age's number at <paramref name="k"/>, digits or words, ending at <paramref name="last"/>: its value or 0.</summary>
    private int AgeNumber(int k, out int last)
    {
        last = k;
        if (k < count && tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 2)
        {
            return int.Parse(W(k), System.Globalization.CultureInfo.InvariantCulture);
        }

        return SpelledNumber(k, out last);
    }

    /// <summary>After an age: the end of a clause, "and", "years", or "ish" ("30ish").</summary>
    private bool AgeCloses(int k) =>
        k >= count || tokens[k].Has(TokenFlags.NewlineBefore) || P(k, ',') || P(k, '.') || P(k, ';') || P(k, ')') || P(k, '!') || P(k, '?')
        || Eq(k, "and") || Eq(k, "or") || Eq(k, "but") || Eq(k, "years") || Eq(k, "yrs") || Eq(k, "now") || Eq(k, "then");

    /// <summary>"Sokolowski, 45, is", "HUONG TRAN (71)", "tran thi lan 34,": a bare age after a name.</summary>
    private void Ages(List<PiiSpan> spans, List<PiiSpan> added)
    {
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.Person)
            {
                continue;
            }

            var k = FirstToken(span.End);
            var open = P(k, '(');
            if (P(k, ',') || open)
            {
                k++;
            }

            if (k >= count || tokens[k].Kind != TokenKind.Number || tokens[k].Length > 3)
            {
                continue;
            }

            var value = int.Parse(W(k), System.Globalization.CultureInfo.InvariantCulture);
            var close = k + 1 >= count || P(k + 1, ',') || P(k + 1, '.') && (k + 2 >= count || tokens[k + 2].Kind == TokenKind.Word) || P(k + 1, ';') || open && P(k + 1, ')')
                || tokens[k + 1].Has(TokenFlags.NewlineBefore) && !open
                || !open && k == FirstToken(span.End) && tokens[k].Length <= 2 && (Eq(k + 1, "made") || Eq(k + 1, "was") || Eq(k + 1, "is") || Eq(k + 1, "said") || Eq(k + 1, "says") || Eq(k + 1, "told") || Eq(k + 1, "had") || Eq(k + 1, "died") || Eq(k + 1, "lives"));
            if (value is >= 1 and <= 110 && close)
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Age));
            }
        }

        // "a 19yo", "19 yo", "19 y/o", "19-year-old" is the rules' own.
        for (var k = 0; k < count; k++)
        {
            if (tokens[k].Kind == TokenKind.Alnum && tokens[k].Has(TokenFlags.DigitFirst) && W(k).EndsWith("yo", StringComparison.OrdinalIgnoreCase) && tokens[k].Digits <= 3
                && tokens[k].Length == tokens[k].Digits + 2)
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].Start + tokens[k].Digits, PiiLabel.Age));
            }
            else if (tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 3 && (Eq(k + 1, "yo") || Eq(k + 1, "y") && P(k + 2, '/') && Eq(k + 3, "o")))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Age));
            }
        }
    }

    /// <summary>"he was 17.", "the driver was 16. sixteen.", "he's maybe 25,", "lena saunooke, sixty-two,", "Adrian Mroz, 30ish".</summary>
    private void SpokenAges(List<PiiSpan> spans, List<PiiSpan> added)
    {
        var ends = new HashSet<int>();
        foreach (var span in spans)
        {
            if (span.Label == PiiLabel.Person)
            {
                ends.Add(span.End);
            }
        }

        for (var k = 0; k < count; k++)
        {
            var person = ends.Contains(tokens[k].End);
            var n = k + 1;
            if (person && (P(n, ',') || P(n, '(')))
            {
                n++;
                if (In(AgeHedges, n) && AgeNumber(n + 1, out var hedged) is >= 1 and <= 99 && AgeCloses(hedged + 1))
                {
                    added.Add(new PiiSpan(tokens[n + 1].Start, tokens[hedged].End, PiiLabel.Age)); // "his nephew Koby, bout 20,"
                }
                else if (SpelledNumber(n, out var last) is >= 1 and <= 110 && AgeCloses(last + 1))
                {
                    added.Add(new PiiSpan(tokens[n].Start, tokens[last].End, PiiLabel.Age));
                }
                else if (tokens[n].Kind == TokenKind.Alnum && tokens[n].Digits == 2 && tokens[n].Length == 5 && W(n).EndsWith("ish", StringComparison.OrdinalIgnoreCase))
                {
                    added.Add(new PiiSpan(tokens[n].Start, tokens[n].Start + 2, PiiLabel.Age));
                }

                continue;
            }

            var fused = Eq(k, "hes") || Eq(k, "shes"); // "hes 19", typed fast
            var verb = fused || Eq(n, "was") || Eq(n, "is") || P(n, '\'') && Eq(n + 1, "s");
            if (!verb || !(person || fused || In(AgeSubjects, k)))
            {
                continue;
            }

            if (fused)
            {
                n--;
            }

            if (fused)
            {
                n++;
            }
            else if (Eq(n, "was") || Eq(n, "is"))
            {
                n++;
            }
            else if (P(n, '\'') && Eq(n + 1, "s") && tokens[n].Start == tokens[k].End)
            {
                n += 2;
            }
            else
            {
                continue;
            }

            if (In(AgeHedges, n))
            {
                n++;
            }

            if (AgeNumber(n, out var end) is >= 1 and <= 99 && AgeCloses(end + 1) && !(P(end + 1, '.') && end + 2 < count && tokens[end + 2].Kind == TokenKind.Number))
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[end].End, PiiLabel.Age));
                if (P(end + 1, '.') && SpelledNumber(end + 2, out var again) > 0 && P(again + 1, '.'))
                {
                    added.Add(new PiiSpan(tokens[end + 2].Start, tokens[again].End, PiiLabel.Age)); // "16. sixteen."
                }
            }
        }
    }

    /// <summary>"early 20s", "mid-50s", "in his 40s": an age by its decade.</summary>
    private void DecadeAges(List<PiiSpan> added)
    {
        for (var k = 1; k < count; k++)
        {
            if (tokens[k].Kind != TokenKind.Alnum || tokens[k].Digits != 2 || tokens[k].Length != 3 || (text[tokens[k].End - 1] | 0x20) != 's' || text[tokens[k].Start + 1] != '0')
            {
                continue;
            }

            var before = P(k - 1, '-') ? k - 2 : k - 1;
            if (Eq(before, "early") || Eq(before, "mid") || Eq(before, "late") || (Eq(before, "his") || Eq(before, "her") || Eq(before, "their")) && Eq(before - 1, "in"))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].Start + 2, PiiLabel.Age));
            }
        }
    }

    /// <summary>"GCSO call 24-0193", "CPD 24-2213": a case number after an agency's initials.</summary>
    private void AgencyCaseNumbers(List<PiiSpan> added)
    {
        for (var k = 0; k + 3 < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Has(TokenFlags.AllCaps) || tokens[k].Length is < 2 or > 5 || !(tokens[k].Is(Lex.AgencyAcronym) || !English(k)))
            {
                continue;
            }

            var n = Eq(k + 1, "call") || Eq(k + 1, "case") || Eq(k + 1, "incident") || Eq(k + 1, "report") || P(k + 1, '#') ? k + 2 : k + 1;
            if (n + 2 < count && tokens[n].Kind == TokenKind.Number && tokens[n].Length == 2 && P(n + 1, '-') && tokens[n + 2].Kind == TokenKind.Number && tokens[n + 2].Length >= 4
                && tokens[n + 1].Start == tokens[n].End && tokens[n + 2].Start == tokens[n + 1].End && !P(n + 3, '-'))
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[n + 2].End, PiiLabel.CaseNumber));
            }
        }
    }

    /// <summary>"Jean-Baptiste", "PIERRE-LOUIS": names on either side of a hyphen are one name.</summary>
    private void JoinHyphenated(List<PiiSpan> spans)
    {
        for (var i = spans.Count - 2; i >= 0; i--)
        {
            var (a, b) = (spans[i], spans[i + 1]);
            if (a.Label == b.Label && a.Label is PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency && b.Start == a.End + 1 && text[a.End] == '-')
            {
                spans[i] = new PiiSpan(a.Start, b.End, a.Label);
                spans.RemoveAt(i + 1);
            }
        }
    }

    /// <summary>Whose age a bare number after a comma or "were" may be: "HER GRANDSON, 9,", "kids 8 and 10".</summary>
    private static readonly WordSet Kin = new(["son", "daughter", "grandson", "granddaughter", "nephew", "niece", "kid", "kids", "boy", "boys", "girl", "girls", "brother", "sister", "cousin", "child", "children", "baby", "toddler", "juvenile", "juveniles", "twins", "sons", "daughters", "grandkids"]);

    /// <summary>"her grandson, 9, remained", "kids 8 and 10", "two kids I'd guess were 9 and 12".</summary>
    private void KinAges(List<PiiSpan> added)
    {
        for (var k = 0; k + 1 < count; k++)
        {
            if (tokens[k + 1].Kind is not (TokenKind.Number or TokenKind.Punct) || !In(Kin, k))
            {
                continue;
            }

            var n = P(k + 1, ',') || Eq(k + 1, "aged") ? k + 2 : k + 1;
            if (n >= count || tokens[n].Kind != TokenKind.Number || tokens[n].Length > 2)
            {
                continue;
            }

            var pair = Eq(n + 1, "and") && n + 2 < count && tokens[n + 2].Kind == TokenKind.Number && tokens[n + 2].Length <= 2 && AgeCloses(n + 3);
            if (pair)
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[n].End, PiiLabel.Age));
                added.Add(new PiiSpan(tokens[n + 2].Start, tokens[n + 2].End, PiiLabel.Age));
            }
            else if (AgeCloses(n + 1) && !Eq(n + 1, "and") && (n == k + 2 || P(n + 1, ',') || P(n + 1, ')')))
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[n].End, PiiLabel.Age)); // "HER GRANDSON, 9,"
            }
        }

        for (var k = 1; k + 3 < count; k++)
        {
            // "two kids I'd guess were 9 and 12": two small numbers joined by "and" after "were", with kin just before.
            if (Eq(k, "were") && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length <= 2 && Eq(k + 2, "and") && tokens[k + 3].Kind == TokenKind.Number && tokens[k + 3].Length <= 2
                && AgeCloses(k + 4) && (In(Kin, k - 1) || In(Kin, k - 2) || In(Kin, k - 3) || In(Kin, k - 4) || In(Kin, k - 5) || In(Kin, k - 6)))
            {
                added.Add(new PiiSpan(tokens[k + 1].Start, tokens[k + 1].End, PiiLabel.Age));
                added.Add(new PiiSpan(tokens[k + 3].Start, tokens[k + 3].End, PiiLabel.Age));
            }
        }
    }

    private static readonly WordSet DayNames = new(["mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

    /// <summary>
    /// "sat 11/16", "Saturday 2/17": a day's name and its date with only a space between are one mention, so one span
    /// (a comma between makes two, as the annotation rules say: "Sat, 5/25"); a day's name before a time is a date of
    /// its own ("[Sat 11:49 PM]"); "sat" and "sun" count only before a date or a time.
    /// </summary>
    private void DaysWithDates(List<PiiSpan> spans)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            var date = spans[i];
            var k = FirstToken(date.Start) - 1;
            k = P(k, ',') ? k - 1 : k;
            if (date.Label == PiiLabel.Time && k >= 0 && char.IsAsciiDigit(text[date.Start]) && In(DayNames, k) && !Overlaps(spans, tokens[k].Start, tokens[k].End)
                && (tokens[k].End == date.Start - 1 || P(k + 1, ',') && tokens[k + 1].End == date.Start - 1))
            {
                spans.Insert(i++, new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Date)); // "[Sat 11:49 PM]", "Sat, 1610 hrs"
                continue;
            }

            if (date.Label != PiiLabel.Date || k < 0 || !char.IsAsciiDigit(text[date.Start]) || !In(DayNames, k))
            {
                continue;
            }

            if (P(k + 1, ',') && tokens[k + 1].End == date.Start - 1 && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                spans.Insert(i++, new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Date)); // "Sat, 5/25": two mentions
                continue;
            }

            if (tokens[k].End != date.Start - 1 || text[date.Start - 1] != ' ')
            {
                continue;
            }

            var day = i > 0 && spans[i - 1].Label == PiiLabel.Date && spans[i - 1].Start == tokens[k].Start && spans[i - 1].End == tokens[k].End;
            if (day || !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                spans[i] = new PiiSpan(tokens[k].Start, date.End, PiiLabel.Date);
                if (day)
                {
                    spans.RemoveAt(--i);
                }
            }
        }
    }

    /// <summary>"DRIVER, M/32,": a sex and an age.</summary>
    private void SexSlashAge(List<PiiSpan> added)
    {
        for (var k = 1; k + 2 < count; k++)
        {
            if (P(k + 1, '/') && (Eq(k, "m") || Eq(k, "f")) && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length == 2
                && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End && (P(k - 1, ',') || P(k - 1, '(')) && !P(k + 3, '/'))
            {
                added.Add(new PiiSpan(tokens[k + 2].Start, tokens[k + 2].End, PiiLabel.Age));
            }
        }
    }

    /// <summary>
    /// Radio call signs: a spelling-alphabet word and a number said as one's own ("i was charlie 7", "(Frank 34)"), a
    /// speaker's call sign opening a transcript line ("831: go ahead", "B22: on scene"), "i'm 831", and every other
    /// mention of a call sign so found.
    /// </summary>
    private void RadioCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        HashSet<string>? found = null;
        for (var k = 0; k < count; k++)
        {
            if (k + 1 < count && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length <= 3 && In(Phonetic, k) && !tokens[k + 1].Has(TokenFlags.NewlineBefore)
                && (Eq(k - 1, "was") || Eq(k - 1, "am") || Eq(k - 1, "as") || Eq(k - 1, "unit") || P(k - 1, '(') && P(k + 2, ')') || P(k + 2, ':') || tokens[k].Has(TokenFlags.Lower) && !caseless)
                && !IsAgeWord(k + 2) && !(k + 2 < count && tokens[k + 2].Is(Lex.Measure)))
            {
                RemoveInside(spans, tokens[k].Start, tokens[k].End, PiiLabel.Person);
                added.Add(new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.BadgeId));
                continue;
            }

            var lineStart = LineStart(k) || IsClockNumber(k - 1) && LineStart(k - 1); // "0538 HARBOR 7: out at the terminal"
            var end = lineStart && IsWord(k) && tokens[k].Length > 2 && !tokens[k].Is(Lex.Stop) && k + 2 < count && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length <= 3
                && P(k + 2, ':') && tokens[k + 1].Start > tokens[k].End
                ? k + 1 // a named unit with its number: "Harbor 7:", "Adam 12:"
                : CallSignEnd(k);
            if (end < 0)
            {
                continue;
            }

            var own = Eq(k - 1, "was") && (Eq(k - 2, "i") || Eq(k - 2, "me") || Eq(k - 2, "sign")) || Eq(k - 1, "m") && P(k - 2, '\'') && Eq(k - 3, "i") || Eq(k - 1, "am") && Eq(k - 2, "i")
                || Eq(k - 1, "unit") || Eq(k - 1, "sign");
            var closes = end + 1 >= count || P(end + 1, ',') || P(end + 1, '.') || P(end + 1, ')') || Eq(end + 1, "on") || Eq(end + 1, "that") || Eq(end + 1, "and") || Eq(end + 1, "was");
            var answered = (Eq(k - 1, "copy") || P(k - 1, '"') || P(k - 1, ':') && In(Dispatchers, k - 2)) && (P(end + 1, ',') || Eq(end + 1, "on") || Eq(end + 1, "go"));
            if (lineStart && P(end + 1, ':') || P(k - 1, ':') && In(Dispatchers, k - 2) || own && closes || answered)
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
                (found ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(text[tokens[k].Start..tokens[end].End]);
            }

            k = end;
        }

        var known = found?.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < count && known is { } lookup; k++)
        {
            var end = IsWord(k) && k + 1 < count && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Start == tokens[k].End + 1
                && lookup.Contains(text.AsSpan(tokens[k].Start, tokens[k + 1].End - tokens[k].Start)) ? k + 1 : CallSignEnd(k);
            if (end >= 0 && lookup.Contains(text.AsSpan(tokens[k].Start, tokens[end].End - tokens[k].Start)) && !P(k - 1, '-') && !P(end + 1, '-') && !IsAgeWord(end + 1))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
            }

            k = Math.Max(k, end);
        }
    }

    /// <summary>
    /// The last token of a call sign starting at <paramref name="k"/>, or -1: "831", "2C12", "B22", or parts joined by
    /// hyphens ("72-S3", "2-14", "5-B-23", "T-44"), up to eight characters with a digit; not a 10- or 11-code ("10-97").
    /// </summary>
    private int CallSignEnd(int k)
    {
        if (k >= count || tokens[k].Kind == TokenKind.Punct)
        {
            return -1;
        }

        var end = k;
        var digits = tokens[k].Digits;
        while (P(end + 1, '-') && end + 2 < count && tokens[end + 1].Start == tokens[end].End && tokens[end + 2].Start == tokens[end + 1].End
            && (tokens[end + 2].Kind is TokenKind.Number or TokenKind.Alnum || tokens[end + 2].Length == 1 && char.IsAsciiLetterUpper(text[tokens[end + 2].Start])))
        {
            end += 2;
            digits += tokens[end].Digits;
        }

        if (end == k)
        {
            return IsCallSign(k) ? k : -1;
        }

        var length = tokens[end].End - tokens[k].Start;
        var first = tokens[k];
        var code = first.Kind == TokenKind.Number && (Eq(k, "10") || Eq(k, "11")) && tokens[k + 2].Kind == TokenKind.Number;
        var firstOk = first.Kind is TokenKind.Number or TokenKind.Alnum || first.Length == 1 && char.IsAsciiLetterUpper(text[first.Start]) && !Eq(k, "I");
        return firstOk && !code && digits > 0 && length <= 8 && end - k <= 4 ? end : -1;
    }

    /// <summary>"831", "2C12", "B22", "L14": three or four digits (not a clock time), or letters and digits, up to five characters.</summary>
    private bool IsCallSign(int k) =>
        k >= 0 && k < count && (tokens[k].Kind == TokenKind.Number && (tokens[k].Length == 3 || tokens[k].Length == 4 && !IsClockNumber(k))
            || tokens[k].Kind == TokenKind.Alnum && tokens[k].Length <= 5 && tokens[k].Digits >= 2 && !tokens[k].Has(TokenFlags.Lower));

    /// <summary>"KS tag 447 LKD", "FL tag QKB J71", "MI EHL 4021", "LA plate 481 BRX": a plate in two groups after its state or "tag".</summary>
    private void SpacedPlates(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 0; k + 2 < count; k++)
        {
            if (tokens[k + 1].Length is < 2 or > 4 || tokens[k + 2].Length is < 2 or > 4 || !IsWord(k))
            {
                continue;
            }

            var afterState = IsWord(k) && tokens[k].Is(Lex.StateCode) && tokens[k].Length == 2 && tokens[k].Has(TokenFlags.AllCaps);
            var afterWord = IsWord(k) && (Eq(k, "tag") || Eq(k, "plate") || Eq(k, "plates") || Eq(k, "plt"));
            if (!(afterState || afterWord) || !PlateGroup(k + 1) || !PlateGroup(k + 2) || tokens[k + 2].Has(TokenFlags.NewlineBefore) || tokens[k + 1].Length + tokens[k + 2].Length is < 5 or > 8)
            {
                continue;
            }

            var digits = tokens[k + 1].Digits + tokens[k + 2].Digits;
            var length = tokens[k + 1].Length + tokens[k + 2].Length;
            if (digits == 0 || digits == length || tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length <= 2)
            {
                continue;
            }

            var grown = new PiiSpan(tokens[k + 1].Start, tokens[k + 2].End, PiiLabel.Plate);
            if (OverlapsBeyond(spans, grown))
            {
                continue;
            }

            RemoveWithin(spans, grown.Start, grown.End);
            added.Add(grown);
        }
    }

    /// <summary>Two to four capital letters or digits.</summary>
    private bool PlateGroup(int k)
    {
        if (k >= count || tokens[k].Kind == TokenKind.Punct || tokens[k].Length is < 2 or > 4)
        {
            return false;
        }

        foreach (var c in W(k))
        {
            if (!(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
            {
                return false;
            }
        }

        return !(IsWord(k) && (tokens[k].Is(Lex.StateCode | Lex.Stop | Lex.AgencyAcronym) || English(k) && tokens[k].Length > 2));
    }

    /// <summary>"approx 2210", "bout 2230", "around 0545": a 24-hour time after a word of estimate.</summary>
    private void EstimatedTimes(List<PiiSpan> added)
    {
        for (var k = 1; k < count; k++)
        {
            if (IsClockNumber(k) && (In(TimeLeads, k - 1) || P(k - 1, '~') || P(k - 1, '.') && Eq(k - 2, "approx"))
                && !(k + 1 < count && (tokens[k + 1].Is(Lex.StreetSuffix | Lex.Measure) || Eq(k + 1, "block") || Eq(k + 1, "blk"))))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Time));
            }
        }
    }

    /// <summary>Words that make up agency names but say nothing of which agency alone ("tribal", "county", "transit").</summary>
    private static readonly WordSet AgencyWords = new(["tribal", "indian", "nation", "band", "county", "parish", "city", "town", "township", "village", "borough", "state", "university", "college", "community", "school", "district", "transit", "metro", "metropolitan", "regional", "area", "port", "harbor", "airport", "highway", "railroad", "railway", "valley", "lake", "river", "north", "south", "east", "west", "of", "and", "local", "other", "neighboring", "neighbouring", "nearby", "home", "own", "small", "big", "rural", "same", "next", "adjacent", "outside", "surrounding", "whole", "entire", "new", "old", "main"]);

    /// <summary>
    /// Agencies typed in lower case: "cherokee indian police department", "bnsf police", "prairie band potawatomi tribal
    /// police", "port of seattle pd": words before a police or sheriff head, at least one of them a place, a name the
    /// word lists do not know as English, or an acronym; the words that only say what kind of agency ("tribal",
    /// "county") are taken along but are not enough alone ("the campus police", "state police").
    /// </summary>
    private void LowerAgencies(List<PiiSpan> spans)
    {
        for (var k = 1; k < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Has(TokenFlags.Lower) || tokens[k].Length > 8 || (text[tokens[k].Start] | 0x20) is not ('p' or 's' or 'm' or 'd') || !(Eq(k, "police") || Eq(k, "pd") || Eq(k, "so") || Eq(k, "sheriff") || Eq(k, "sheriffs") || Eq(k, "marshals") || Eq(k, "dps")))
            {
                continue;
            }

            // "pd" and "county so" name an agency by whatever words stand before them ("garden grove pd"); "police" and
            // "sheriff's office" need a place, an acronym or an unknown word among them ("the campus police" is none).
            var strong = Eq(k, "pd") || Eq(k, "so") && (Eq(k - 1, "county") || Eq(k - 1, "parish") || Eq(k - 1, "co"));
            if (Eq(k, "so") && !strong)
            {
                continue;
            }

            var end = k;
            if (Eq(k + 1, "department") || Eq(k + 1, "dept") || Eq(k + 1, "office"))
            {
                end = k + 1;
            }
            else if (P(k + 1, '\'') && Eq(k + 2, "s") && (Eq(k + 3, "office") || Eq(k + 3, "department") || Eq(k + 3, "dept")))
            {
                end = k + 3;
            }
            else if (Eq(k, "sheriff") || Eq(k, "sheriffs"))
            {
                continue;
            }

            var start = k;
            var evidence = false;
            for (var j = k - 1; j >= 0 && k - j <= 5 && IsWord(j) && !tokens[j + 1].Has(TokenFlags.NewlineBefore); j--)
            {
                var known = tokens[j].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Measure) && !In(AgencyWords, j) || tokens[j].Lex.Has(LexExtra.NotPii);
                var named = !known && (PlaceOrAcronym(j) || !English(j) && !tokens[j].Is(Lex.Keyword) && tokens[j].Length > 1
                    || strong && !In(AgencyWords, j) && !tokens[j].Is(Lex.Keyword | Lex.Common) && tokens[j].Length > 1);
                if (!named && !In(AgencyWords, j))
                {
                    break;
                }

                evidence |= named;
                start = j;
            }

            while (start < k && (Eq(start, "of") || Eq(start, "and")))
            {
                start++;
            }

            if (!evidence || start == k)
            {
                continue;
            }

            var grown = new PiiSpan(tokens[start].Start, tokens[end].End, PiiLabel.Agency);
            if (OnlyNamesWithin(spans, grown))
            {
                RemoveOverlapping(spans, grown.Start, grown.End);
                spans.Add(grown);
                spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            }

            k = end;
        }
    }

    /// <summary>Words that open a line with a colon and are no speaker ("Note:", "Where:", "Lesson:").</summary>
    private static readonly WordSet NotSpeakers = new(["note", "notes", "update", "lesson", "lessons", "summary", "time", "date", "location", "where", "when", "who", "what", "why", "how", "subject", "subj", "re", "to", "from", "cc", "narrative", "callback", "result", "results", "action", "actions", "outcome", "takeaway", "takeaways", "bottom", "line", "question", "answer", "dispatch", "radio", "edit", "ps", "tldr", "after", "before", "then", "now", "later", "unit", "units", "suspect", "victim", "driver", "caller", "officer", "deputy", "trooper", "sgt", "sarge", "lt", "me", "us", "them", "all", "everyone", "event", "incident", "injuries", "weather", "lighting", "factors", "debrief", "details", "background", "description", "recommendation", "recommendations", "comments", "comment", "reply", "response", "status", "issue", "problem", "fix", "plan", "side", "front", "rear", "back", "left", "right", "peer", "chat", "disp", "dispatcher", "comm", "comms", "base", "central", "control", "command", "sector", "ops", "tac", "medic", "fire", "ems", "sent", "received", "also", "and", "but", "so", "ok", "okay", "yes", "no", "hey", "hi", "thanks"]);

    /// <summary>What follows a name a message is addressed to ("Chip, long story short", "Will, you asked me").</summary>
    private static readonly WordSet AfterAddressee = new(["i", "you", "this", "here", "so", "long", "just", "quick", "thanks", "hope", "we", "sorry", "wanted", "as", "per", "hey", "use", "if", "sending", "writing", "following"]);

    /// <summary>
    /// People named by the shape of a message: speakers of a chat or transcript ("Brooks: yall hear", "Sully: lol" at
    /// least twice) and the person a message opens to ("Chip, long story short", "Hey Bear,", "Will - you asked").
    /// </summary>
    private void SpeakersAndAddressees(List<PiiSpan> spans, List<PiiSpan> added)
    {
        Dictionary<string, int>? turns = null;
        for (var k = 0; k + 1 < count; k++)
        {
            if (P(k + 1, ':') && CouldBeName(k) && !(k + 2 < count && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Start == tokens[k + 1].End))
            {
                turns ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                var w = W(k).ToString();
                turns[w] = turns.GetValueOrDefault(w) + 1;
            }
        }

        for (var k = 0; k + 1 < count; k++)
        {
            if (!(P(k + 1, ':') || P(k + 1, ',') || P(k + 1, '-')))
            {
                continue;
            }

            var speaker = turns is not null && P(k + 1, ':') && CouldBeName(k) && turns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(W(k), out var said) && said >= 2;
            var opening = k == 0 || tokens[k].Has(TokenFlags.NewlineBefore) || In(Greetings, k - 1) && (k == 1 || tokens[k - 1].Has(TokenFlags.NewlineBefore));
            var addressee = opening && CouldBeName(k) && (P(k + 1, ',') || P(k + 1, '-')) && (In(AfterAddressee, k + 2) || tokens[k + 2].Has(TokenFlags.NewlineBefore))
                && (!tokens[k].Has(TokenFlags.Lower) || caseless);
            if ((speaker || addressee) && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>A single word that may be a name: a listed name or no ordinary word, and not a rank, role, heading or word of the trade.</summary>
    private bool CouldBeName(int k) =>
        IsWord(k) && tokens[k].Length >= 2 && !In(NotSpeakers, k) && !tokens[k].Lex.Has(LexExtra.NotPii) && (!English(k) || tokens[k].Is(Lex.GivenName | Lex.Surname))
        && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Keyword | Lex.Month | Lex.Weekday | Lex.Measure | Lex.AgencyAcronym | Lex.State | Lex.StateCode | Lex.SubUnit);

    private bool LineStart(int k) => k == 0 || k < count && tokens[k].Has(TokenFlags.NewlineBefore) || P(k - 1, '.') || P(k - 1, '\'') || P(k - 1, '"') || P(k - 1, ']');

    /// <summary>Who answers a unit on the radio: "DISPATCH: 72-S3", "Disp: 714, go ahead", "COMM: 2-2-5".</summary>
    private static readonly WordSet Dispatchers = new(["dispatch", "disp", "dispatcher", "comm", "comms", "base", "central", "control", "radio", "sector", "ops"]);

    private bool In(WordSet words, int k) => IsWord(k) && words.Contains(W(k));

    private bool IsAgeWord(int k) => Eq(k, "years") || Eq(k, "year") || Eq(k, "yrs") || Eq(k, "yr") || Eq(k, "yo") || Eq(k, "y");

}

/// <summary>A fixed list of words, looked up ignoring case without making a string; each word has a value (its index unless given).</summary>
internal sealed class WordSet
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _shortest;
    private readonly int _longest;

    public WordSet(IReadOnlyList<string> words, Func<int, int>? value = null)
    {
        var map = new Dictionary<string, int>(words.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < words.Count; i++)
        {
            map[words[i]] = value is null ? i : value(i);
        }

        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        _shortest = words.Min(word => word.Length);
        _longest = words.Max(word => word.Length);
    }

    /// <summary>The word's value, or -1 when it is not in the list.</summary>
    public int Value(ReadOnlySpan<char> word) => Contains(word) && _lookup.TryGetValue(word, out var value) ? value : -1;

    public bool Contains(ReadOnlySpan<char> word) => word.Length >= _shortest && word.Length <= _longest && _lookup.ContainsKey(word);
}
