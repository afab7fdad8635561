namespace NearMiss.Core.Pii;

/// <summary>
/// Radio call signs: a spelling-alphabet word and a number said as one's own, a speaker's call sign opening a
/// transcript line, and (<see cref="NamedCallSigns"/>) named call signs: a capitalised word and a number of one to
/// three digits ("Harbor 12", "Tribal 9", "Mike 7", "ELLIS 12", "TP-24") that the text says at least twice, at least
/// once as a radio call ("Harbor 12, he's walking", "Copy Mike 4", "TP-24: en route", "Tribal 9 en route"). Words that
/// number things other than units (codes, channels, roads, rooms, vehicles, steps, people by role: "Code 3", "Channel
/// 2", "Exit 27", "Officer 1") never start one.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// Radio call signs: a spelling-alphabet word and a number said as one's own ("i was charlie 7", "(Frank 34)"), a
    /// speaker's call sign opening a transcript line ("831: go ahead", "B22: on scene"), "i'm 831", and every other
    /// mention of a call sign so found.
    /// </summary>
    private void RadioCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // Every call sign has a digit, in a number or with letters.
        if (!Shapes.Alnum && !Shapes.HasNumber(1, 63))
        {
            return;
        }

        HashSet<string>? found = null;
        HashSet<string>? numbers = null;
        for (var k = 0; k < count; k++)
        {
            // A call sign is a word before a number, a number or letters and digits, or parts joined by a hyphen: most
            // tokens are none of these and are passed over at once.
            var numberNext = k + 1 < count && tokens[k + 1].Kind == TokenKind.Number;
            if (!numberNext && tokens[k].Kind is not (TokenKind.Number or TokenKind.Alnum) && !P(k + 1, '-'))
            {
                continue;
            }

            // "Speaker 1:", "HOST 2:", "Lesson 1:", "Slide 4": a role or a part of a text numbered, no unit.
            if (numberNext && tokens[k + 1].Length <= 2 && In(NumberedParts, k))
            {
                k++;
                continue;
            }

            if (numberNext && tokens[k + 1].Length <= 3 && In(Phonetic, k) && !tokens[k + 1].Has(TokenFlags.NewlineBefore) && !HourOfClock(k + 1)
                && (Eq(k - 1, "was") || Eq(k - 1, "am") || Eq(k - 1, "as") || Eq(k - 1, "unit") || Eq(k - 1, "copy") || P(k - 1, '(') && P(k + 2, ')') || P(k + 2, ':') || tokens[k].Has(TokenFlags.Lower) && !caseless
                    || P(k - 1, ':') && In(Dispatchers, k - 2) || DistrictBefore(k) < k && P(k - 2, ':') && In(Dispatchers, k - 3))
                && !IsAgeWord(k + 2) && !(k + 2 < count && tokens[k + 2].Is(Lex.Measure)))
            {
                var district = DistrictBefore(k);
                RemoveNameAndAge(spans, tokens[district].Start, tokens[k + 1].End);
                ClockNotHouse(spans, added, district, k + 1);
                added.Add(new PiiSpan(tokens[district].Start, tokens[k + 1].End, PiiLabel.BadgeId));
                (found ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(text[tokens[k].Start..tokens[k + 1].End]); // (said again: "0932 delta 2: delta 2 copy")
                k++;
                continue;
            }

            // A word and its number named as one's call sign: "call sign Marine 3", "callsign: Adair 7", "call sign is Tango 2".
            if (numberNext && tokens[k + 1].Length <= 3 && IsWord(k) && !tokens[k].Is(Lex.Stop) && !tokens[k + 1].Has(TokenFlags.NewlineBefore) && NamedAsCallSign(k))
            {
                RemoveNameAndAge(spans, tokens[k].Start, tokens[k + 1].End);
                added.Add(new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.BadgeId));
                (found ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(text[tokens[k].Start..tokens[k + 1].End]);
                k++;
                continue;
            }

            // A named unit with its number opening a line ("Harbor 7:", "Adam 12:"), else a call sign's own shape; where
            // the line starts is asked only of a token of either shape, as most tokens are neither.
            var named = numberNext && tokens[k + 1].Length <= 3 && IsWord(k) && tokens[k].Length > 2 && !tokens[k].Is(Lex.Stop) && !(In(TranscriptRoles, k) && tokens[k + 1].Length == 1) && k + 2 < count
                && P(k + 2, ':') && tokens[k + 1].Start > tokens[k].End && !HourOfClock(k + 1);
            var lineStart = named && OpensCallLine(k);
            var end = lineStart ? k + 1 : CallSignEnd(k);
            if (end < 0)
            {
                continue;
            }

            // The colon after it is asked before where its line starts, and what closes an own call sign only after
            // the words that make it one's own: most call signs' shapes have neither.
            var opensLine = P(end + 1, ':') && (lineStart || !named && OpensCallLine(k));
            var own = Eq(k - 1, "was") && (Eq(k - 2, "i") || Eq(k - 2, "me") || Eq(k - 2, "sign")) || Eq(k - 1, "m") && P(k - 2, '\'') && Eq(k - 3, "i") || Eq(k - 1, "am") && Eq(k - 2, "i")
                || Eq(k - 1, "unit") || Eq(k - 1, "sign");
            var ownCloses = own && (end + 1 >= count || P(end + 1, ',') || P(end + 1, '.') || P(end + 1, ')') || Eq(end + 1, "on") || Eq(end + 1, "that") || Eq(end + 1, "and") || Eq(end + 1, "was"));
            var answered = (Eq(k - 1, "copy") || P(k - 1, '"') || P(k - 1, ':') && In(Dispatchers, k - 2)) && (P(end + 1, ',') || P(end + 1, '.') || Eq(end + 1, "on") || Eq(end + 1, "go") || Eq(end + 1, "at"));
            if (opensLine || P(k - 1, ':') && In(Dispatchers, k - 2) || ownCloses || answered)
            {
                if (opensLine)
                {
                    ClockNotHouse(spans, added, k, end);
                }

                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
                (found ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(text[tokens[k].Start..tokens[end].End]);
            }

            k = end;
        }

        if (found is not null)
        {
            foreach (var sign in found.ToArray())
            {
                var parts = sign.Split('-');
                if (parts.Length == 3 && Phonetic.Contains(parts[1]))
                {
                    found.Add(parts[1] + " " + parts[2]); // "3-Adam-21" is also said "Adam 21"
                }

                if (parts.Length >= 2 && parts[^1].Length <= 3 && int.TryParse(parts[^1], out _) || sign.Split(' ') is [_, var number] && int.TryParse(number, out _))
                {
                    (numbers ??= new HashSet<string>(StringComparer.Ordinal)).Add(sign.Split('-', ' ')[^1]);
                }
            }
        }

        AnsweredNumbers(numbers, added);
        var known = found?.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < count && known is { } lookup; k++)
        {
            var end = IsWord(k) && k + 1 < count && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Start == tokens[k].End + 1
                && lookup.Contains(text.AsSpan(tokens[k].Start, tokens[k + 1].End - tokens[k].Start)) ? k + 1 : CallSignEnd(k);
            if (end >= 0 && lookup.Contains(text.AsSpan(tokens[k].Start, tokens[end].End - tokens[k].Start)) && !P(k - 1, '-') && !P(end + 1, '-') && !IsAgeWord(end + 1))
            {
                RemoveNameAndAge(spans, tokens[k].Start, tokens[end].End);
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
            }

            k = Math.Max(k, end);
        }
    }

    /// <summary>
    /// Call signs said in words: one or two spelling-alphabet words and one to three number words ("Adam two two",
    /// "Lincoln Adam one four"), where the radio marks them as a call sign: before a speaker's colon, after a
    /// dispatcher's, or after "copy", "unit", "was", "am" or "as"; opening a speaker's turn before a radio word ("NGUYEN:
    /// adam twelve on scene"); with a district's number said before the letter ("three
    /// lincoln twenty two"); or two letters and two numbers ("Lincoln Adam two two").
    /// </summary>
    private void SpokenCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords))
        {
            return;
        }

        HashSet<string>? found = null;
        for (var k = 0; k < count; k++)
        {
            if (!In(Phonetic, k) && !IsSaidLetter(k))
            {
                continue;
            }

            var n = SpokenCallSignEnd(k, out var numbers);
            var last = n - 1;

            // A district's number before the letter, as "3-Lincoln-22" is said: "three lincoln twenty two".
            var first = k;
            while (first > k - 2 && In(NumberWords, first - 1) && Spaced(first - 1, first))
            {
                first--;
            }

            first = first < k && (In(Phonetic, first - 1) || In(NumberWords, first - 1)) ? k : first; // (the numbers of a call sign before: "adam one one adam one one")
            first = first == k && AfterSaidClock(k) is >= 0 and var district ? district : first; // "oh one forty two three adam forty show us"

            var marked = P(n, ':') || P(k - 1, ':') && In(Dispatchers, k - 2) || EqAny(k - 1, "copy", "unit", "was", "am", "as")
                || P(k - 1, ',') && Eq(k - 2, "copy") || first < k || SpokenPair(k, n, numbers)
                || P(k - 1, ':') && (P(n, ',') || EqAny(n, "on", "copy", "copies", "en", "clear", "responding", "go")) // "OFC. NGUYEN: adam twelve on scene"
                || P(k - 1, ':') && LabelSpellsCallSign(k - 2, k) // "A14: adam one four i'll back"
                || AfterLineStamp(k) && (UnitAnswers(n) || Eq(n, "show") && Eq(n + 1, "me")); // "02:15:39 g twelve en route"
            if (numbers == 0 || !marked || EqAny(first - 1, "plate", "plates", "tag", "tags") || numbers == 3 && In(DigitWords, n)) // (a plate read out: "nebraska plate seven baker eight eight one", "golf alpha four seven one one")
            {
                continue;
            }

            RemoveNameAndAge(spans, tokens[first].Start, tokens[last].End);
            RemoveWithin(added, tokens[first].Start, tokens[last].End);
            added.Add(new PiiSpan(tokens[first].Start, tokens[last].End, PiiLabel.BadgeId));
            (found ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(text[tokens[k].Start..tokens[last].End]);
            k = last;
        }

        // Every other mention of a call sign so found: "adam twelve vehicle failing to yield", "copy adam twelve all units".
        var known = found?.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < count && known is { } lookup; k++)
        {
            if (!In(Phonetic, k) && !IsSaidLetter(k) || In(Phonetic, k - 1) && Spaced(k - 1, k))
            {
                continue;
            }

            var last = SpokenCallSignEnd(k, out var numbers) - 1;
            if (numbers > 0 && lookup.Contains(text.AsSpan(tokens[k].Start, tokens[last].End - tokens[k].Start)) && !Overlaps(added, tokens[k].Start, tokens[last].End)
                && !OverlapsBeyond(spans, new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.BadgeId)))
            {
                RemoveNameAndAge(spans, tokens[k].Start, tokens[last].End);
                added.Add(new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.BadgeId));
            }

            k = Math.Max(k, last);
        }
    }

    /// <summary>
    /// The district's number said after the clock that opens a log's line, before a call sign's letter at
    /// <paramref name="k"/>: "oh one forty two three adam forty" (the clock "oh one forty two"); its first token, or -1.
    /// </summary>
    private int AfterSaidClock(int k)
    {
        if (!IsNumberWord(k - 1))
        {
            return -1;
        }

        var line = k - 1;
        while (line > 0 && k - line < 7 && IsNumberWord(line - 1) && !tokens[line].Has(TokenFlags.NewlineBefore))
        {
            line--;
        }

        var clock = IsNumberWord(line) && LineStart(line) ? SaidClockEnd(line) : -1;
        return clock >= 0 && k - clock - 1 is 1 or 2 ? clock + 1 : -1;
    }

    /// <summary>Does <paramref name="k"/> follow a recorder's clock that opens its line ("02:15:39 ", "21:04 ")?</summary>
    private bool AfterLineStamp(int k)
    {
        var m = k - 1;
        if (m < 2 || tokens[m].Kind != TokenKind.Number || !P(m - 1, ':') || tokens[m - 2].Kind != TokenKind.Number)
        {
            return false;
        }

        m -= 2;
        m -= m >= 2 && P(m - 1, ':') && tokens[m - 2].Kind == TokenKind.Number ? 2 : 0;
        return LineOpens(m) && !tokens[k].Has(TokenFlags.NewlineBefore);
    }

    /// <summary>
    /// A call sign's letter said as the letter itself ("unit g seventeen", "copy C two fourteen"): one letter, not "a" or
    /// "i" (a word), nor the "k" of "k nine" (a dog's unit), before a number word.
    /// </summary>
    private bool IsSaidLetter(int k) =>
        IsWord(k) && tokens[k].Length == 1 && char.IsAsciiLetter(text[tokens[k].Start]) && !EqAny(k, "a", "i") && !(Eq(k, "k") && Eq(k + 1, "nine"))
        && In(NumberWords, k + 1) && Spaced(k, k + 1) && !(k > 0 && P(k - 1, '\'') && tokens[k].Start == tokens[k - 1].End)
        && !(IsNumberWord(k - 1) || In(Phonetic, k - 1) || IsWord(k - 1) && tokens[k - 1].Length == 1); // (not a letter inside a licence or VIN read out)

    /// <summary>
    /// The end (exclusive) of a call sign said in words from its letter at <paramref name="k"/>: one or two letters and up
    /// to three number words ("adam twelve", "lincoln adam one four", "Adam two-two").
    /// </summary>
    private int SpokenCallSignEnd(int k, out int numbers)
    {
        var n = In(Phonetic, k + 1) && Spaced(k, k + 1) ? k + 2 : k + 1;
        numbers = 0;
        while (numbers < 3)
        {
            if (In(NumberWords, n) && Spaced(n - 1, n))
            {
                n++;
            }
            else if (numbers > 0 && JoinsNumberWords(n))
            {
                n += 2; // "Adam two-two"
            }
            else
            {
                break;
            }

            numbers++;
        }

        return n;
    }

    /// <summary>Do "call sign" or "callsign" stand just before <paramref name="k"/>, a colon, "is" or "was" between?</summary>
    private bool NamedAsCallSign(int k)
    {
        var b = P(k - 1, ':') || EqAny(k - 1, "is", "was") ? k - 2 : k - 1;
        return Eq(b, "callsign") || Eq(b, "sign") && Eq(b - 1, "call");
    }

    /// <summary>A speaker's call sign in letters and digits whose letter starts the call sign said after it ("A14:" before "adam one four").</summary>
    private bool LabelSpellsCallSign(int label, int k) =>
        label >= 0 && tokens[label].Kind == TokenKind.Alnum && !tokens[label].Has(TokenFlags.DigitFirst) && tokens[label].Length <= 5
        && char.ToLowerInvariant(text[tokens[label].Start]) == char.ToLowerInvariant(text[tokens[k].Start]);

    /// <summary>
    /// "Lincoln Adam two two": two letters and two or three numbers, alone; not part of a plate or a case number said
    /// aloud ("plate, Delta Echo Kilo four four one", "case alpha kilo two four zero zero"), nor a count.
    /// </summary>
    private bool SpokenPair(int k, int n, int numbers)
    {
        if (numbers < 2 || !In(Phonetic, k + 1) || !Spaced(k, k + 1) || In(Counted, n) || IsNumberWord(n) || In(Phonetic, n) || In(Phonetic, k - 1) || IsNumberWord(k - 1))
        {
            return false;
        }

        for (var before = Math.Max(0, k - 4); before < k; before++)
        {
            if (In(SpokenIdWords, before) && SpokenIdLabel(W(before)) != PiiLabel.BadgeId)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The district's number written before a call sign's letter ("1 baker 7", "3 lincoln 40"): its token, else <paramref name="k"/>.</summary>
    private int DistrictBefore(int k) =>
        k >= 1 && tokens[k - 1].Kind == TokenKind.Number && tokens[k - 1].Length <= 2 && Spaced(k - 1, k) && !IsClockNumber(k - 1)
        && (k < 2 || IsClockNumber(k - 2) || tokens[k - 2].Kind != TokenKind.Number && !IsNumberWord(k - 2) && !P(k - 2, '-') && !P(k - 2, '/') && !P(k - 2, '.')) ? k - 1 : k;

    /// <summary>
    /// "0932 delta 2:", a line's clock and the call sign opening it, read as a house on a street: the clock is a time, the
    /// call sign its own.
    /// </summary>
    private void ClockNotHouse(List<PiiSpan> spans, List<PiiSpan> added, int k, int end)
    {
        if (k >= 1 && IsClockNumber(k - 1) && spans.RemoveAll(s => s.Label == PiiLabel.Address && s.Start == tokens[k - 1].Start && s.End <= tokens[end].End) > 0)
        {
            added.Add(new PiiSpan(tokens[k - 1].Start, tokens[k - 1].End, PiiLabel.Time));
        }
    }

    /// <summary>"Adam 21" read as a name and an age, "India fourteen" as a country, is a call sign.</summary>
    private static void RemoveNameAndAge(List<PiiSpan> spans, int start, int end)
    {
        RemoveInside(spans, start, end, PiiLabel.Person);
        RemoveInside(spans, start, end, PiiLabel.Age);
        RemoveInside(spans, start, end, PiiLabel.Location);
    }

    /// <summary>Does a call sign at <paramref name="k"/> open a line, alone or after the line's clock time ("0538 HARBOR 7: out at the terminal")?</summary>
    private bool OpensCallLine(int k) => LineStart(k) || IsClockNumber(k - 1) && LineStart(k - 1) || AfterLineClock(k);

    /// <summary>"22:14:05 P-12:", "0214:05 ADAM12:": a token after a clock time with colons that opens a line.</summary>
    private bool AfterLineClock(int k)
    {
        var n = k - 1;
        var parts = 0;
        while (n >= 0 && tokens[n].Kind == TokenKind.Number && tokens[n].Length <= 2 && parts < 3)
        {
            parts++;
            if (!P(n - 1, ':'))
            {
                break;
            }

            n -= 2;
        }

        return parts >= 2 && LineStart(n) || parts == 1 && IsClockNumber(n) && LineStart(n); // (or "0214:05 ADAM12:")
    }

    /// <summary>
    /// The number of a call sign found, said alone when the unit is answered or answers: "Copy 14, 2356",
    /// "AIRPORT 9: 14, hold at the door", "3-Adam-24: 24 on scene".
    /// </summary>
    private void AnsweredNumbers(HashSet<string>? numbers, List<PiiSpan> added)
    {
        var lookup = numbers?.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 1; k + 1 < count && lookup is { } known; k++)
        {
            if (tokens[k].Kind == TokenKind.Number && known.Contains(W(k)) && (Eq(k - 1, "copy") || P(k - 1, ':') && tokens[k].Start > tokens[k - 1].End)
                && (P(k + 1, ',') || P(k + 1, '.') || EqAny(k + 1, "on", "at", "en", "copies", "responding", "go", "clear", "out", "with")))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.BadgeId));
            }
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
        var spelled = false;
        while (P(end + 1, '-') && end + 2 < count && tokens[end + 1].Start == tokens[end].End && tokens[end + 2].Start == tokens[end + 1].End
            && (tokens[end + 2].Kind is TokenKind.Number or TokenKind.Alnum || tokens[end + 2].Length == 1 && char.IsAsciiLetterUpper(text[tokens[end + 2].Start]) || In(Phonetic, end + 2) && !tokens[end + 2].Has(TokenFlags.Lower)))
        {
            end += 2;
            digits += tokens[end].Digits;
            spelled |= IsWord(end) && tokens[end].Length > 1;
        }

        if (end == k)
        {
            return IsCallSign(k) ? k : -1;
        }

        var length = tokens[end].End - tokens[k].Start;
        var first = tokens[k];
        var code = first.Kind == TokenKind.Number && (Eq(k, "10") || Eq(k, "11")) && tokens[k + 2].Kind == TokenKind.Number;
        var firstOk = first.Kind is TokenKind.Number or TokenKind.Alnum || first.Length == 1 && char.IsAsciiLetterUpper(text[first.Start]) && !Eq(k, "I");
        return firstOk && !code && digits > 0 && length <= (spelled ? 12 : 8) && end - k <= 4 ? end : -1;
    }

    /// <summary>
    /// "831", "2C12", "B22", "L14", "ADAM12": three or four digits (not a clock time), letters and digits up to five
    /// characters, or a spelling word written against a number of up to three digits.
    /// </summary>
    private bool IsCallSign(int k) =>
        k >= 0 && k < count && (tokens[k].Kind == TokenKind.Number && (tokens[k].Length == 3 || tokens[k].Length == 4 && !IsClockNumber(k))
            || tokens[k].Kind == TokenKind.Alnum && !tokens[k].Has(TokenFlags.Lower) && (tokens[k].Length <= 5 && tokens[k].Digits >= 2 || SpellingWordAndNumber(W(k))));

    /// <summary>"ADAM12", "SAM40", "David7": a spelling word and a number of up to three digits in one token.</summary>
    private static bool SpellingWordAndNumber(ReadOnlySpan<char> word)
    {
        var letters = 0;
        while (letters < word.Length && char.IsAsciiLetter(word[letters]))
        {
            letters++;
        }

        var digits = word.Length - letters;
        return letters >= 3 && digits is >= 1 and <= 3 && !word[letters..].ContainsAnyExceptInRange('0', '9') && PhoneticLetters.Contains(word[..letters]);
    }

    /// <summary>Words a number follows that are not a unit's name: codes and channels, roads and places, rooms, vehicles, parts of a text, roles.</summary>
    private static readonly WordSet NumberedThings = new([
        "code", "signal", "channel", "milepost", "mp", "marker", "tac", "ch", "car", "engine", "medic", "truck", "ladder", "rescue", "squad", "ambulance", "exit", "hwy",
        "highway", "route", "interstate", "mile", "mm",
        "gen", "type", "class", "grade", "sector", "zone", "district", "troop", "station", "gate", "pier", "terminal", "bay",
        "dock", "room", "cell", "pod", "tower", "platform", "track", "main", "lane", "glock", "sig", "colt", "model", "version", "number",
        "no", "rm", "bldg", "building", "floor", "suite", "apt", "unit", "box", "lot", "post", "beat", "area", "region", "precinct", "pct",
        "division", "camera", "cam", "air", "battalion", "company", "platoon",
        "squadron", "team", "group", "shift", "wing", "block", "dorm", "hangar", "berth", "slip", "runway", "taxiway", "concourse",
        "sr", "us", "i", "ca", "fm", "cr", "county", "state", "road", "street", "avenue", "ave", "st", "rd", "year", "years",
        "relay", "line", "bus", "train", "van", "boat",
        "officer", "officers", "trooper", "deputy", "sergeant", "sgt", "subject", "suspect", "witness", "driver", "passenger", "victim",
        "vehicle", "person", "male", "female", "inmate", "patient", "agent", "ranger", "warden", "detective", "corporal", "cpl",
        "lieutenant", "lt", "captain", "capt", "chief", "major", "ofc", "dep", "tpr", "det", "co", "sheriff", "marshal", "constable",
        "supervisor", "student", "recruit", "cadet", "dispatcher", "caller", "resident", "juvenile", "adult",
        "child", "occupant", "citizen", "bystander", "operator", "pilot", "nurse", "doctor", "firefighter",
    ]);

    private void NamedCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // Every named call sign has a number of one to three digits.
        if (!Shapes.HasNumber(1, 3))
        {
            return;
        }

        List<(int Word, string Key)>? candidates = null;
        for (var k = 0; k + 1 < count; k++)
        {
            if (CallSignNumber(k) is var number and > 0)
            {
                (candidates ??= []).Add((k, $"{W(k)} {W(number)}".ToLowerInvariant()));
                k = number;
            }
        }

        if (candidates is null || candidates.Count < 2)
        {
            return;
        }

        foreach (var group in candidates.GroupBy(c => c.Key))
        {
            if (group.Count() < 2 || !group.Any(c => SaidAsCall(c.Word, CallSignNumber(c.Word))))
            {
                continue;
            }

            foreach (var (word, _) in group)
            {
                // A call sign inside a longer span ("Oregon AXJ 664", a plate) is left to it.
                var sign = new PiiSpan(tokens[word].Start, tokens[CallSignNumber(word)].End, PiiLabel.BadgeId);
                if (!Straddles(spans, sign) && !Straddles(added, sign))
                {
                    RemoveWithin(spans, sign.Start, sign.End);
                    added.Add(sign);
                }
            }
        }
    }

    /// <summary>Does a span overlap <paramref name="sign"/> and reach outside it?</summary>
    private static bool Straddles(List<PiiSpan> spans, PiiSpan sign) =>
        spans.Exists(s => s.Start < sign.End && sign.Start < s.End && (s.Start < sign.Start || s.End > sign.End));

    /// <summary>
    /// The number of a call sign whose name is the word at <paramref name="k"/>: "Harbor 12", "TP-24", not a time or a
    /// decimal ("May 12:30", "Level 3.5"); the number's token, or 0.
    /// </summary>
    private int CallSignNumber(int k)
    {
        // The number after the word is tested first, as most words have none (no test here has a side effect, so the order
        // changes no answer).
        if (!IsWord(k))
        {
            return 0;
        }

        var n = k + 1;
        if (P(n, '-') && tokens[n].Start == tokens[k].End)
        {
            n++;
        }
        else if (n < count && tokens[n].Start != tokens[k].End + 1)
        {
            return 0;
        }

        if (n >= count || tokens[n].Kind != TokenKind.Number || tokens[n].Length > 3 || tokens[n].Has(TokenFlags.NewlineBefore))
        {
            return 0;
        }

        if (tokens[k].Length < 2 || !(tokens[k].Has(TokenFlags.Capitalized) || tokens[k].Has(TokenFlags.AllCaps))
            || tokens[k].Is(Lex.Month | Lex.Weekday | Lex.Rank | Lex.Role | Lex.Measure | Lex.Stop) || In(NumberedThings, k) || In(NumberedParts, k)
            || IsWord(k - 1) && (tokens[k - 1].Is(Lex.State) || EqAny(k - 1, "plate", "plates", "tag", "tags")))
        {
            return 0; // (after a state or "plate" it is a plate: "Oregon AXJ 664")
        }

        // A time or a decimal goes on with a colon or point and digits.
        var joined = n + 2 < count && (P(n + 1, ':') || P(n + 1, '.')) && tokens[n + 1].Start == tokens[n].End && tokens[n + 2].Kind == TokenKind.Number && tokens[n + 2].Start == tokens[n + 1].End;
        return joined ? 0 : n;
    }

    /// <summary>
    /// The call sign from <paramref name="word"/> to <paramref name="number"/> is said as a radio call: called or
    /// answered ("Harbor 12, he's walking", "TP-24: en route", "Mike 4 copy", "Tribal 9 en route", "Sierra 1 on
    /// scene"), or named as one's own or acknowledged ("this is Harbor 20", "I was Tribal 9", "we're Adam 12", "Copy
    /// Mike 4").
    /// </summary>
    private bool SaidAsCall(int word, int number)
    {
        var n = number + 1;
        var answered = P(n, ',') || P(n, ':') || EqAny(n, "copy", "copies", "clear", "out") || Eq(n, "en") && Eq(n + 1, "route")
            || Eq(n, "on") && Eq(n + 1, "scene") || Eq(n, "go") && Eq(n + 1, "ahead") || Eq(n, "is") && Eq(n + 1, "clear");
        var named = EqAny(word - 1, "copy", "as", "was", "im") || Eq(word - 1, "is") && Eq(word - 2, "this")
            || (Eq(word - 1, "m") || Eq(word - 1, "re")) && P(word - 2, '\'');
        return answered || named;
    }

    /// <summary>
    /// Number token n is the hour of a clock time written against it ("23" of "Tpr. Vang 23:53: copy"): a colon and two
    /// digits with no space between. It is no call sign's number, and the colon no speaker's.
    /// </summary>
    private bool HourOfClock(int n) =>
        n + 2 < count && tokens[n].Kind == TokenKind.Number && tokens[n].Length <= 2 && P(n + 1, ':') && tokens[n + 1].Start == tokens[n].End
        && tokens[n + 2].Kind == TokenKind.Number && tokens[n + 2].Length == 2 && tokens[n + 2].Start == tokens[n + 1].End;

    /// <summary>The people of a transcript numbered in place of their names ("OFFICER 1:", "Speaker 2:"; not "Trooper 412:"): no unit's call sign.</summary>
    /// <summary>Parts of a text and roles numbered in it, which never start a call sign: "Lesson 1", "Slide 4", "HOST 2", "Speaker 1".</summary>
    private static readonly WordSet NumberedParts = new(["speaker", "host", "guest", "anchor", "reporter", "trainer", "trainee", "instructor", "lesson", "lessons", "slide", "step", "part", "phase", "question", "answer", "rule", "tip", "takeaway", "item", "point", "exhibit", "page", "chapter", "section", "scenario", "option", "clip", "video", "figure", "fig", "table", "appendix", "volume", "vol", "module", "week", "day", "round", "level", "tier", "stage", "set", "rep", "reps", "drill", "drills", "test", "exercise"]);

    private static readonly WordSet TranscriptRoles = new(["speaker", "officer", "deputy", "trooper", "caller", "witness", "interviewer", "subject", "suspect", "victim", "person", "participant", "male", "female", "voice", "unknown", "inmate", "driver", "passenger"]);
}
