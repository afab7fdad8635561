namespace NearMiss.Core.Pii;

/// <summary>
/// Answers in a transcript: what a person says first after being asked how old they are or when they were born,
/// on the question's line or the next after a speaker's label.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// The answer to "how old": "OFC. VANG: how old is tou\nFEMALE: thirty three", "how old is he? 17." The first thing
    /// said after the question, on its line or the next after a speaker's label, when it is a number alone.
    /// </summary>
    private void HowOldAnswers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("old"))
        {
            return;
        }

        for (var k = 1; k < count; k++)
        {
            if (!Eq(k, "old") || !Eq(k - 1, "how"))
            {
                continue;
            }

            // Of a person: "how old is tou", "how old is the kid", not "how old was the car".
            var of = EqAny(k + 1, "is", "was", "are", "were") ? k + 2 : k + 1;
            if (EqAny(of, "it", "that", "this") || EqAny(of, "the", "his", "her", "your", "their", "a") && !In(AgeSubjects, of + 1))
            {
                continue;
            }

            var n = AnswerStart(k);
            n = AfterFiller(n);
            n += In(AgeHedges, n) ? 1 : 0;
            if (AgeNumber(n, out var end) is >= 1 and <= 99 && (AgeCloses(end + 1) || Eq(end + 1, "i") && EqAny(end + 2, "think", "guess")) && !Overlaps(spans, tokens[n].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[end].End, PiiLabel.Age));
            }
        }
    }

    /// <summary>A question's mark within three tokens after <paramref name="k"/> on its line ("Date of birth, Zeke?").</summary>
    private bool QuestionMarkNear(int k)
    {
        for (var n = k + 1; n < count && n - k <= 3 && !tokens[n].Has(TokenFlags.NewlineBefore); n++)
        {
            if (P(n, '?'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the answer to a question asked at <paramref name="k"/> starts: after the question's mark or at its line's
    /// end, and after the speaker's label that opens the next line ("MALE:", "OFC. GRANT:").
    /// </summary>
    private int AnswerStart(int k)
    {
        var n = k + 1;
        while (n < count && n - k < 8 && !P(n, '?') && !tokens[n].Has(TokenFlags.NewlineBefore))
        {
            n++;
        }

        n += P(n, '?') ? 1 : 0;
        if (n < count && tokens[n].Has(TokenFlags.NewlineBefore))
        {
            while (n + 1 < count && (P(n, '>') || P(n, '-')) && !tokens[n + 1].Has(TokenFlags.NewlineBefore))
            {
                n++; // a caption's turn mark: ">> twenty five"
            }

            // A recorder's stamp before the label: "[00:01:15] MALE 1:", "03:42:35 MALE:".
            n = AfterStamp(n);

            // The speaker's label: up to three words, or a diarizer's "Speaker 2"
            var label = n;
            while (label < count && label - n < 3 && (IsWord(label) || label > n && tokens[label].Kind == TokenKind.Number && tokens[label].Length <= 2) && !P(label, ':'))
            {
                label++;
            }

            n = P(label, ':') && !tokens[label].Has(TokenFlags.NewlineBefore) ? label + 1 : n;
        }

        return n;
    }

    /// <summary>The token after a recorder's stamp at <paramref name="n"/> ("[00:01:15]", "03:42:35"), or <paramref name="n"/>.</summary>
    private int AfterStamp(int n)
    {
        var j = P(n, '[') ? n + 1 : n;
        if (j + 2 >= count || tokens[j].Kind != TokenKind.Number || !P(j + 1, ':') || tokens[j + 2].Kind != TokenKind.Number)
        {
            return n;
        }

        j += 2;
        while (j + 2 < count && P(j + 1, ':') && tokens[j + 2].Kind == TokenKind.Number)
        {
            j += 2;
        }

        return P(n, '[') ? P(j + 1, ']') ? j + 2 : n : j + 1;
    }

    private static readonly WordSet BirthWords = new(["dob", "birth", "birthday", "born"]);

    private static readonly WordSet DecadeWords = new(["sixty", "seventy", "eighty", "ninety"]);

    /// <summary>
    /// The year said after "born": "kimo kekumu born ninety three right", "born in eighty-nine,", "born oh two." Two figures
    /// in words (a decade and a digit, or "oh" and a digit) that end the clause; not a count ("born two weeks early").
    /// </summary>
    private void BornYears(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 0; k + 2 < count; k++)
        {
            if (!Eq(k, "born"))
            {
                continue;
            }

            var n = Eq(k + 1, "in") ? k + 2 : k + 1;
            var decade = In(DecadeWords, n) || EqAny(n, "oh", "zero");
            var last = decade ? Joined(n) : -1;
            if (last < count && last > n && In(Digits, last) && (ClauseEnds(last + 1) || EqAny(last + 1, "right", "yeah")) && !Overlaps(spans, tokens[n].Start, tokens[last].End)
                && !Overlaps(added, tokens[n].Start, tokens[last].End))
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[last].End, PiiLabel.Date));
            }
        }
    }

    /// <summary>
    /// The answer to "date of birth?" or "DOB?" said in words or digits: "MALE: Nine nine ninety-eight", "DOB? uh march
    /// third ninety one". Numbers, months and ordinals, with slashes or dashes between, up to the line's or sentence's
    /// end; two numbers at least, or a month and a number.
    /// </summary>
    private void BirthDateAnswers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(BirthWords))
        {
            return;
        }

        BornYears(spans, added);
        for (var k = 0; k + 1 < count; k++)
        {
            // Asked with a question mark, or at the end of a turn as a transcript without marks has it ("SPEAKER 1: date of birth").
            var asked = Eq(k, "dob") || Eq(k, "birth") && Eq(k - 1, "of") && Eq(k - 2, "date") || Eq(k, "birthday") && EqAny(k - 1, "your", "his", "her");
            var said = k + 1 + (P(k + 1, ':') || P(k + 1, ',') ? 1 : 0); // (said with it: "date of birth six, two, eighty-nine", "dob on him is oh three")
            said += Eq(said, "on") && EqAny(said + 1, "him", "her") && EqAny(said + 2, "is", "was") ? 3 : EqAny(said, "is", "was") ? 1 : 0;
            var inline = asked && said < count && !tokens[said].Has(TokenFlags.NewlineBefore) && (IsNumberWord(said) && !(Eq(said, "oh") && said == k + 1) || IsWord(said) && tokens[said].Is(Lex.Month));
            if (!asked || !inline && !QuestionMarkNear(k) && !(tokens[k + 1].Has(TokenFlags.NewlineBefore) && AnswerStart(k) is var turn && turn > k + 1 && P(turn - 1, ':')))
            {
                continue;
            }

            var n = inline ? said : AfterFiller(AnswerStart(k));
            if (n >= count || tokens[n].Has(TokenFlags.NewlineBefore) && !P(n - 1, ':'))
            {
                continue;
            }

            var end = n - 1;
            var numbers = 0;
            var month = false;
            for (var j = n; j < count && j - n < 12 && (j == n || !tokens[j].Has(TokenFlags.NewlineBefore)); j++)
            {
                var number = tokens[j].Kind == TokenKind.Number && tokens[j].Length <= 4 || IsNumberWord(j) || In(OrdinalWords, j) || EqAny(j, "thousand", "hundred");
                if (number || IsWord(j) && tokens[j].Is(Lex.Month))
                {
                    numbers += number ? 1 : 0;
                    month |= !number;
                    end = j;
                }
                else if (!(P(j, '-') || P(j, '/') || P(j, ',') && !P(j + 1, ',')))
                {
                    break;
                }
            }

            // (said with it, the date must end its clause: another rule reads "zero four slash one two slash eight six")
            if (end >= n && (numbers >= 2 || month && numbers >= 1) && !(inline && !ClauseEnds(end + 1)) && !Overlaps(spans, tokens[n].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[end].End, PiiLabel.Date));
            }
        }
    }

    /// <summary>
    /// The answer to "what's your name": "OFFICER: what's your name\nFEMALE: rose. rose delgado", "can I get your name?\nSUBJECT:
    /// faith. faith ann mccurdy", "hunter what\nMALE: hunter bly". The first words said after the question, up to three
    /// in a sentence and two sentences, each a name the lists know or no English word; "it's", "my name is" and "i'm"
    /// before them are passed over.
    /// </summary>
    private void NameAnswers(List<PiiSpan> spans)
    {
        if (!TextHasWord("name") && !TextHasWord("what") && !TextHas(AskedPeople))
        {
            return;
        }

        var found = false;
        for (var k = 1; k < count; k++)
        {
            // "your name", "his name", "her name", "last name", "first name" at a question's end; "<name> what" (the surname asked for).
            var asked = Eq(k, "name") && EqAny(k - 1, "your", "his", "her", "last", "first", "full") && (P(k + 1, '?') || k + 1 >= count || tokens[k + 1].Has(TokenFlags.NewlineBefore))
                || In(AskedPeople, k) && (P(k + 1, '?') || P(k + 1, '.')) && AskedAlone(k)
                || Eq(k, "what") && IsWord(k - 1) && TurnStart(k - 1) && (k + 1 >= count || P(k + 1, '?') || tokens[k + 1].Has(TokenFlags.NewlineBefore)) && IsNameAnswerWord(k - 1);
            if (!asked)
            {
                continue;
            }

            var n = AnswerStart(k);
            if (n >= count || n == k + 1 || !TurnStart(n))
            {
                continue; // (the answer is another speaker's)
            }

            n = AfterFiller(n);
            n += Eq(n, "it") && P(n + 1, '\'') && Eq(n + 2, "s") ? 3 : Eq(n, "my") && Eq(n + 1, "name") && Eq(n + 2, "is") ? 3 : Eq(n, "i") && P(n + 1, '\'') && Eq(n + 2, "m") ? 3 : 0;
            for (var sentence = 0; sentence < 2 && n < count && (sentence == 0 || !tokens[n].Has(TokenFlags.NewlineBefore)); sentence++)
            {
                var last = n;
                while (last < count && last - n < 3 && IsNameAnswerWord(last) && (last == n || Spaced(last - 1, last)))
                {
                    last++;
                }

                if (last == n)
                {
                    break;
                }

                var name = new PiiSpan(tokens[n].Start, tokens[last - 1].End, PiiLabel.Person);
                if (!Overlaps(spans, name.Start, name.End))
                {
                    spans.Add(name);
                    found = true;
                }

                if (!P(last, '.') && !P(last, ','))
                {
                    break;
                }

                n = last + 1;
            }
        }

        if (found)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>The people an interviewer asks for by their part alone, the name to be answered: "Q: driver?\nA: andrei kuznetsov".</summary>
    private static readonly WordSet AskedPeople = new(["driver", "operator", "suspect", "subject", "victim", "complainant", "caller", "passenger", "partner", "owner", "witness", "name"]);

    /// <summary>A word of a name given in answer: a name the lists know, or no English word; no word of grammar, filler or number.</summary>
    private bool IsNameAnswerWord(int k) =>
        IsWord(k) && tokens[k].Length >= 2 && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role) && !IsFiller(k) && !IsNumberWord(k) && !tokens[k].Has(TokenFlags.NewlineBefore) && !tokens[k].Lex.Has(LexExtra.NotPii)
        && (tokens[k].Is(Lex.GivenName | Lex.Surname) || !English(k)) && !EqAny(k, "no", "yes", "yeah", "why", "what", "okay", "ok", "sir", "ma", "nothing", "nobody", "nah", "naw", "nope", "huh", "none", "whatever");

    /// <summary>
    /// A caller naming themselves as a call or a message opens: "hey sarge it's bill uh bill tranh", "hey t bone it's ray,
    /// uh, call me", "Speaker 1: hey it's darnell, you got a minute?", "hey its hunter from olathe north", "hey sarge it's
    /// uh it's jun it's jun dela cruz", "hey miss adebayo this is ray little im a c o". "it's" (or "its", "this is")
    /// within the first words of a line, said once or twice with pauses between, then a given name the lists know (and a
    /// surname), then a pause, a comma, the sentence's end or a word a caller goes on with ("from", "calling",
    /// "dictating", "sorry"); not "for what it's worth".
    /// </summary>
    private void SelfNamed(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 1; k + 1 < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Is(Lex.GivenName) || tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role) || tokens[k].Lex.Has(LexExtra.NotPii))
            {
                continue;
            }

            // "hey nick it's ron evan": the one a call opens to, greeted before the caller names themselves.
            if (EqAny(k - 1, "hey", "hi") && OpensLine(k - 1, 1) && (Eq(k + 1, "its") || Eq(k + 1, "it") && P(k + 2, '\'') && Eq(k + 3, "s") || Eq(k + 1, "this") && Eq(k + 2, "is"))
                && !Overlaps(spans, tokens[k].Start, tokens[k].End) && !Overlaps(added, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Person));
                continue;
            }

            var open = ItsBefore(k);
            open = open > 0 && ItsBefore(open) is >= 0 and var again ? again : open; // "it's uh it's jun"
            if (open < 0 || Eq(open - 1, "what") || !OpensLine(open, 4))
            {
                continue;
            }

            // (and the surname said after it: "this is ray little im a c o")
            var end = IsWord(k + 1) && Spaced(k, k + 1) && !tokens[k + 1].Has(TokenFlags.NewlineBefore) && (tokens[k + 1].Is(Lex.Surname) || !English(k + 1))
                && !tokens[k + 1].Is(Lex.Stop | Lex.Rank | Lex.Role) && !IsFiller(k + 1) && CallerGoesOn(k + 2) ? k + 1 : k;
            if (CallerGoesOn(end + 1) && !Overlaps(spans, tokens[k].Start, tokens[end].End) && !Overlaps(added, tokens[k].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>After a caller's name: a pause, a comma, the sentence's end or a word a caller goes on with ("from", "calling", "i'm").</summary>
    private bool CallerGoesOn(int k) =>
        k >= count || P(k, ',') || P(k, '.') || P(k, '?') || IsFiller(k) || EqAny(k, "from", "calling", "dictating", "sorry", "here", "again", "with", "it", "im")
        || tokens[k].Has(TokenFlags.NewlineBefore);

    /// <summary>The "it" of the "it's" (or the "its", the "this" of "this is") said just before token <paramref name="k"/>, pauses and commas between; or -1.</summary>
    private int ItsBefore(int k)
    {
        var j = k - 1;
        while (j > 0 && (IsFiller(j) || P(j, ',')))
        {
            j--;
        }

        return Eq(j, "its") ? j : Eq(j, "s") && P(j - 1, '\'') && Eq(j - 2, "it") ? j - 2 : Eq(j, "is") && Eq(j - 1, "this") ? j - 1 : -1;
    }

    /// <summary>Is <paramref name="k"/> among the first <paramref name="words"/> tokens of its line (after a speaker's colon, if any)?</summary>
    private bool OpensLine(int k, int words)
    {
        for (var j = k; j >= 0 && k - j <= words; j--)
        {
            if (j == 0 || tokens[j].Has(TokenFlags.NewlineBefore) || P(j - 1, ':'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a person's name of two words or more, found, ends at <paramref name="end"/>.</summary>
    private bool EndsFullName(List<PiiSpan> spans, int end)
    {
        foreach (var s in spans)
        {
            if (s.End == end && s.Label == PiiLabel.Person && text.AsSpan(s.Start, s.End - s.Start).Contains(' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Marcus Tsosie again. 27. same guy", "the guy tho. greg pawlak. 38. i ran him": a number of one or two digits said
    /// as a sentence of its own right after a full name found (one word such as "again" allowed between) is the person's
    /// age; a numbered list ("2. we parked") follows no name.
    /// </summary>
    private void AgesAfterNames(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 2) || !Shapes.HasPunct('.'))
        {
            return;
        }

        for (var k = 2; k + 1 < count; k++)
        {
            if (tokens[k].Kind != TokenKind.Number || tokens[k].Length > 2 || !P(k + 1, '.') || !P(k - 1, '.') || tokens[k + 1].Start != tokens[k].End
                || tokens[k].Has(TokenFlags.NewlineBefore) || !tokens[k].Has(TokenFlags.SentenceStart) || W(k)[0] == '0')
            {
                continue;
            }

            var end = EqAny(k - 2, "again", "btw", "too", "here") ? k - 3 : k - 2;
            if (end >= 0 && tokens[k - 1].Start == tokens[k - 2].End && EndsFullName(spans, tokens[end].End) && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Age));
            }
        }
    }

    /// <summary>
    /// The speaker's own age, said in words after "I was" or "I'm" and closed by a comma or a stop: "I was twenty-nine,
    /// working the Eleventh", "I'm twenty-six, working District 8", "I'm what, twenty-five?". Not a count or a distance ("I was twenty, thirty feet
    /// back", "I'm ten minutes out"): a grown person's age, and no number after the comma.
    /// </summary>
    private void SpeakersAge(int n, List<PiiSpan> added)
    {
        n += Eq(n, "what") && P(n + 1, ',') ? 2 : 0; // "I'm what, twenty-five?"
        if (IsWord(n) && SpelledNumber(n, out var end, spaced: true) is >= 18 and <= 79 && (P(end + 1, ',') || P(end + 1, '.') || P(end + 1, '?'))
            && !IsNumberWord(end + 2) && !(end + 2 < count && tokens[end + 2].Kind == TokenKind.Number))
        {
            added.Add(new PiiSpan(tokens[n].Start, tokens[end].End, PiiLabel.Age));
        }
    }

    /// <summary>
    /// A person's home town, then the age, as a records check answers: "comes back to a marcus whitfield out of berwyn,
    /// twenty six, no wants", "Driver was Chevonne Carney out of Collins, twenty three."
    /// </summary>
    private void HomeTownAges(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("out") && !TextHasWord("from"))
        {
            return;
        }

        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.Person || TokenEnding(span.End) is not (>= 0 and var end))
            {
                continue;
            }

            var town = Eq(end + 1, "out") && Eq(end + 2, "of") ? end + 3 : Eq(end + 1, "from") ? end + 1 : -1;
            var comma = town + 1;
            while (town > 0 && comma < town + 3 && IsWord(comma) && Spaced(comma - 1, comma))
            {
                comma++;
            }

            if (town < 0 || !IsWord(town) || !P(comma, ',') || comma + 1 >= count)
            {
                continue;
            }

            var n = comma + 1;
            var last = n;
            var age = tokens[n].Kind == TokenKind.Number && tokens[n].Length == 2 ? int.Parse(W(n), System.Globalization.CultureInfo.InvariantCulture) : SpelledNumber(n, out last, spaced: true);
            if (age is >= 13 and <= 99 && AgeCloses(last + 1))
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[last].End, PiiLabel.Age));
            }
        }
    }
}
