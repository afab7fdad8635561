namespace NearMiss.Core.Pii;

/// <summary>Codes read out letter by letter and digit by digit with no id word just before them (decision 085).</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// A code read out in letters and digits said apart where no id word stands just before it, as a speaker
    /// strays between the word and the code: "tribal plate they gave it as o s t four four seven one", "plate new mexico a
    /// k t four one two", "dl s o l o r e three four one k j". Six signs or more in a row, two of them letters alone side by side and
    /// three digits said; "a" and "i" count only before another letter, and the letters of "d o b" and "s s n" open none ("d l"
    /// opens a licence). A plate after "plate" or "tag", a licence after
    /// "dl", "cdl" or "license" among the ten tokens before; else another id. Five signs are a road as often ("u s one oh
    /// one"), and a number said in tens ("twenty") is no sign, so neither is read here.
    /// </summary>
    private void CodesSaidApart(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (Shapes.LetterRun < 2 || !TextHas(DigitWords))
        {
            return; // (two letters said in a row open every code read here)
        }

        for (var k = 0; k < count; k++)
        {
            if (!IsCodeLetter(k) && !In(DigitWords, k))
            {
                continue;
            }

            // The letters of an id's name open no code: "d o b zero four one two …" is a date's, "d l w two four two" a licence.
            if (SpellsCue(k, "dob") || SpellsCue(k, "ssn"))
            {
                k += 2;
                continue;
            }

            var cue = SpellsCue(k, "dl") ? PiiLabel.DriverLicense : (PiiLabel?)null;
            k += cue is null ? 0 : 2;
            var (letters, digits, end, paired) = (0, 0, k, false);
            for (var n = k; n < count && (n == k || Spaced(n - 1, n)); n++)
            {
                if (IsCodeLetter(n))
                {
                    paired |= n > k && IsCodeLetter(n - 1);
                    letters++;
                }
                else if (In(DigitWords, n))
                {
                    digits++;
                }
                else
                {
                    break;
                }

                end = n;
            }

            if (paired && digits >= 3 && end - k >= 5)
            {
                AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, cue ?? CodeLabel(k)));
            }

            k = end;
        }
    }

    /// <summary>Do the letters said apart from <paramref name="k"/> on spell <paramref name="cue"/> ("d o b", "d l")?</summary>
    private bool SpellsCue(int k, string cue)
    {
        for (var i = 0; i < cue.Length; i++)
        {
            if (k + i >= count || !IsWord(k + i) || tokens[k + i].Length != 1 || char.ToLowerInvariant(text[tokens[k + i].Start]) != cue[i] || i > 0 && !Spaced(k + i - 1, k + i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A letter alone, or "a" or "i" before another letter alone ("a k t four one two").</summary>
    private bool IsCodeLetter(int n) =>
        IsWord(n) && (IsLetterAlone(n) || caseless && EqAny(n, "a", "i") && n + 1 < count && Spaced(n, n + 1) && IsWord(n + 1) && IsLetterAlone(n + 1));

    /// <summary>What the id word said last among the ten tokens before <paramref name="k"/> makes of a code read out.</summary>
    private PiiLabel CodeLabel(int k)
    {
        for (var b = k - 1; b >= 0 && b >= k - 10; b--)
        {
            if (EqAny(b, "plate", "plates", "tag", "tags"))
            {
                return PiiLabel.Plate;
            }

            if (EqAny(b, "dl", "cdl", "license", "licence"))
            {
                return PiiLabel.DriverLicense;
            }
        }

        return PiiLabel.OtherId;
    }

    /// <summary>
    /// An agency said as its place or name and the letters of its kind, apart: "bart p d", "washington d o c", "dawson
    /// county s o". The word before the letters is a place, a state or an agency's letters, or ends a place, a person or
    /// an agency found: a person gives that word back ("ramirez bart p d"), a place found with "county" is all the
    /// agency's, and "county" alone is none ("county p d had nobody"). Letters before a number are an id's ("s o dash
    /// twenty four").
    /// </summary>
    private void AgencyKindLetters(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (Shapes.LetterRun < 2)
        {
            return;
        }

        Span<char> joined = stackalloc char[3];
        for (var k = 1; k + 1 < count; k++)
        {
            if (!IsLetterWord(k) || !Spaced(k - 1, k) || !IsWord(k - 1) || tokens[k - 1].Length < 2)
            {
                continue;
            }

            var end = k;
            while (end - k < 3 && IsLetterWord(end + 1) && Spaced(end, end + 1))
            {
                end++;
            }

            var letters = end - k + 1;
            if (letters > 3 || IsLetterWord(end + 1) && Spaced(end, end + 1) || end + 1 < count && (IsNumberWord(end + 1) || Eq(end + 1, "dash") || tokens[end + 1].Kind is TokenKind.Number or TokenKind.Alnum))
            {
                k = end;
                continue;
            }

            for (var i = 0; i < letters; i++)
            {
                joined[i] = char.ToLowerInvariant(text[tokens[k + i].Start]);
            }

            var owner = k - 1;
            var inAdded = IndexEndingAt(added, tokens[owner].End) is var a && a >= 0;
            var list = inAdded ? added : spans;
            var found = inAdded ? a : IndexEndingAt(spans, tokens[owner].End);
            var known = tokens[owner].Is(Lex.Place | Lex.County | Lex.State | Lex.AgencyAcronym) && !EqAny(owner, "county", "parish", "city");
            if (!IsKindLetters(joined[..letters]) || tokens[owner].Is(Lex.Stop) || IsNumberWord(owner) || found < 0 && !known
                || found >= 0 && list[found].Label is not (PiiLabel.Location or PiiLabel.Person or PiiLabel.Agency)
                || Overlaps(spans, tokens[k].Start, tokens[end].End) || Overlaps(added, tokens[k].Start, tokens[end].End))
            {
                k = end;
                continue;
            }

            var start = tokens[owner].Start;
            if (found >= 0)
            {
                var span = list[found];
                list.RemoveAt(found);
                var keepsName = span.Label == PiiLabel.Person && span.Start < start && owner > 0 && !EqAny(owner, "county", "parish", "city");
                start = keepsName ? start : span.Start;
                if (!AddInPlace(spans, added, new PiiSpan(start, tokens[end].End, PiiLabel.Agency)))
                {
                    list.Add(span); // (the span found stays as it was)
                }
                else if (keepsName)
                {
                    list.Add(span with { End = tokens[owner - 1].End }); // ("ramirez bart p d": the name keeps "ramirez")
                }
            }
            else
            {
                AddInPlace(spans, added, new PiiSpan(start, tokens[end].End, PiiLabel.Agency));
            }

            k = end;
        }
    }

    /// <summary>The letters of an agency's kind: police department, sheriff's office, corrections, public safety, highway patrol.</summary>
    private static bool IsKindLetters(ReadOnlySpan<char> letters) => letters is "pd" or "so" or "doc" or "dps" or "hp";

    /// <summary>
    /// A dog unit's call sign said aloud: "k nine" and one to three digits said ("deputy alvarez k nine seven with polk
    /// county", "k nine three district five"); not a count after it ("k nine two times").
    /// </summary>
    private void K9SignsSaid(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(DigitWords) || !TextHasWord("k"))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            if (!Eq(k, "k") || !Eq(k + 1, "nine") || !Spaced(k, k + 1) || !In(DigitWords, k + 2) || !Spaced(k + 1, k + 2))
            {
                continue;
            }

            var end = k + 2;
            while (end - k < 4 && In(DigitWords, end + 1) && Spaced(end, end + 1))
            {
                end++;
            }

            if (!In(Counted, end + 1) && !(IsWord(end + 1) && tokens[end + 1].Is(Lex.Measure)))
            {
                AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
            }

            k = end;
        }
    }

    /// <summary>
    /// A call sign said after "call sign" in words: letters of the spelling alphabet or alone, then its number ("call
    /// sign whiskey romeo twelve", "callsign is k t four"), one to three letters and one to four numbers said.
    /// </summary>
    private void CallSignsSaidNamed(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) || !TextHas(PhoneticLetters) && Shapes.LetterRun == 0)
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            var start = Eq(k, "callsign") ? k + 1 : Eq(k, "call") && Eq(k + 1, "sign") ? k + 2 : -1;
            if (start < 0)
            {
                continue;
            }

            start += EqAny(start, "is", "was") ? 1 : 0;
            var end = start;
            while (end - start < 3 && (In(PhoneticLetters, end) || IsWord(end) && IsLetterAlone(end)) && Spaced(end - 1, end))
            {
                end++;
            }

            var letters = end - start;
            while (end - start - letters < 4 && IsNumberWord(end) && Spaced(end - 1, end))
            {
                end++;
            }

            if (letters > 0 && end - start > letters)
            {
                AddInPlace(spans, added, new PiiSpan(tokens[start].Start, tokens[end - 1].End, PiiLabel.BadgeId));
                k = end - 1;
            }
        }
    }

    /// <summary>
    /// A unit's call sign said in digits right after its agency, as the radio names a unit of another agency (decision
    /// 086): "state two one six trooper hakeem", "me transit two four to radio", "nye county sheriff's office one two
    /// says", "all units two two needs cover"; two to four digits said one by one, or a number said whole before what the
    /// radio says of a unit ("port twelve advises"); then every other time the same words are said alone ("copy two
    /// four", "one two arrives"). Not a road's or a count's number ("took state one oh one", "transit two four minutes").
    /// </summary>
    private void CallSignsSaidAfterAgency(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(DigitWords))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!IsNumberWord(k) || !Spaced(k - 1, k) || !(In(AgencyCallWords, k - 1) && !In(BeforeRoads, k - 2) || Eq(k - 1, "units") && Eq(k - 2, "all")
                || EndsAgency(spans, tokens[k - 1].End) && tokens[k - 1].Kind == TokenKind.Word))
            {
                continue;
            }

            var end = k;
            if (!In(DigitWords, k))
            {
                // A number said whole, then what the radio says of a unit: "port twelve advises", "transit twenty four to dispatch".
                if (SpelledNumber(k, out end, spaced: true) is not (>= 10 and <= 99) || end + 1 >= count || !In(RadioTurnWords, end + 1) || !Spaced(end, end + 1))
                {
                    continue;
                }
            }
            else
            {
                while (end + 1 < count && end - k < 4 && In(DigitWords, end + 1) && Spaced(end, end + 1))
                {
                    end++;
                }

                if (end - k + 1 is < 2 or > 4 || end + 1 < count && (IsNumberWord(end + 1) || CountsAfter(end + 1) || In(Headings, end + 1)) || Eq(k, "oh"))
                {
                    continue;
                }
            }

            var digits = end - k + 1;

            if (AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId)))
            {
                SaidAgainAlone(spans, added, k, digits);
            }

            k = end;
        }
    }

    /// <summary>
    /// A unit's number said after "copy", as the radio acknowledges it (decision 086): "dispatch: copy three twelve three
    /// oh four is coming" (two signs said together), "copy two six one eight all units"; two to five number words, then
    /// every other time the same words are said alone. Not a ten-code ("copy ten eighty"), nor a count ("copy two
    /// minutes").
    /// </summary>
    private void CallSignsAfterCopy(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("copy") || !TextHas(NumberWords))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!Eq(k - 1, "copy") || !IsNumberWord(k) || !Spaced(k - 1, k) || EqAny(k, "ten", "oh"))
            {
                continue;
            }

            var end = k;
            while (end + 1 < count && end - k < 4 && IsNumberWord(end + 1) && Spaced(end, end + 1))
            {
                end++;
            }

            if (end == k || end + 1 < count && (CountsAfter(end + 1) || In(Headings, end + 1)))
            {
                continue;
            }

            if (AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId)))
            {
                SaidAgainAlone(spans, added, k, end - k + 1);
            }

            k = end;
        }
    }

    /// <summary>
    /// A unit's number said just before what the radio says of a unit (decision 086): "seven oh one en route", "four
    /// eighteen is on scene", "two oh nine copies"; two to five number words, not a ten-code ("ten eight en route") nor a
    /// time ("at twenty one ten en route").
    /// </summary>
    private void CallSignsBeforeRadioWords(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) || !TextHas(RadioPhraseWords))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            if (!IsNumberWord(k) || k > 0 && (IsNumberWord(k - 1) || In(TimeLeads, k - 1) || EqAny(k - 1, "at", "by", "til", "until")) || EqAny(k, "ten", "oh"))
            {
                continue;
            }

            var end = k;
            while (end + 1 < count && end - k < 4 && IsNumberWord(end + 1) && Spaced(end, end + 1))
            {
                end++;
            }

            var next = end + 1 + (P(end + 1, ',') ? 1 : 0);
            next += Eq(next, "is") ? 1 : 0;
            if (end == k || !RadioPhraseAt(next))
            {
                k = end;
                continue;
            }

            if (AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId)))
            {
                SaidAgainAlone(spans, added, k, end - k + 1);
            }

            k = end;
        }
    }

    /// <summary>"en route", "on scene", "copies", "advises", "go ahead", "requesting": what the radio says of a unit.</summary>
    private bool RadioPhraseAt(int k) =>
        k < count && (Eq(k, "en") && Eq(k + 1, "route") || Eq(k, "on") && Eq(k + 1, "scene") || Eq(k, "go") && Eq(k + 1, "ahead") || EqAny(k, "enroute", "copies", "advises", "requesting"));

    /// <summary>The words of <see cref="RadioPhraseAt"/>, as a set: a text with none has no such call.</summary>
    private static readonly WordSet RadioPhraseWords = new(["route", "enroute", "scene", "ahead", "copies", "advises", "requesting"]);

    /// <summary>Every other time the number words at <paramref name="first"/> are said alone, no other number word beside them.</summary>
    private void SaidAgainAlone(List<PiiSpan> spans, List<PiiSpan> added, int first, int digits)
    {
        for (var j = 0; j + digits <= count; j++)
        {
            if (j == first || j > 0 && IsNumberWord(j - 1) || j + digits < count && (IsNumberWord(j + digits) || CountsAfter(j + digits)))
            {
                continue;
            }

            var same = true;
            for (var d = 0; d < digits && same; d++)
            {
                same = IsNumberWord(j + d) && W(j + d).Equals(W(first + d), StringComparison.OrdinalIgnoreCase) && (d == 0 || Spaced(j + d - 1, j + d));
            }

            if (same)
            {
                AddInPlace(spans, added, new PiiSpan(tokens[j].Start, tokens[j + digits - 1].End, PiiLabel.BadgeId));
            }
        }
    }

    /// <summary>Words of an agency's kind said before a unit's digits on the radio: "state two one six", "transit two four".</summary>
    private static readonly WordSet AgencyCallWords = new(["state", "transit", "metro", "campus", "tribal", "sheriff", "sheriff's", "marine", "parks", "ranger", "troop", "so", "pd",
        "port", "harbor", "marshal"]);

    /// <summary>What the radio says after a unit's number said whole: "port twelve advises", "marshal twelve on scene".</summary>
    private static readonly WordSet RadioTurnWords = new(["advises", "copies", "copy", "go", "en", "enroute", "on", "responding", "requests", "requesting", "needs", "to", "clear", "is",
        "has", "arrived", "arriving", "out"]);

    /// <summary>Words before "state" or "transit" that make it a road or a route: "took state one oh one", "on transit two four".</summary>
    private static readonly WordSet BeforeRoads = new(["the", "a", "to", "of", "in", "from", "out", "on", "onto", "off", "took", "take", "via", "down", "up", "along", "across", "crossed", "cross"]);

    /// <summary>Where a road goes after its number: "state one oh one north".</summary>
    private static readonly WordSet Headings = new(["north", "south", "east", "west", "northbound", "southbound", "eastbound", "westbound", "nb", "sb", "eb", "wb"]);

    /// <summary>
    /// What a number counts when it is no call sign: a counted thing or a measure ("two four minutes out", "one two
    /// miles", "three two officers"), or its scale ("two four hundred").
    /// </summary>
    private bool CountsAfter(int k) => In(Counted, k) || IsWord(k) && tokens[k].Is(Lex.Measure) || EqAny(k, "hundred", "thousand", "degrees");

    /// <summary>
    /// A unit's call sign said in letters or a word and numbers after "unit" or "call sign", or in letters after "copy" or
    /// "radioed": "unit s o nine", "unit l c twenty", "call sign buff four one two", "my call sign is sally seven",
    /// "dispatch came back, copy o n two nine" (decision 087). A number alone after them is read by the other steps; the
    /// same words said again are found with the call signs found (<see cref="CallSignsLikeFound"/>).
    /// </summary>
    private void CallSignsAfterTheirName(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) || !TextHasWord("unit") && !TextHasWord("sign") && !TextHasWord("callsign") && !TextHasWord("copy") && !TextHasWord("copied") && !TextHasWord("radioed"))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            var named = Eq(k, "sign") && Eq(k - 1, "call") || Eq(k, "callsign");
            if (!named && !EqAny(k, "unit", "copy", "copied", "radioed"))
            {
                continue;
            }

            var first = k + 1 + (EqAny(k + 1, "is", "was") ? 1 : 0);
            var n = first;
            while (n < count && n - first < 3 && IsWord(n) && IsLetterAlone(n) && Spaced(n - 1, n))
            {
                n++;
            }

            if (n == first && named && IsWord(n) && Spaced(n - 1, n) && !IsNumberWord(n) && !tokens[n].Is(Lex.Stop))
            {
                n++; // a word for the unit: "call sign buff four one two"
            }

            var end = n > first ? NumberWordsEnd(n, n + 3) : n;
            if (end == n || end < count && CountsAfter(end))
            {
                continue;
            }

            if (AddInPlace(spans, added, new PiiSpan(tokens[first].Start, tokens[end - 1].End, PiiLabel.BadgeId)))
            {
                k = end - 1;
            }
        }
    }

    /// <summary>
    /// A call sign of capital letters said apart and a number, as speech-to-text writes it: "unit B L 12", "radio Y N
    /// 22", "badge C D A 7", "san juan county sheriffs, S J 11.", "whitefish PD, W 2 3." After "unit", "radio", "badge",
    /// "call sign", or an agency found and its comma; one to three letters alone in capitals, then one to three figures
    /// (and a digit said after them), closing the phrase.
    /// </summary>
    private void SpacedLetterCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 3))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!IsUpperLetter(k) || IsUpperLetter(k - 1) || !CallSignLead(spans, k - 1))
            {
                continue;
            }

            var n = k;
            while (n < count && n - k < 3 && IsUpperLetter(n) && (n == k || Spaced(n - 1, n)))
            {
                n++;
            }

            if (n >= count || tokens[n].Kind != TokenKind.Number || tokens[n].Length > 3 || !Spaced(n - 1, n))
            {
                continue;
            }

            var last = n + 1 < count && tokens[n + 1].Kind == TokenKind.Number && tokens[n + 1].Length == 1 && Spaced(n, n + 1) ? n + 1 : n;
            if (last + 1 < count && !(tokens[last + 1].Kind == TokenKind.Punct || tokens[last + 1].Has(TokenFlags.NewlineBefore) || IsWord(last + 1) && tokens[last + 1].Is(Lex.Stop)))
            {
                continue;
            }

            var sign = new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.BadgeId);
            if (!OverlapsBeyond(spans, sign) && !Overlaps(added, sign.Start, sign.End))
            {
                RemoveWithin(spans, sign.Start, sign.End);
                added.Add(sign);
                k = last;
            }
        }
    }

    /// <summary>A letter alone in capitals, not the pronoun "I".</summary>
    private bool IsUpperLetter(int k) => IsWord(k) && tokens[k].Length == 1 && char.IsAsciiLetterUpper(text[tokens[k].Start]) && text[tokens[k].Start] != 'I';

    /// <summary>What a call sign said in letters follows: "unit", "radio", "badge", "call sign", or an agency found and its comma.</summary>
    private bool CallSignLead(List<PiiSpan> spans, int j)
    {
        if (EqAny(j, "unit", "radio", "badge", "callsign") || Eq(j, "sign") && Eq(j - 1, "call"))
        {
            return true;
        }

        if (!P(j, ',') || j == 0)
        {
            return false;
        }

        foreach (var span in spans)
        {
            if (span.Label == PiiLabel.Agency && span.End == tokens[j - 1].End)
            {
                return true;
            }
        }

        return false;
    }
}
