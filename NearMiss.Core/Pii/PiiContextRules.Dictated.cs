namespace NearMiss.Core.Pii;

/// <summary>
/// Numbers said rather than typed, as in a dictated report or a transcript: "badge two one four", "badge 6 2 9",
/// "case number twenty four dash zero three one one", "incident 24 W A 1 0 8 8"; and clock times in words,
/// "about eleven forty", "twenty past four", "5 after 9".
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>A number said in words ("four", "ninety") or a zero said "oh".</summary>
    private bool IsNumberWord(int n) => IsWord(n) && NumberWordsOrOh.Contains(text, tokens[n]);

    /// <summary>The words that say which id a number is, and its label.</summary>
    private static PiiLabel? SpokenIdLabel(ReadOnlySpan<char> w) =>
        w.Equals("badge", StringComparison.OrdinalIgnoreCase) || w.Equals("shield", StringComparison.OrdinalIgnoreCase) ? PiiLabel.BadgeId
        : w.Equals("case", StringComparison.OrdinalIgnoreCase) || w.Equals("incident", StringComparison.OrdinalIgnoreCase) || w.Equals("report", StringComparison.OrdinalIgnoreCase) ? PiiLabel.CaseNumber
        : w.Equals("serial", StringComparison.OrdinalIgnoreCase) || w.Equals("booking", StringComparison.OrdinalIgnoreCase) || w.Equals("ticket", StringComparison.OrdinalIgnoreCase) ? PiiLabel.OtherId
        : w.Equals("citation", StringComparison.OrdinalIgnoreCase) || w.Equals("warrant", StringComparison.OrdinalIgnoreCase) || w.Equals("cad", StringComparison.OrdinalIgnoreCase) ? PiiLabel.CaseNumber
        : w.Equals("dl", StringComparison.OrdinalIgnoreCase) || w.Equals("cdl", StringComparison.OrdinalIgnoreCase) ? PiiLabel.DriverLicense
        : w.Equals("vin", StringComparison.OrdinalIgnoreCase) ? PiiLabel.VehicleId
        : w.Equals("beat", StringComparison.OrdinalIgnoreCase) ? PiiLabel.BadgeId
        : w.Equals("registration", StringComparison.OrdinalIgnoreCase) ? PiiLabel.Plate
        : w.Equals("unit", StringComparison.OrdinalIgnoreCase) || w.Equals("employee", StringComparison.OrdinalIgnoreCase) || w.Equals("sign", StringComparison.OrdinalIgnoreCase) ? PiiLabel.BadgeId
        : w.Equals("license", StringComparison.OrdinalIgnoreCase) || w.Equals("licence", StringComparison.OrdinalIgnoreCase) ? PiiLabel.DriverLicense
        : w.Equals("tag", StringComparison.OrdinalIgnoreCase) || w.Equals("plate", StringComparison.OrdinalIgnoreCase) || w.Equals("tags", StringComparison.OrdinalIgnoreCase) || w.Equals("plates", StringComparison.OrdinalIgnoreCase) ? PiiLabel.Plate
        : w.Equals("birth", StringComparison.OrdinalIgnoreCase) || w.Equals("dob", StringComparison.OrdinalIgnoreCase) ? PiiLabel.Date
        : w.Equals("squad", StringComparison.OrdinalIgnoreCase) || w.Equals("car", StringComparison.OrdinalIgnoreCase) ? PiiLabel.VehicleId
        : w.Equals("arrest", StringComparison.OrdinalIgnoreCase) || w.Equals("event", StringComparison.OrdinalIgnoreCase) ? PiiLabel.CaseNumber
        : w.Equals("job", StringComparison.OrdinalIgnoreCase) || w.Equals("summons", StringComparison.OrdinalIgnoreCase) || w.Equals("complaint", StringComparison.OrdinalIgnoreCase) || w.Equals("docket", StringComparison.OrdinalIgnoreCase) ? PiiLabel.CaseNumber
        : w.Equals("inmate", StringComparison.OrdinalIgnoreCase) || w.Equals("sid", StringComparison.OrdinalIgnoreCase) ? PiiLabel.OtherId
        : w.Equals("man", StringComparison.OrdinalIgnoreCase) || w.Equals("warden", StringComparison.OrdinalIgnoreCase) || w.Equals("star", StringComparison.OrdinalIgnoreCase) ? PiiLabel.BadgeId
        : null;

    /// <summary>Id words that are ordinary nouns too, which say an id only with "number" after them: "man number six six oh four", "job number was …".</summary>
    private static readonly WordSet NumberedIdWords = new(["man", "job", "complaint", "warden", "star", "inmate", "arrest", "event"]);

    /// <summary>Id words after which two numbers are already a badge: "badge four four", "warden number two two".</summary>
    private static readonly WordSet ShortBadgeWords = new(["badge", "shield", "man", "warden", "star"]);

    /// <summary>The words <see cref="SpokenIdLabel"/> knows, as a set: a text with none of them has no spoken id.</summary>
    private static readonly WordSet SpokenIdWords = new(["badge", "shield", "case", "incident", "report", "serial", "unit", "tag", "plate", "tags", "plates", "birth", "dob", "employee", "sign", "license", "licence", "booking", "citation", "warrant", "cad", "dl", "cdl", "vin", "beat", "registration",
        "squad", "car", "job", "summons", "complaint", "docket", "inmate", "sid", "man", "warden", "star", "arrest", "event", "ticket"]);

    /// <summary>
    /// An id said digit by digit or in number words after "badge", "case", "incident" or another word of
    /// <see cref="SpokenIdLabel"/>, or after a report's letters and "number" ("r d number is …"), of three numbers or more
    /// (a call sign two, with a letter: "call sign k nine four"); a plate after "plate", "tag" or "registration", a comma
    /// allowed between; a date of birth after "birth" or "DOB" ("zero four slash one two slash eight six").
    /// </summary>
    private void SpokenIds(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // The id needs its word, and numbers in digits or words ("oh" is one of the digit words).
        if (!TextHas(SpokenIdWords) && !TextHasWord("number") || !Shapes.HasNumber(1, 2) && !TextHas(NumberWords, DigitWords))
        {
            return;
        }

        for (var k = 0; k + 3 < count; k++)
        {
            // An id word, or a report's letters said before "number" ("r d number is j x four four one").
            var lettered = Eq(k, "number") && k >= 2 && (IsLetterAlone(k - 1) && IsLetterAlone(k - 2) && Spaced(k - 2, k - 1)
                || IsWord(k - 1) && tokens[k - 1].Has(TokenFlags.AllCaps) && tokens[k - 1].Length is 2 or 3 && !tokens[k].Has(TokenFlags.AllCaps)); // "RD number is j b two four"
            var owner = !lettered && Eq(k, "number") ? NumberOwner(k) : -1; // "fleet number four one one two"
            var named = !lettered && owner < 0 && Eq(k, "number") && P(k - 1, ',') && PersonEndsAt(spans, k - 2) && SaidPhoneEnd(k + 1) < 0; // "Dashawn Pettiford, number four six one two"
            owner = named ? k - 2 : owner;
            if (!lettered && owner < 0 && (!In(SpokenIdWords, k) || Eq(k, "sign") && !Eq(k - 1, "call") || In(NumberedIdWords, k) && !Eq(k + 1, "number") && !(P(k + 1, ',') && Eq(k + 2, "number")))
                || (lettered ? PiiLabel.CaseNumber : named ? PiiLabel.OtherId : owner >= 0 ? OwnedNumberLabel(owner) : SpokenIdLabel(W(k))) is not { } label)
            {
                continue;
            }

            var n = AfterFiller(k + 1); // "badge, uh, four-one-one"
            n += P(n, '\'') && Eq(n + 1, "s") && tokens[n].Start == tokens[k].End ? 2 : 0; // "the report's m p twenty four dash …"
            n += P(n, ',') || P(n, ':') ? 1 : 0; // "pennsylvania plate, kilo mike romeo four four one eight"
            n += Eq(n, "number") || Eq(n, "no") || P(n, '#') ? 1 : 0;
            n += Eq(n, "is") || Eq(n, "was") ? 1 : 0;
            n += Eq(n, "came") && Eq(n + 1, "back") && Eq(n + 2, "as") ? 3 : 0; // "serial came back as h one seven seven"
            n += EqAny(n, "will", "should") && Eq(n + 1, "be") ? 2 : Eq(n, "i") && EqAny(n + 1, "got", "have") && EqAny(n + 2, "is", "was") ? 3 : 0; // "report number will be", "case number i got is"
            n = NumberAnswerStart(n); // "you got the case number?\nSPEAKER_01: twenty five dash ..."
            n = AfterFiller(n); // "case number is uh two four dash"
            if (label == PiiLabel.Plate && IsWord(n) && EqAny(n, "west", "new", "north", "south", "rhode") && IsWord(n + 1) && tokens[n + 1].Is(Lex.State))
            {
                n++; // "his plate was west virginia three x y seven seven two one"
            }

            var stated = label == PiiLabel.Plate && IsWord(n) && tokens[n].Is(Lex.State);
            if (stated)
            {
                n = AfterFiller(n + 1); // "Plate was Montana three dash seven seven one two four B"
                n += P(n, ',') ? 1 : 0;
            }

            stated |= label == PiiLabel.Plate && IsWord(k - 1) && (tokens[k - 1].Is(Lex.State) || EqAny(k - 1, "temp", "temporary", "paper")); // "montana plate three dash four four", "temp tag two four four nine eight one"

            if (label == PiiLabel.OtherId && Eq(n, "on") && Eq(n + 1, "the") && IsWord(n + 2) && EqAny(n + 3, "was", "is"))
            {
                n += 4; // "serial on the taurus was ACK four four nine"
            }

            var first = n;
            var numbers = 0;
            var letters = 0;
            while (n < count && !tokens[n].Has(TokenFlags.NewlineBefore))
            {
                // Letters in one word that open the id: "serial number ACB seven seven three" (letters said one at a time
                // are read below: "serial a b m four four zero").
                if (n == first && label is PiiLabel.OtherId or PiiLabel.CaseNumber && IsWord(n) && tokens[n].Has(TokenFlags.AllCaps) && tokens[n].Length is >= 2 and <= 4 && !English(n)
                    && n + 1 < count && SpokenIdPart(n + 1, out var opensNumber) && opensNumber)
                {
                    letters++;
                    n++;
                    continue;
                }

                // A plate is read a sign at a time, commas between, a letter as a word: "Q as in Queen, R, 7, 4, 1, K".
                // (A digit said after a comma starts a group only with another after it: "4-4-1, one occupant" ends at the 1.)
                if (label == PiiLabel.Plate && n > first && P(n, ',') && n + 1 < count && IsSpelledSign(n + 1) && (!In(DigitWords, n + 1) || IsSpelledSign(n + 2)))
                {
                    n++;
                    continue;
                }

                if (label == PiiLabel.Plate && Eq(n, "x") && P(n + 1, '-') && Eq(n + 2, "ray") && tokens[n + 1].Start == tokens[n].End && tokens[n + 2].Start == tokens[n + 1].End)
                {
                    letters++;
                    n += 3; // "X-ray", the spelling alphabet's X written with its hyphen
                    continue;
                }

                if (label == PiiLabel.Date && n > first && Eq(n, "thousand") && IsNumberWord(n + 1))
                {
                    n++; // "date of birth five nine two thousand four"
                    continue;
                }

                var plateLetter = label is PiiLabel.Plate or PiiLabel.OtherId or PiiLabel.DriverLicense && IsPlateLetter(n) // ("serial a b k six two", "CDL number h m one four")
                    || label == PiiLabel.CaseNumber && n > first && IsPlateLetter(n) && In(DigitWords, n - 1) && In(DigitWords, n + 1) // ("case two four a three zero four four one")
                    || label == PiiLabel.CaseNumber && numbers == 0 && n - first < 5 && IsPlateLetter(n); // its letters first: "report a c s o two four dash one two two six"
                if (!SpokenIdPart(n, out var number) && !plateLetter)
                {
                    break;
                }

                numbers += number ? 1 : 0;
                letters += number ? 0 : IsSpelledSign(n) || plateLetter ? 1 : 0;
                n += IsWord(n) && tokens[n].Length == 1 && Eq(n + 1, "as") && Eq(n + 2, "in") && IsWord(n + 3) && (caseless || !tokens[n + 3].Has(TokenFlags.Lower)) ? 4 : 1;
            }

            // Trailing letters or dashes are no part of it: "badge 6 2 9 recording" ends at the 9 (a plate keeps its letters).
            var last = n - 1;
            while (last >= first && !(tokens[last].Kind == TokenKind.Number || IsNumberWord(last) || label == PiiLabel.Plate && IsWord(last) && !Eq(last, "dash")))
            {
                last--;
            }

            // A plate said a sign at a time has five or more of them, letters among its digits; other ids three numbers.
            // (A call sign may be shorter, a letter among its numbers: "call sign k nine four"; so may a vehicle's number after
            // its owner: "truck number eighty one".)
            // (after its state, a plate may be all digits and open with any number: "plate was Indiana three zero four eight
            // eight two", "montana eleven dash four four seven two bravo")
            if (last <= first || (label == PiiLabel.Plate ? numbers == 0 || letters == 0 && !(stated && numbers >= 5) || numbers + letters < 5
                    || !IsSpelledSign(first) && !IsPlateLetter(first) && !(stated && IsNumberWord(first))
                : label == PiiLabel.BadgeId && (letters > 0 || In(ShortBadgeWords, k)) || label == PiiLabel.VehicleId && owner >= 0 ? numbers < 2 : numbers < 3))
            {
                continue;
            }

            var id = new PiiSpan(tokens[first].Start, tokens[last].End, label);
            if (!OverlapsBeyond(spans, id))
            {
                RemoveWithin(spans, id.Start, id.End);
                added.Add(id);
                k = last;
            }
        }
    }

    /// <summary>
    /// The word whose number "number" says, when no id word of <see cref="SpokenIdLabel"/> names it ("P number", "bureau
    /// number", "fleet number", "our car was number"); -1 before a word of grammar, a number or a thing's own number.
    /// </summary>
    private int NumberOwner(int k)
    {
        var o = EqAny(k - 1, "was", "is") ? k - 2 : k - 1;
        if (Eq(o, "s") && P(o - 1, '\''))
        {
            return -1; // "grandma's number, six oh five …": a phone
        }

        return IsWord(o) && !IsNumberWord(o) && !In(IdentifierRecogniser.NotIdOwners, o) && !In(SpokenIdWords, o) && (!tokens[o].Is(Lex.Stop) || IsLetterAlone(o)) ? o : -1;
    }

    private PiiLabel OwnedNumberLabel(int o) => IdentifierRecogniser.OwnedNumberLabel(text, tokens[o]);

    /// <summary>
    /// A badge said right after an officer's rank and name, as a dictated report opens: "this is deputy uh ruelas nine
    /// two one four". Three digit words or more after the name (a number word the name took in is given back).
    /// </summary>
    private void BadgesSaidAfterRankedNames(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(DigitWords))
        {
            return;
        }

        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var first = FirstToken(span.Start);
            var rank = BeforeFiller(first - 1);
            var last = FirstToken(span.End) - 1;

            // A name given for the tape as a turn opens, then its badge: "OFC ABDI: Farhan Abdi, four two one nine."
            var turn = span.Label == PiiLabel.Person && P(first - 1, ':') && P(last + 1, ',') && last + 2 < count && In(DigitWords, last + 2) && Spaced(last + 1, last + 2);
            if (span.Label != PiiLabel.Person || first < 1 || !turn && (!IsWord(rank) || !tokens[rank].Is(Lex.Rank)))
            {
                continue;
            }

            // The name's last token, and a digit word it took in ("ruelas nine").
            var n = turn ? last + 2 : last + 1;
            if (!turn && last > first && In(DigitWords, last) && Spaced(last - 1, last))
            {
                n = last;
                last--;
            }

            var end = n;
            while (end < count && In(DigitWords, end) && (end == n ? Spaced(n - 1, n) : Spaced(end - 1, end)))
            {
                end++;
            }

            if (end - n < 3 || end < count && IsWord(end) && tokens[end].Is(Lex.Measure) || turn && !(end >= count || P(end, '.') || tokens[end].Has(TokenFlags.NewlineBefore)))
            {
                continue;
            }

            spans[i] = new PiiSpan(span.Start, tokens[last].End, PiiLabel.Person);
            added.Add(new PiiSpan(tokens[n].Start, tokens[end - 1].End, PiiLabel.BadgeId));
        }
    }

    /// <summary>
    /// "mile" alone for its marker, after a comma or a word of place and before a number of two words or tens ("Parks
    /// Highway, mile three fifty one", "at mile forty"); not a distance ("a mile", "one mile", "the last mile").
    /// </summary>
    private bool MileSaid(int k) =>
        Eq(k, "mile") && (P(k - 1, ',') || EqAny(k - 1, "at", "near", "past", "around", "about", "by")) && IsNumberWord(k + 1) && !Eq(k + 1, "oh") && Spaced(k, k + 1)
        && (IsNumberWord(k + 2) && Spaced(k + 1, k + 2) || NumberWords.Value(text, tokens[k + 1]) >= 20);

    /// <summary>A mile marker said in words: "mile marker one twenty four", "milepost sixty two", "MM forty", "mile marker one-oh-four".</summary>
    private void SpokenMileMarkers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) || !TextHasWord("marker") && !TextHasWord("milepost") && !TextHasWord("mm") && !TextHasWord("post") && !TextHasWord("mile"))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            var head = (Eq(k, "marker") || Eq(k, "post")) && Eq(k - 1, "mile") ? k - 1 : Eq(k, "milepost") || Eq(k, "mm") || MileSaid(k) ? k : -1;
            var n = k + 1;
            while (head >= 0 && n < count && !tokens[n].Has(TokenFlags.NewlineBefore) && (IsNumberWord(n) || n > k + 1 && (Eq(n, "oh") || JoinsNumberWords(n))))
            {
                n++;
            }

            // "at the twenty-one mile marker": the number said before the marker's words.
            var back = head;
            while (head >= 0 && n == k + 1 && Eq(k, "marker") && back - 1 > 0 && IsNumberWord(back - 1) && Spaced(back - 1, back) && head - back < 3)
            {
                back--;
            }

            if (back < head && !Eq(back - 1, "the"))
            {
                back = head;
            }

            var marker = new PiiSpan(head >= 0 ? tokens[back].Start : 0, tokens[n - 1].End, PiiLabel.Location);
            if (head >= 0 && (n > k + 1 || back < head) && !OverlapsBeyond(spans, marker))
            {
                RemoveWithin(spans, marker.Start, marker.End);
                added.Add(marker);
                k = n - 1;
            }
        }
    }

    /// <summary>
    /// Where the answer starts when a speaker asks for a number and the next speaker gives it: after the question's mark,
    /// the line break and the next speaker's label ("your shield number.\nSpeaker 1: two two nine one eight"); else
    /// <paramref name="n"/>.
    /// </summary>
    private int NumberAnswerStart(int n)
    {
        if (!(P(n, '?') || P(n, '.')) || n + 1 >= count || !tokens[n + 1].Has(TokenFlags.NewlineBefore))
        {
            return n;
        }

        if (IsWord(n + 1) && tokens[n + 1].Length == 1 && P(n + 2, '.') && n + 3 < count && !tokens[n + 3].Has(TokenFlags.NewlineBefore))
        {
            return n + 3; // a transcript's "A." before the answer: "Q. Badge number?\nA. Five fourteen."
        }

        for (var colon = n + 2; colon < count && colon <= n + 4 && !tokens[colon].Has(TokenFlags.NewlineBefore); colon++)
        {
            if (P(colon, ':'))
            {
                return colon + 1 < count && !tokens[colon + 1].Has(TokenFlags.NewlineBefore) ? colon + 1 : n;
            }
        }

        return n;
    }

    /// <summary>A hyphen joining two words of a number said aloud, with no space: "ninety-nine", "one-oh-four".</summary>
    private bool JoinsNumberWords(int n) =>
        P(n, '-') && n + 1 < count && tokens[n].Start == tokens[n - 1].End && tokens[n + 1].Start == tokens[n].End && (IsNumberWord(n + 1) || Eq(n + 1, "oh"));

    /// <summary>
    /// A letter of a plate read out in any case ("Georgia tag r t x seven seven one two"); "a" and "i" only before another
    /// sign ("wisconsin plate a b f two two nine one").
    /// </summary>
    private bool IsPlateLetter(int n) =>
        IsWord(n) && tokens[n].Length == 1 && char.IsAsciiLetter(text[tokens[n].Start]) && (!EqAny(n, "a", "i") || Spaced(n, n + 1) && (IsWord(n + 1) && tokens[n + 1].Length == 1 || IsNumberWord(n + 1)));

    /// <summary>A part of a spoken id: a number word, one or two digits, a letter alone or said ("alpha kilo"), "dash" or "-".</summary>
    private bool SpokenIdPart(int n, out bool number)
    {
        number = tokens[n].Kind == TokenKind.Number && tokens[n].Length <= 2 || IsNumberWord(n) || Eq(n, "niner");
        return number || P(n, '-') || Eq(n, "dash") || Eq(n, "slash") || IsWord(n) && (IsLetterAlone(n) || In(PhoneticLetters, n));
    }

    /// <summary>One sign of a plate read out: a capital letter alone, a letter of the spelling alphabet, or one digit.</summary>
    private bool IsSpelledSign(int n) =>
        n < count && (tokens[n].Kind == TokenKind.Number && tokens[n].Length == 1 || IsWord(n) && (IsLetterAlone(n) || In(PhoneticLetters, n) || In(DigitWords, n)));

    /// <summary>A letter said alone: a capital, or in caseless text any letter but the words "a" and "i" ("s p twenty three dash").</summary>
    private bool IsLetterAlone(int n) =>
        tokens[n].Length == 1 && (char.IsAsciiLetterUpper(text[tokens[n].Start]) || caseless && char.IsAsciiLetterLower(text[tokens[n].Start]) && !Eq(n, "a") && !Eq(n, "i"));

    /// <summary>The letters of the spelling alphabets (ICAO and the police's APCO), as an id is read out: "alpha kilo two four", "Paul David Kilo four seven one".</summary>
    private static readonly WordSet PhoneticLetters = new(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "juliett", "kilo", "lima", "mike",
        "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray", "x-ray", "yankee", "zulu",
        "adam", "boy", "charles", "david", "edward", "frank", "george", "henry", "ida", "john", "king", "lincoln", "mary", "nora", "ocean",
        "paul", "queen", "robert", "sam", "tom", "union", "william", "young", "zebra", "baker"]);

    private static readonly WordSet MinuteWords = new(["oh", "five", "ten", "fifteen", "twenty", "thirty", "forty", "fifty", "quarter", "half"]);

    private static readonly WordSet HourWords = new(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "noon", "midnight"]);

    /// <summary>
    /// Clock times in words after a word of estimate, "at" or "till": "about eleven forty", "around twenty past four", "at
    /// like 5 after 9", "at quarter to ten", "till five twenty six"; a time in words needs the lead, a time in digits
    /// needs "past", "after" or "to"; an hour before "o'clock" needs neither.
    /// </summary>
    private void SpokenTimes(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // Without a minute or hour word, a time is two numbers of one or two digits ("5 after 9").
        if (!TextHas(MinuteWords, HourWords) && !Shapes.HasNumber(1, 2))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            // A time opens with a minute or hour word or a small number: asked before the lead, as few tokens are one.
            if (!(In(MinuteWords, k) || In(HourWords, k) || tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 2))
            {
                continue;
            }

            // A word of estimate or "at" before it; "like" set off by commas or after a part of the day ("sunday night,
            // like, eleven thirty", "evening like quarter to six"); or "am" or "pm" after it.
            var lead = BeforeFiller(k - 1);
            var liked = P(k - 1, ',') && Eq(k - 2, "like") && P(k - 3, ',') || Eq(lead, "like") && (P(lead - 1, ',') || In(DayParts, lead - 1) || EqAny(lead - 1, "daylight", "dawn", "dusk", "sunrise", "sunset"));
            lead -= Eq(lead, "like") ? 1 : 0;
            var led = In(TimeLeads, lead) || Eq(lead, "at") || liked || EqAny(lead, "till", "til", "until", "since", "before", "after", "by"); // "till five twenty six"

            var end = -1;
            var clock = OClockEnd(k + 1);
            var minutes = In(MinuteWords, k) || tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 2 && !tokens[k].Has(TokenFlags.NewlineBefore);
            if ((In(HourWords, k) || tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 2) && !Eq(k, "noon") && !Eq(k, "midnight") && clock > 0
                && !EqAny(k - 1, "my", "your", "his", "her", "our", "their"))
            {
                end = clock; // "eight o'clock", "since like 9 o'clock"; not a direction ("at my 2 o'clock")
                led = true;
            }
            else if (minutes && EqAny(k + 1, "past", "after", "to", "til", "till") && (In(HourWords, k + 2) || k + 2 < count && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length <= 2))
            {
                end = k + 2; // "twenty past four", "5 after 9"
            }
            else if (In(HourWords, k) && !Eq(k, "noon") && !Eq(k, "midnight") && In(MinuteWords, k + 1) && !EqAny(k + 1, "quarter", "half"))
            {
                end = Eq(k + 1, "oh") && In(HourWords, k + 2) ? k + 2 : k + 1; // "eleven forty", "six oh five"
                end = In(Digits, end + 1) && EqAny(end, "twenty", "thirty", "forty", "fifty") && Spaced(end, end + 1) ? end + 1 : end; // "eleven fifty two"
            }
            else if (In(HourWords, k) && !Eq(k, "noon") && !Eq(k, "midnight") && AmPmEnd(k + 1) > 0 && !IsNumberWord(k - 1))
            {
                end = k; // "about two am"
            }
            else if (In(HourWords, k) && !Eq(k, "noon") && !Eq(k, "midnight") && DayPartAfter(k + 1) && !IsNumberWord(k - 1))
            {
                end = k; // "about two in the morning", "like three in the afternoon"
                led = true;
            }

            // "nine thirty pm": the half of the day goes with it, and makes it a time without a lead; so does a part of
            // the day said after it, which stays out of the span ("two thirty in the morning", "ten fifteen at night").
            var half = end > 0 ? AmPmEnd(end + 1) : -1;
            if (half > 0)
            {
                end = half;
            }
            else if (!led && !(end > k && (DayPartAfter(end + 1) || ClockSaidAfter(lead))))
            {
                continue;
            }

            // (A span over the first word overlaps the whole time, so one search of the spans serves for both.)
            // A time said in words is no part of a longer number said aloud ("five five five, oh one four three").
            if (end > 0 && !Overlaps(spans, tokens[k].Start, tokens[end].End) && !In(Counted, end + 1) && !(end + 1 < count && IsNumberWord(end + 1)))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Time));
                k = end;
            }
        }
    }

    /// <summary>What a clock of hour and minutes is said after, for a recording: "it's uh ten fifteen", "interview ends ten thirty one".</summary>
    private bool ClockSaidAfter(int lead) =>
        Eq(lead, "s") && P(lead - 1, '\'') && Eq(lead - 2, "it") || EqAny(lead, "ends", "ended", "begins", "began", "starts", "started", "now");

    /// <summary>"in the morning", "in the afternoon", "in the evening", "at night" at <paramref name="k"/>.</summary>
    private bool DayPartAfter(int k) =>
        Eq(k, "in") && Eq(k + 1, "the") && EqAny(k + 2, "morning", "afternoon", "evening") || Eq(k, "at") && Eq(k + 1, "night");

    /// <summary>The last token of "o'clock" (or "oclock") at <paramref name="k"/>, or -1.</summary>
    private int OClockEnd(int k) =>
        Eq(k, "oclock") ? k
        : Eq(k, "o") && (P(k + 1, '\'') || P(k + 1, '’')) && Eq(k + 2, "clock") && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End ? k + 2
        : -1;

    /// <summary>The last token of "am", "pm", "a.m.", "p.m." or, as a speech app writes them, "a m" and "P M" at <paramref name="k"/>, or -1.</summary>
    private int AmPmEnd(int k)
    {
        if (IsWord(k) && EqAny(k, "am", "pm") && Spaced(k - 1, k))
        {
            return k;
        }

        if ((Eq(k, "a") || Eq(k, "p")) && Spaced(k - 1, k) && Eq(k + 1, "m") && Spaced(k, k + 1) && (k + 2 >= count || !IsWord(k + 2) || !tokens[k + 2].Has(TokenFlags.Capitalized) || tokens[k + 1].Has(TokenFlags.Capitalized)))
        {
            return k + 1;
        }

        return (Eq(k, "a") || Eq(k, "p")) && P(k + 1, '.') && Eq(k + 2, "m") && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End
            ? (P(k + 3, '.') && tokens[k + 3].Start == tokens[k + 2].End ? k + 3 : k + 2)
            : -1;
    }

    /// <summary>Vehicles whose number is said aloud after them: "car two fourteen", "bus fourteen oh nine", "rail car two five four one", "van twenty two", "coach three one five one five", "locomotive four four six two", and units ("unit four twelve").</summary>
    private static readonly WordSet SaidVehicles = new(["car", "bus", "van", "cruiser", "truck", "boat", "vessel", "unit", "motor", "engine", "medic", "ladder", "rmp", "train", "coach", "locomotive"]);

    private static readonly WordSet Teens = new(["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]);

    private static readonly WordSet Digits = new(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]);

    private static readonly WordSet Tens = new(["twenty", "thirty", "forty", "fifty"]);

    /// <summary>
    /// Twenty-four-hour clock times said in words: "about twenty-two hundred", "around twenty-two thirty", "at oh six
    /// hundred", "fourteen hundred hours", "at zero three forty-five". The hour is "oh"/"zero" and a digit, a teen or
    /// twenty-something; the minutes are "hundred", "oh" and a digit, a teen, or tens and a digit. A word of estimate or
    /// "at" before it, "hours" after it, or an hour said with "oh" or "zero" makes it a time; a count after it ("fourteen
    /// hundred feet") does not.
    /// </summary>
    private void WordClockTimes(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(Teens, Tens) && !TextHas(Digits))
        {
            return;
        }

        var lastEnd = -1;
        for (var k = 1; k + 1 < count; k++)
        {
            var end = WordClockEnd(k);
            if (end < 0)
            {
                continue;
            }

            var lead = BeforeFiller(k - 1);
            lead -= Eq(lead, "like") ? 1 : 0;
            var hours = EqAny(end + 1, "hours", "hrs", "hour");
            // "oh two hundred" needs no lead, unless it is part of a longer number said aloud ("zero two zero two one one");
            // two such clocks in a row are two times ("like oh five thirty oh five forty").
            var clockNext = EqAny(end + 1, "oh", "zero") && WordClockEnd(end + 1) > 0;
            var zero = EqAny(k, "oh", "zero") && (!IsNumberWord(k - 1) || k - 1 == lastEnd) && (!IsNumberWord(end + 1) || clockNext)
                && !EqAny(k - 1, "dash", "slash", "point") && !EqAny(end + 1, "dash", "slash", "point")
                && !(IsWord(end + 1) && DigitWords.Contains(text, tokens[end + 1]) && !clockNext);
            var counted = In(Counted, end + 1) || IsWord(end + 1) && tokens[end + 1].Is(Lex.Measure) && !InBeforeAPlace(end + 1) || EqAny(end + 1, "rpm", "dollars", "bucks", "pounds", "lbs", "calls", "cases");
            var itIs = Eq(lead, "its") || Eq(lead, "s") && P(lead - 1, '\'') && Eq(lead - 2, "it"); // "its twenty two hundred, let's go"

            // An hour past noon with its minutes needs no lead either ("ten four, thirteen forty-one"), alone in what is said.
            // (Not twenty alone, which a year opens: "in twenty nineteen"; not a vehicle's or an id's number: "bus fourteen oh nine".)
            var afternoon = (In(Teens, k) && !EqAny(k, "ten", "eleven", "twelve") || Eq(k, "twenty") && ClockHour(k) > k) && !Eq(end, "hundred") && !IsNumberWord(k - 1) && !IsNumberWord(end + 1)
                && !EqAny(k - 1, "dash", "slash", "point", "number") && !In(SaidVehicles, k - 1) && !In(SpokenIdWords, k - 1) && !EqAny(end + 1, "dash", "slash", "point", "block");
            if ((In(TimeLeads, lead) || Eq(lead, "at") || itIs && Eq(end, "hundred") || hours || zero || afternoon) && !counted && !Overlaps(spans, tokens[k].Start, tokens[end].End))
            {
                end = hours ? end + 1 : end;
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Time));
                k = lastEnd = end;
            }
        }
    }

    /// <summary>"in" before a word that opens a place ("oh nine hundred in Judge Baptiste's room"), not inches ("six hundred in long").</summary>
    private bool InBeforeAPlace(int k) => Eq(k, "in") && IsWord(k + 1) && !EqAny(k + 1, "long", "wide", "tall", "deep", "high", "thick", "of", "by", "x");

    /// <summary>The last token of a 24-hour clock time in words starting at <paramref name="k"/> ("oh five thirty", "fourteen hundred"), or -1.</summary>
    private int WordClockEnd(int k)
    {
        var hour = ClockHour(k);
        return hour < 0 ? -1 : ClockMinutes(Joined(hour));
    }

    /// <summary>The last token of a 24-hour clock's hour in words starting at <paramref name="k"/> ("oh six", "fourteen", "twenty-two"), or -1.</summary>
    private int ClockHour(int k)
    {
        if (EqAny(k, "oh", "zero") && (In(Digits, Joined(k)) || EqAny(Joined(k), "oh", "zero")))
        {
            return Joined(k); // "oh six", "zero zero forty"
        }

        if (In(Teens, k))
        {
            return k;
        }

        return Eq(k, "twenty") ? EqAny(Joined(k), "one", "two", "three") ? Joined(k) : k : -1;
    }

    /// <summary>The last token of the minutes in words starting at <paramref name="m"/> ("hundred", "thirty", "forty-five", "oh five"), or -1.</summary>
    private int ClockMinutes(int m)
    {
        if (Eq(m, "hundred") || In(Teens, m))
        {
            return m;
        }

        if (EqAny(m, "oh", "zero") && In(Digits, Joined(m)))
        {
            return Joined(m);
        }

        return In(Tens, m) ? In(Digits, Joined(m)) ? Joined(m) : m : -1;
    }

    /// <summary>The word after token <paramref name="k"/>, one space or a hyphen on ("twenty-two", "twenty two").</summary>
    private int Joined(int k) =>
        P(k + 1, '-') && tokens[k + 1].Start == tokens[k].End && k + 2 < count && tokens[k + 2].Start == tokens[k + 1].End ? k + 2 : Spaced(k, k + 1) ? k + 1 : count;

    /// <summary>What a count or a span of time is of, after which a number in words is no time ("about five officers", "about ten minutes").</summary>
    private static readonly WordSet Counted = new(["officers", "units", "cars", "shots", "rounds", "deputies", "troopers", "inmates", "kids", "days", "weeks", "months", "minutes", "mins", "seconds", "secs", "hours", "hrs", "years", "feet", "ft", "yards", "miles", "times", "people", "guys", "of"]);
}
