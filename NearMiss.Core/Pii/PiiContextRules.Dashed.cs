namespace NearMiss.Core.Pii;

/// <summary>
/// Ids said aloud in groups with "dash" between, wherever their word stood ("it's twenty four dash zero three three one
/// seven"), and dates of birth said as three numbers after the name they belong to ("copy iron cloud six twelve eighty
/// one"), and social security numbers said digit by digit in their groups.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Words that, a few words before, make an id said in groups a case's or a report's number.</summary>
    private static readonly WordSet CaseWords = new(["case", "report", "incident", "event", "cad", "complaint", "arrest", "citation", "warrant", "docket", "file", "court"]);

    /// <summary>
    /// Number words in two groups or more with "dash" between, seven words or more in all: the shape of an id read out
    /// (a case number after "hang on, it's", a report's). A CASE_NUMBER when a word of a case stands within twelve words
    /// before it, else OTHER_ID; a phone's or an SSN's own rules come first.
    /// </summary>
    private void SpokenDashedIds(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("dash") || !TextHas(NumberWords))
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            if (!IsNumberWord(k) || IsNumberWord(k - 1) && Spaced(k - 1, k) || EqAny(k - 1, "dash", "point"))
            {
                continue;
            }

            var words = 0;
            var groups = 0;
            var last = -1;
            var n = k;
            while (true)
            {
                // A group of number words, or after the first a court's letters ("fifty-five dash C-V dash twenty-four").
                var start = n;
                while (n < count && IsNumberWord(n) && (n == start || Spaced(n - 1, n)))
                {
                    n++;
                }

                words += n - start;
                if (n == start && groups > 0)
                {
                    while (n < count && IsWord(n) && tokens[n].Length == 1 && char.IsAsciiLetterUpper(text[tokens[n].Start]) && (n == start || P(n - 1, '-')))
                    {
                        n += P(n + 1, '-') && n + 2 < count && tokens[n + 2].Length == 1 && IsWord(n + 2) ? 2 : 1;
                    }
                }

                if (n == start)
                {
                    break;
                }

                groups++;
                last = n - 1;
                if (!Eq(n, "dash"))
                {
                    break;
                }

                n++;
            }

            // After a state, a plate read out: "Montana four dash one four two three seven B".
            var plate = IsWord(k - 1) && tokens[k - 1].Is(Lex.State) && groups >= 2 && words >= 5;
            if (plate && IsWord(last + 1) && tokens[last + 1].Length == 1 && char.IsAsciiLetterUpper(text[tokens[last + 1].Start]) && Spaced(last, last + 1))
            {
                last++;
            }

            if (groups >= 2 && (words >= 7 || plate) && !In(Counted, last + 1))
            {
                var cased = false;
                for (var j = Math.Max(0, k - 12); j < k && !cased; j++)
                {
                    cased = In(CaseWords, j);
                }

                AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[last].End, plate ? PiiLabel.Plate : cased ? PiiLabel.CaseNumber : PiiLabel.OtherId));
            }

            k = Math.Max(k, last);
        }
    }

    /// <summary>
    /// A date of birth said as month, day and year in number words right after a person's name, as a name is run on the
    /// radio ("copy hoang linh oh four twenty two ninety nine", "a Michael Brown, two two ninety one"), or opening the
    /// turn after "date of birth" ("speaker 2: eleven four ninety eight"). The words must read as one date and nothing
    /// more: a month of one to twelve, a day of one to thirty-one, a year of two digits or "nineteen"'s four.
    /// </summary>
    private void DatesOfBirthSaid(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords))
        {
            return;
        }

        for (var i = 0; i < spans.Count; i++)
        {
            if (spans[i].Label != PiiLabel.Person)
            {
                continue;
            }

            var k = FirstToken(spans[i].End);
            var last = FirstToken(spans[i].End) - 1;
            if (last > 0 && EqAny(last, "oh", "zero") && tokens[last].Start > spans[i].Start && SaidDateEnd(last) is var own and > 0)
            {
                // The name took in the month's "oh": "hoang linh oh four twenty two ninety nine".
                spans[i] = new PiiSpan(spans[i].Start, tokens[last - 1].End, PiiLabel.Person);
                AddInPlace(spans, added, new PiiSpan(tokens[last].Start, tokens[own].End, PiiLabel.Date));
                continue;
            }

            k += P(k, ',') ? 1 : 0;
            if (SaidDateEnd(k) is var end and > 0)
            {
                AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Date));
            }
        }

        if (!TextHas(BirthWords))
        {
            return;
        }

        for (var k = 1; k < count; k++)
        {
            if (!TurnStart(k) || !IsNumberWord(k) || SaidDateEnd(k) is not (var end and > 0))
            {
                continue;
            }

            // "date of birth" or "dob" said in the turn before.
            var asked = false;
            for (var j = k - 1; j >= 0 && j >= k - 12 && !asked; j--)
            {
                asked = Eq(j, "dob") || Eq(j, "birth") && Eq(j - 1, "of");
            }

            if (asked)
            {
                AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Date));
            }
        }
    }

    /// <summary>The last token of a month, a day and a year said in number words from <paramref name="k"/> and nothing after, or -1.</summary>
    private int SaidDateEnd(int k)
    {
        var month = SaidPart(k, 12);
        var day = month > 0 ? SaidPart(month + 1, 31) : -1;
        if (day < 0 || !IsNumberWord(day + 1) || !Spaced(day, day + 1))
        {
            return -1;
        }

        var y = day + 1;
        var year = Eq(y, "nineteen") && SpelledNumber(y + 1, out var late, spaced: true) is >= 10 and <= 99 ? late
            : EqAny(y, "oh", "zero") && In(Digits, y + 1) ? y + 1
            : SpelledNumber(y, out var two, spaced: true) is >= 20 and <= 99 ? two
            : -1;
        return year > 0 && !(IsNumberWord(year + 1) && Spaced(year, year + 1)) && !In(Counted, year + 1) ? year : -1;
    }

    /// <summary>The last token of a number from one to <paramref name="most"/> said at <paramref name="k"/> ("oh four", "twelve", "twenty two"), or -1.</summary>
    private int SaidPart(int k, int most)
    {
        if (!IsNumberWord(k) || k > 0 && !Spaced(k - 1, k) && IsWord(k - 1))
        {
            return -1;
        }

        if (EqAny(k, "oh", "zero"))
        {
            return In(Digits, k + 1) && Spaced(k, k + 1) ? k + 1 : -1;
        }

        var value = NumberWords.Value(text, tokens[k]);
        if (value is 20 or 30 && In(Digits, k + 1) && Spaced(k, k + 1) && value + NumberWords.Value(text, tokens[k + 1]) <= most)
        {
            return k + 1;
        }

        return value >= 1 && value <= most ? k : -1;
    }

    /// <summary>
    /// A social security number said digit by digit in its three groups, "dash" between: "three two seven dash four four
    /// dash nine one eight two". The shape is its own evidence; the word for it may stand far before. Commas may part
    /// the groups right after "social" or "ssn" ("his social, zero seven two, four four, one nine three eight"), or
    /// nothing part them there at all.
    /// </summary>
    private void SpokenSsns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(DigitWords) || !TextHasWord("dash") && !TextHasWord("social"))
        {
            return;
        }

        for (var k = 0; k + 10 < count; k++)
        {
            if (!In(DigitWords, k) || k > 0 && In(DigitWords, k - 1) && Spaced(k - 1, k))
            {
                continue;
            }

            // The groups apart by "dash", or by commas after "social" ("his social, zero seven two, four four, one nine three eight").
            var first = DigitGroupEnd(k, 3);
            var commas = first > 0 && P(first + 1, ',') && AfterSocial(k);
            var second = first > 0 && (Eq(first + 1, "dash") || commas) ? DigitGroupEnd(first + 2, 2) : -1;
            var last = second > 0 && (Eq(second + 1, "dash") || commas && P(second + 1, ',')) ? DigitGroupEnd(second + 2, 4) : -1;
            if (last < 0 && DigitGroupEnd(k, 9) is var run and > 0 && AfterSocial(k))
            {
                last = run; // nine digits in a row after "social": "his social, nine one two six six four four one eight"
            }

            if (last < 0 || In(DigitWords, last + 1) && Spaced(last, last + 1))
            {
                continue;
            }

            var ssn = new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.Ssn);
            if (AddInPlace(spans, added, ssn))
            {
                k = last;
            }
        }
    }

    /// <summary>"social" or "ssn" among the six tokens before <paramref name="k"/>.</summary>
    private bool AfterSocial(int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 6; j--)
        {
            if (EqAny(j, "social", "ssn"))
            {
                return true;
            }
        }

        return false;
    }
}
