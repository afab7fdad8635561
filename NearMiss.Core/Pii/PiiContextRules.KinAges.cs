namespace NearMiss.Core.Pii;

/// <summary>Ages by a decade ("early 20s"), a child's after the word for them ("her grandson, 9,"), and a sex and an age after a slash ("M/32").</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>"early 20s", "mid-50s", "in his 40s": an age by its decade.</summary>
    private void DecadeAges(List<PiiSpan> added)
    {
        if (!Shapes.Alnum)
        {
            return; // (a decade is digits and a letter in one token: "40s")
        }

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

    /// <summary>Whose age a bare number after a comma or "were" may be: "HER GRANDSON, 9,", "kids 8 and 10".</summary>
    private static readonly WordSet Kin = new(["son", "daughter", "grandson", "granddaughter", "nephew", "niece", "kid", "kids", "boy", "boys", "girl", "girls", "brother", "sister", "cousin", "child", "children", "baby", "toddler", "juvenile", "juveniles", "twins", "sons", "daughters", "grandkids"]);

    /// <summary>"her grandson, 9, remained", "kids 8 and 10", "two kids I'd guess were 9 and 12".</summary>
    private void KinAges(List<PiiSpan> added)
    {
        // Both shapes need a word of kin and a number of one or two digits.
        if (!TextHas(Kin) || !Shapes.HasNumber(1, 2))
        {
            return;
        }

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
            if (tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length <= 2 && Eq(k, "were") && Eq(k + 2, "and") && tokens[k + 3].Kind == TokenKind.Number && tokens[k + 3].Length <= 2
                && AgeCloses(k + 4) && (In(Kin, k - 1) || In(Kin, k - 2) || In(Kin, k - 3) || In(Kin, k - 4) || In(Kin, k - 5) || In(Kin, k - 6)))
            {
                added.Add(new PiiSpan(tokens[k + 1].Start, tokens[k + 1].End, PiiLabel.Age));
                added.Add(new PiiSpan(tokens[k + 3].Start, tokens[k + 3].End, PiiLabel.Age));
            }
        }
    }

    /// <summary>"DRIVER, M/32,": a sex and an age.</summary>
    private void SexSlashAge(List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('/') || !Shapes.HasNumber(2, 2))
        {
            return;
        }

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
    /// An age a person turns (decision 086): "my daughter turns nine on saturday", "he turned 21 last week", "she's turning
    /// sixteen"; after a pronoun or a word for a child or kin, a number from one to 110; not a count ("turned two
    /// corners").
    /// </summary>
    private void TurnedAges(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(TurnWords))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!In(TurnWords, k) || !(EqAny(k - 1, "he", "she", "i", "you", "they", "who", "he's", "she's", "i'm", "just") || In(Kin, k - 1) || EqAny(k - 1, "wife", "husband", "mom", "dad", "mother", "father")))
            {
                continue;
            }

            if (AgeNumber(k + 1, out var end) is >= 1 and <= 110 && !(end + 1 < count && (In(Counted, end + 1) || IsWord(end + 1) && tokens[end + 1].Is(Lex.Measure) || IsWord(end + 1) && !tokens[end + 1].Is(Lex.Stop) && !tokens[end + 1].Is(Lex.Weekday | Lex.Month) && !EqAny(end + 1, "last", "next", "this", "today", "tomorrow", "yesterday", "soon")))
                && !Overlaps(spans, tokens[k + 1].Start, tokens[end].End) && !Overlaps(added, tokens[k + 1].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k + 1].Start, tokens[end].End, PiiLabel.Age));
            }
        }
    }

    private static readonly WordSet TurnWords = new(["turns", "turned", "turning"]);
}
