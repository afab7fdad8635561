namespace NearMiss.Core.Pii;

/// <summary>
/// Ages as officers say and type them (decision 049): after a name in words or hedged ("lena saunooke, sixty-two,",
/// "Koby Etchemendy, bout 20,"), as a predicate ("the driver was 16", "hes 19"), by decade ("early 40s"), of kin ("HER
/// GRANDSON, 9,", "kids 8 and 10") and coded ("M/32"); and a bare age after a name ("Sokolowski, 45, is").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Numbers in words: "one" to "nineteen", and the tens.</summary>
    private static readonly string[] NumberWordList =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
         "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly WordSet NumberWords = new(NumberWordList, index => index < 20 ? index : (index - 18) * 10);

    /// <summary><see cref="NumberWords"/> and "oh" (a zero said), in one set: one bit for both.</summary>
    private static readonly WordSet NumberWordsOrOh = new([.. NumberWordList, "oh"]);

    /// <summary>A number said in a word ("three", "eighteen"), for the tagger's second opinion, which leaves such spans alone.</summary>
    internal static bool IsNumberWord(string text, Token token) => token.Kind == TokenKind.Word && NumberWords.Contains(text, token);

    /// <summary>Who an age in a predicate is of: "he was 17", "the driver was 19 and texting".</summary>
    private static readonly WordSet AgeSubjects = new(["he", "she", "driver", "kid", "suspect", "subject", "victim", "boy", "girl", "guy", "dude", "buddy", "male", "female", "juvenile", "passenger", "shooter", "son", "daughter", "teen", "child", "caller", "kicker", "man", "woman",
        "boyfriend", "girlfriend", "husband", "wife", "brother", "sister", "mother", "father", "mom", "dad", "grandson", "granddaughter", "grandmother", "grandfather",
        "nephew", "niece", "cousin", "uncle", "aunt", "neighbor", "neighbour", "owner", "homeowner", "complainant", "arrestee", "decedent", "patient", "tenant", "roommate", "baby", "toddler",
        "lady", "gentleman", "fella", "gal", "teenager", "pedestrian", "motorist", "occupant", "resident", "inmate", "detainee", "student", "clerk",
        "freshman", "sophomore", "youth", "minor"]);

    /// <summary>What a speaker says while thinking, set off by commas in a transcript ("he's, um, twenty-six") or not, as dictation writes it ("around uh eleven forty").</summary>
    private bool IsFiller(int k) => IsWord(k) && Fillers.Contains(text, tokens[k]);

    /// <summary>The fillers, for the true-caser and the tagger's spans too, which never make a name of them.</summary>
    internal static readonly WordSet Fillers = new(["uh", "um", "uhh", "umm", "er", "erm", "uhm", "hm", "hmm"]);

    /// <summary>The token after a filler at <paramref name="n"/>, set off by commas (", um," or "um,") or not ("uh", as dictation writes it), or <paramref name="n"/>.</summary>
    private int AfterFiller(int n) =>
        P(n, ',') && P(n + 2, ',') && IsFiller(n + 1) ? n + 3
        : P(n + 1, ',') && IsFiller(n) ? n + 2
        : IsFiller(n) && n + 1 < count && !tokens[n + 1].Has(TokenFlags.NewlineBefore) ? n + 1
        : n;

    /// <summary>The token before a filler that ends at <paramref name="n"/>, set off by commas ("around, uh, ...") or not ("around uh ..."), or <paramref name="n"/>.</summary>
    private int BeforeFiller(int n) =>
        P(n, ',') && P(n - 2, ',') && IsFiller(n - 1) ? n - 3
        : n > 0 && IsFiller(n) && !tokens[n].Has(TokenFlags.NewlineBefore) ? n - 1
        : n;

    /// <summary>Words that describe someone seen, before a guess at their age: "white male maybe sixty", "a kid, maybe seventeen".</summary>
    private static readonly WordSet SeenPeople = new(["male", "female", "man", "woman", "guy", "dude", "kid", "lady", "boy", "girl", "white", "black", "hispanic", "latino", "latina", "native", "asian", "old"]);

    private static readonly WordSet AgeHedges = new(["maybe", "like", "about", "around", "only", "just", "barely", "probably", "prob", "approx", "approximately", "roughly", "bout", "abt", "prolly"]);

    /// <summary>A number said in words from one to 99 ("sixteen", "sixty-two", "forty"; "forty one" when <paramref name="spaced"/>): its value and last token, or 0.</summary>
    private int SpelledNumber(int k, out int last, bool spaced = false)
    {
        last = k;
        if (!IsWord(k))
        {
            return 0;
        }

        var value = NumberWords.Value(text, tokens[k]);
        if (value < 20)
        {
            return Math.Max(value, 0);
        }

        if (P(k + 1, '-') && tokens[k + 1].Start == tokens[k].End && k + 2 < count && tokens[k + 2].Start == tokens[k + 1].End
            && IsWord(k + 2) && NumberWords.Value(text, tokens[k + 2]) is > 0 and < 10 and var more)
        {
            last = k + 2;
            return value + more;
        }

        // "forty one", as a phone writes a number said aloud (where nothing else can follow the tens); "twenty 6", as
        // speech-to-text writes it at times, the tens in a word and the unit in a digit.
        var unit = k + 1 >= count ? 0 : IsWord(k + 1) ? NumberWords.Value(text, tokens[k + 1])
            : tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length == 1 ? text[tokens[k + 1].Start] - '0' : 0;
        if (spaced && value % 10 == 0 && value < 100 && Spaced(k, k + 1) && unit is > 0 and < 10)
        {
            last = k + 1;
            return value + unit;
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

        return SpelledNumber(k, out last, spaced: true);
    }

    /// <summary>
    /// After an age: the end of a clause, "and", "years", or "ish" ("30ish"); in dictation, where clauses run on, a
    /// filler or the next clause's "he" or "she" ("she's thirty nine um the kids", "she's twenty two she had a cut"); a
    /// race and a sex ("the suspect is forty seven white male").
    /// </summary>
    private bool AgeCloses(int k) =>
        k >= count || tokens[k].Has(TokenFlags.NewlineBefore) || P(k, ',') || P(k, '.') || P(k, ';') || P(k, ')') || P(k, '!') || P(k, '?')
        || Eq(k, "and") || Eq(k, "or") || Eq(k, "but") || (Eq(k, "years") || Eq(k, "yrs")) && !Tenure(k + 1) || Eq(k, "now") || Eq(k, "then")
        || IsFiller(k) || (Eq(k, "he") || Eq(k, "she")) && Spaced(k - 1, k)
        || In(Races, k) && In(Sexes, k + 1) || Eq(k, "from")
        || EqAny(k, "period", "comma", "says", "said", "who"); // dictation's stops, and the clause after ("she's fifty six says her nephew")

    /// <summary>A person's race, said before the sex after an age: "forty seven white male".</summary>
    private static readonly WordSet Races = new(["white", "black", "hispanic", "latino", "latina", "asian", "native"]);

    /// <summary>After "years", what makes them years of work, not of age: "nine years in", "12 yrs on the job", "20 years with the county", "years of service".</summary>
    private bool Tenure(int k) =>
        EqAny(k, "in", "on", "into", "with", "as", "sworn", "service") || Eq(k, "of") && !Eq(k + 1, "age");

    /// <summary>"Sokolowski, 45, is", "HUONG TRAN (71)", "tran thi lan 34,": a bare age after a name.</summary>
    private void Ages(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // Every age here is a number of up to three digits or one typed against "yo".
        if (!Shapes.HasNumber(1, 3) && !Shapes.Alnum)
        {
            return;
        }

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

    /// <summary>
    /// The token after a name's spelling or its correction said after it, or <paramref name="k"/> when none is: ", j e l t
    /// o n" (its comma), "thats hatfeld no i", "mcallister two ls" (decision 087). The spelling ends at a comma.
    /// </summary>
    private int AfterSpelling(int k)
    {
        var n = k + (P(k, ',') ? 1 : 0);
        var letters = 0;
        while (n < count && n - k < 14 && IsWord(n) && (IsLetterAlone(n) && !In(DigitWords, n) || In(SpellingWords, n) || tokens[n].Length == 2 && W(n)[1] == 's' && W(n)[0] != 'i'))
        {
            letters += IsLetterAlone(n) || tokens[n].Length == 2 ? 1 : 0;
            n++;
        }

        return letters > 0 && P(n, ',') ? n : k;
    }

    /// <summary>Words said while spelling or correcting a name: "that's", "no", "two", "double", "with", "spelled", "like", "not".</summary>
    private static readonly WordSet SpellingWords = new(["thats", "that's", "no", "two", "double", "with", "spelled", "like", "not"]);

    /// <summary>"he was 17.", "the driver was 16. sixteen.", "he's maybe 25,", "lena saunooke, sixty-two,", "Adrian Mroz, 30ish".</summary>
    private void SpokenAges(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // The tokens that end a name, in order: an age after a comma or a bracket, or as a predicate, may follow one.
        var persons = 0;
        foreach (var span in spans)
        {
            persons += span.Label == PiiLabel.Person ? 1 : 0;
        }

        Span<int> nameEnds = persons <= 64 ? stackalloc int[persons] : new int[persons];
        nameEnds = NameEndTokens(spans, nameEnds);

        // The age a predicate states stands at most seven tokens on ("'s, um, maybe 25"): the next token that may be an
        // age's number is kept at hand, and the tokens before the next name's end with none that near are passed over
        // at once. A text with no such number and no name has no age to find.
        var number = NextAgeNumber(0);
        if (number == count && persons == 0)
        {
            return;
        }

        var nextName = 0;
        for (var k = 0; k < count; k++)
        {
            while (nextName < nameEnds.Length && nameEnds[nextName] < k)
            {
                nextName++;
            }

            var endsName = nextName < nameEnds.Length && nameEnds[nextName] == k;
            var n = endsName && caseless ? AfterSpelling(k + 1) : k + 1; // ("jelton anjain, j e l t o n, thirty one,")
            var described = !endsName && P(n, ',') && In(AgeSubjects, k) && !EqAny(k, "he", "she"); // "Older lady, seventy-eight, she was shaken up"
            if (endsName && (P(n, ',') || P(n, '(') || Eq(n, "comma") && (caseless || SpelledNumber(n + 1, out _, spaced: true) > 0)) || described) // ("leroy cash comma fifty nine period", dictated)
            {
                n++;
                if (In(AgeHedges, n) && AgeNumber(n + 1, out var hedged) is >= 1 and <= 99 && AgeCloses(hedged + 1))
                {
                    added.Add(new PiiSpan(tokens[n + 1].Start, tokens[hedged].End, PiiLabel.Age)); // "his nephew Koby, bout 20,"
                }
                else if (SpelledNumber(n, out var last, spaced: true) is >= 1 and <= 110 && AgeCloses(last + 1))
                {
                    added.Add(new PiiSpan(tokens[n].Start, tokens[last].End, PiiLabel.Age));
                }
                else if (tokens[n].Kind == TokenKind.Alnum && tokens[n].Digits == 2 && tokens[n].Length == 5 && W(n).EndsWith("ish", StringComparison.OrdinalIgnoreCase))
                {
                    added.Add(new PiiSpan(tokens[n].Start, tokens[n].Start + 2, PiiLabel.Age));
                }

                continue;
            }

            // (Not a call sign said aloud: "Three Lincoln twenty-one".)
            var aged = endsName ? AfterFiller(n) : n; // "ahmed nur uh twenty and"
            aged += endsName && caseless && In(AgeHedges, aged) ? 1 : 0; // "russell amato like fifty two"
            if (endsName && IsWord(aged) && SpelledNumber(aged, out var said, spaced: true) is >= 13 and <= 99 && (AgeAfterName(said + 1) || SaidAgeCloses(said + 1, anyCase: true) || InSomething(said + 1)) && !In(PhoneticLetters, k) && !IsNumberWord(k - 1))
            {
                added.Add(new PiiSpan(tokens[aged].Start, tokens[said].End, PiiLabel.Age)); // "he was Travis Lee Oakes thirty four her ex"
                continue;
            }

            if (number <= k)
            {
                number = NextAgeNumber(k + 1);
            }

            if (number > k + 7)
            {
                // Nothing can happen before the next name's end or the seventh token before the number ("'s, um, maybe
                // 25"): go on from there.
                var next = Math.Min(number - 7, nextName < nameEnds.Length ? nameEnds[nextName] : count);
                k = Math.Max(k, next - 1);
                continue;
            }

            // Where the age would stand: after "hes" (typed fast), "was", "is" or "'s"; the speaker's own after "I was", "I'm".
            var fused = Eq(k, "hes") || Eq(k, "shes");
            var looks = false;
            var self = Eq(k, "i");
            if (fused)
            {
                n = k + 1;
            }
            else if (self && P(k + 1, '\'') && Eq(k + 2, "m") && tokens[k + 1].Start == tokens[k].End)
            {
                n = k + 3;
            }
            else if (Eq(k + 1, "was") || Eq(k + 1, "is"))
            {
                n = k + 2;
            }
            else if (Eq(k + 1, "who") && (Eq(k + 2, "was") || Eq(k + 2, "is")) && (In(AgeSubjects, k) || endsName))
            {
                n = k + 3; // "his son who was like nineteen", "his grandson tyler who is seventeen"
            }
            else if (P(k + 1, '\'') && Eq(k + 2, "s") && tokens[k + 1].Start == tokens[k].End)
            {
                n = k + 3;
            }
            else if (EqAny(k + 1, "looks", "looked", "looking") && In(AgeHedges, k + 2) && IsWord(k))
            {
                n = k + 2; // "black hoodie gray joggers looks maybe seventeen": how old someone looks, whoever it is
                fused = looks = true;
            }
            else if (In(SeenPeople, k) && (In(AgeHedges, k + 1) || P(k + 1, ',') && In(AgeHedges, k + 2)))
            {
                n = P(k + 1, ',') ? k + 2 : k + 1; // "native male maybe twenty five", "he's white maybe fifty": how old someone seen looks
                fused = looks = true;
            }
            else if (Eq(k, "you") && P(k + 1, '\'') && Eq(k + 2, "re") && tokens[k + 1].Start == tokens[k].End || Eq(k, "youre"))
            {
                n = Eq(k, "youre") ? k + 1 : k + 3; // "so you're twenty four", asked back
                fused = true;
            }
            else
            {
                continue;
            }

            if (!(fused || In(AgeSubjects, k) || endsName || self))
            {
                continue;
            }

            if (self)
            {
                SpeakersAge(n, added);
                continue;
            }

            var pronoun = fused || EqAny(k, "he", "she");

            n = AfterFiller(n);
            n += Eq(n, "what") && P(n + 1, ',') ? 2 : In(AgeHedges, n) ? 1 : 0; // "he's what, sixteen?"

            if (AgeNumber(n, out var end) is >= 1 and <= 99 and var value)
            {
                end += value % 10 == 0 && IsWord(end) && Eq(end + 1, "something") ? 1 : 0; // "like forty something", said as one
                var looked = looks && value >= 10 && !In(Counted, end + 1) && !(IsWord(end + 1) && tokens[end + 1].Is(Lex.Measure)) && !IsNumberWord(end + 1) && !(end + 1 < count && tokens[end + 1].Kind == TokenKind.Number); // (no stop needed after "looks maybe"; "maybe 19 20" is a range)
                if ((AgeCloses(end + 1) || value >= 13 && IsWord(n) && SaidAgeCloses(end + 1, anyCase: pronoun) || looked) && !(P(end + 1, '.') && end + 2 < count && tokens[end + 2].Kind == TokenKind.Number))
                {
                    added.Add(new PiiSpan(tokens[n].Start, tokens[end].End, PiiLabel.Age));
                    if (P(end + 1, '.') && SpelledNumber(end + 2, out var again) > 0 && P(again + 1, '.'))
                    {
                        added.Add(new PiiSpan(tokens[end + 2].Start, tokens[again].End, PiiLabel.Age)); // "16. sixteen."
                    }

                    CorrectedAge(end + 1, added);
                }
            }
        }
    }

    /// <summary>
    /// An age said again to set it right, after the age that ends before <paramref name="k"/>: "forty something, no,
    /// forty two", "seventy, seventy one"; in speech without stops after "no" or "says" ("fifty three no fifty four
    /// okay", "sixty something says sixty two first name").
    /// </summary>
    private void CorrectedAge(int k, List<PiiSpan> added)
    {
        var said = caseless && Spaced(k - 1, k) && EqAny(k, "no", "says", "actually");
        if (!P(k, ',') && !said)
        {
            return;
        }

        var n = said ? k : AfterFiller(k + 1);
        if (Eq(n, "no") || Eq(n, "actually") || Eq(n, "maybe") || said && Eq(n, "says"))
        {
            n += P(n + 1, ',') ? 2 : 1;
        }

        if (AgeNumber(n, out var end) is >= 1 and <= 99 && (AgeCloses(end + 1) || Eq(end + 1, "i") && EqAny(end + 2, "think", "guess", "believe") || said && SaidAgeCloses(end + 1)))
        {
            added.Add(new PiiSpan(tokens[n].Start, tokens[end].End, PiiLabel.Age)); // "seventy eight i think"
        }
    }

    /// <summary>Two letters said apart for a person's sex and race, one of them "m" or "f": "m w", "w f", "b m".</summary>
    private bool SaidSexAndRace(int k) =>
        IsWord(k) && IsWord(k + 1) && tokens[k].Length == 1 && tokens[k + 1].Length == 1 && Spaced(k, k + 1)
        && (EqAny(k, "m", "f") && EqAny(k + 1, "w", "b", "h", "a") || EqAny(k, "w", "b", "h", "a") && EqAny(k + 1, "m", "f"));

    /// <summary>Words for a person by sex, before whom a comma and a bare number are the age: "black male, thirty one".</summary>
    private static readonly WordSet Sexes = new(["male", "female", "man", "woman", "males", "females"]);

    /// <summary>
    /// "black male, thirty one,", "white female, approx 45", "m w forty five uh", "BLACK MALE TWENTY EIGHT,": a bare age
    /// after a person described by sex, with a race or "a" before it and a comma after, by race and sex, or by sex and race
    /// said as letters, and closed.
    /// </summary>
    private void DescribedAges(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(Sexes) && !Shapes.HasLetter("mf"))
        {
            return; // (a word for a person's sex, or its letter)
        }

        for (var k = 1; k + 2 < count; k++)
        {
            // "m w forty five": sex and race said as letters, as "M/W 45" is dictated.
            // "BLACK MALE TWENTY EIGHT": after a race and a sex, no comma is needed.
            var said = SaidSexAndRace(k - 1);
            var raced = !said && !P(k + 1, ',') && (In(Sexes, k) && EqAny(k - 1, "white", "black", "hispanic", "latino", "latina", "asian")
                || In(Sexes, k - 1) && EqAny(k, "white", "black", "hispanic", "latino", "latina", "asian")); // (or "male hispanic thirty")
            if (!said && !raced && (!In(Sexes, k) || !P(k + 1, ',') || !(In(AgedPeople, k - 1) || Eq(k - 1, "a"))))
            {
                continue;
            }

            var n = AfterFiller(said || raced ? k + 1 : k + 2);
            n += In(AgeHedges, n) ? 1 : 0;
            if (AgeNumber(n, out var end) is >= 1 and <= 99 && !Overlaps(spans, tokens[n].Start, tokens[end].End))
            {
                // "thirty to thirty five": a range of ages, each an age.
                if (EqAny(end + 1, "to", "or") && AgeNumber(end + 2, out var upper) is >= 1 and <= 99 && (AgeCloses(upper + 1) || SaidAgeCloses(upper + 1)))
                {
                    added.Add(new PiiSpan(tokens[n].Start, tokens[end].End, PiiLabel.Age));
                    added.Add(new PiiSpan(tokens[end + 2].Start, tokens[upper].End, PiiLabel.Age));
                }
                else if (AgeCloses(end + 1))
                {
                    added.Add(new PiiSpan(tokens[n].Start, tokens[end].End, PiiLabel.Age));
                }
            }
        }
    }

    /// <summary>"Ethan Kimmel and Kacper Nowak, both fourteen,", "the Reyes boys, both 16.": one age for the people named before.</summary>
    private void BothAges(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("both"))
        {
            return;
        }

        for (var k = 2; k + 1 < count; k++)
        {
            if (Eq(k, "both") && P(k - 1, ',') && PersonEndsAt(spans, k - 2) && AgeNumber(k + 1, out var end) is >= 1 and <= 99 && AgeCloses(end + 1)
                && !Overlaps(spans, tokens[k + 1].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k + 1].Start, tokens[end].End, PiiLabel.Age));
            }
        }
    }

    /// <summary>
    /// After a number said in words right after a name, what makes it the person's age: the end of a clause, or a small
    /// word of grammar ("Travis Lee Oakes thirty four her ex husband"); not a count ("gave Tate twenty dollars", "Ruiz
    /// fifteen of them").
    /// </summary>
    private bool AgeAfterName(int k) =>
        AgeCloses(k) || IsWord(k) && tokens[k].Is(Lex.Stop) && !tokens[k].Is(Lex.Measure) && !In(Counted, k) && !EqAny(k, "of", "more", "less", "times", "in", "to", "at", "for");

    /// <summary>"in a truck", "in the back seat": where the person named was, after their age ("bobby ray pruitt fifty four in a truck").</summary>
    private bool InSomething(int k) => Eq(k, "in") && IsDeterminer(k + 1);

    /// <summary>Verbs in -s that may follow an age said after a name ("he's seventy three lives alone"), beside <see cref="PersonRecogniser.IsVerbAfterNameWord"/>.</summary>
    private static readonly WordSet VerbsInS = new(["lives", "works", "stays", "seems", "looks", "drives", "walks", "talks", "stands", "sits", "keeps", "tries", "wants", "needs"]);

    /// <summary>
    /// In speech written with no stops, the word after an age said in words may start the next clause ("brandon kessler
    /// forty four texting the whole time", "he's like twenty six comes around"): any word but a count's noun, a measure,
    /// a number's word or a radio letter ("tate twenty dollars", "jones fifteen yards", "forty four adam"). After a name,
    /// "he's", "she's" or "you're" (<paramref name="anyCase"/>) in any text: "He's fifteen so he's not being named",
    /// "Krystal Doyle twenty nine walks up".
    /// </summary>
    private bool SaidAgeCloses(int k, bool anyCase = false)
    {
        if (!caseless && !anyCase || !IsWord(k) || tokens[k].Is(Lex.Measure) || In(Counted, k) || In(NumberWords, k) || In(PhoneticLetters, k)
            || EqAny(k, "of", "more", "less", "in", "to", "at", "for", "hundred", "thousand", "percent", "bucks", "dollars", "grand", "oh", "dash", "point", "something", "ish"))
        {
            return false;
        }

        var w = W(k);
        return !(w.Length > 3 && w[^1] is 's' or 'S' && w[^2] is not ('s' or 'S') && !PersonRecogniser.IsVerbAfterNameWord(w) && !In(VerbsInS, k)); // a plural: "twenty rounds"
    }

    /// <summary>"twenty-six years old", "a sixty-two year old man", "thirty one y/o", "age nineteen": an age said in words before its unit or after "age".</summary>
    private void WordedAges(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            if (!In(NumberWords, k))
            {
                continue;
            }

            // After "age" itself: "tyrell nakai age nineteen" (not a count of something: "age twenty feet").
            if (EqAny(k - 1, "age", "aged") && SpelledNumber(k, out var aged, spaced: true) is >= 1 and <= 110
                && !(IsWord(aged + 1) && (tokens[aged + 1].Is(Lex.Measure) || In(Counted, aged + 1))) && !Overlaps(spans, tokens[k].Start, tokens[aged].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[aged].End, PiiLabel.Age));
                k = aged;
                continue;
            }

            // As an adjective, the age goes with a person ("a sixty-two year old man", "fifty-four-year-old Dmitri
            // Volkov"), not a dog, a car or a photo.
            // (a pause may stand between: "eighty one year old uh Marjorie Hale", "nineteen year old named like brandon")
            // (after a name, whatever follows: "bao huynh thirty one year old deck hand")
            if (SpelledNumber(k, out var last, spaced: true) >= 1 && AgeUnitEnd(last + 1) is > 0 and var unitEnd && AfterFiller(unitEnd) is var after
                && !(IsWord(after) && !EqAny(last + 1, "years", "yrs") && !tokens[after].Is(Lex.Stop) && !In(AgeSubjects, after) && !In(Kin, after) && !In(AgedPeople, after) && !EqAny(after, "named", "called")
                    && !InSpan(spans, tokens[after].Start, PiiLabel.Person) && !(k > 0 && PersonEndsAt(spans, k - 1)))
                && !Overlaps(spans, tokens[k].Start, tokens[last].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.Age));
            }

            k = last;
        }
    }

    /// <summary>Words for people an age in words may go before, beside <see cref="AgeSubjects"/> and <see cref="Kin"/>: "a twenty-six year old white male".</summary>
    private static readonly WordSet AgedPeople = new(["white", "black", "hispanic", "latino", "latina", "asian", "native", "mother", "father", "grandmother", "grandfather", "neighbor", "neighbour", "resident", "student", "veteran", "patient", "inmate", "pedestrian", "tenant", "wife", "husband", "boyfriend", "girlfriend", "lady", "person", "individual", "offender", "motorist", "cyclist", "rider", "hiker", "homeowner"]);

    /// <summary>The token after an age's unit at <paramref name="k"/> ("years old", "year-old", "yrs old", "years of age", "y/o"), or 0.</summary>
    private int AgeUnitEnd(int k)
    {
        if (P(k, '-') && k + 1 < count && tokens[k + 1].Start == tokens[k].End)
        {
            k++;
        }

        if (Eq(k, "y") && P(k + 1, '/') && Eq(k + 2, "o"))
        {
            return k + 3;
        }

        if (!EqAny(k, "years", "year", "yrs", "yr"))
        {
            return 0;
        }

        k += P(k + 1, '-') ? 2 : 1;
        return Eq(k, "old") ? k + 1 : Eq(k, "of") && Eq(k + 1, "age") ? k + 2 : 0;
    }

    /// <summary>
    /// The tokens whose end is a name's end, in order, written into <paramref name="into"/> (room for one per name):
    /// the part of it used.
    /// </summary>
    private Span<int> NameEndTokens(List<PiiSpan> spans, Span<int> into)
    {
        var found = 0;
        foreach (var span in spans)
        {
            if (span.Label == PiiLabel.Person && TokenEnding(span.End) is >= 0 and var k && tokens[k].End == span.End)
            {
                into[found++] = k;
            }
        }

        into = into[..found];
        into.Sort();
        return into;
    }

    /// <summary>
    /// The first token from <paramref name="k"/> on that may be an age's number, digits up to two or a number in words
    /// (what <see cref="AgeNumber"/> reads), or <see cref="count"/>.
    /// </summary>
    private int NextAgeNumber(int k)
    {
        while (k < count && !(tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 2 || In(NumberWords, k)))
        {
            k++;
        }

        return k;
    }

    private bool IsAgeWord(int k) => Eq(k, "years") || Eq(k, "year") || Eq(k, "yrs") || Eq(k, "yr") || Eq(k, "yo") || Eq(k, "y");
}
