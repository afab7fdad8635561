namespace NearMiss.Core.Pii;

/// <summary>Call signs that are numbers alone, said on the radio: "four twelve to central", "copy four twelve is on the way".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// Two or three number words that read as three or four digits ("four twelve", "two forty two", "three twenty three")
    /// where the radio marks them as a unit: opening a turn before "to" and a dispatcher ("OFFICER 1: two forty two to
    /// dispatch"), or said twice ("three twenty three three twenty three"); after "copy" before a radio word ("copy four
    /// twelve is on the way"). Not before "hours" or after "at" or "time": a time said the same way. (Two units said one
    /// after the other, "copy four twelve four twenty", read as one number and are left.)
    /// </summary>
    private void NumberedCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) || !TextHas(Dispatchers, RadioWords, CallGoesOn) && !TextHasWord("copies") && !TextHasWord("respond") && !TextHasWord("scene") && !TextHasWord("route"))
        {
            return;
        }

        Span<char> digits = stackalloc char[16];
        List<(int First, int Last, int Digits)>? signs = null;
        for (var k = 0; k < count; k++)
        {
            if (!In(NumberWords, k) || k > 0 && In(NumberWords, k - 1) && Spaced(k - 1, k))
            {
                continue;
            }

            var length = SaidDigits(k, digits, out var last);
            var words = last - k + 1;

            // Where the radio marks it beyond doubt, two digits are a call sign too: a log's speaker ("THREE TWELVE:"), a
            // unit calling the dispatcher ("Radio, three twelve,"), a turn that opens with it and a radio word ("UNIT 2:
            // Twenty-two, en route from Staatsburg", ">> twenty three copy", "TROOPER: three sixty-seven, dispatch"). (Not a
            // ten-code: "Dispatch, ten ninety seven, I'm out".)
            var lineStart = k == 0 || tokens[k].Has(TokenFlags.NewlineBefore) || AfterTurnMark(k);
            var opens = OpensCall(k) && !(lineStart && SaidClockEnd(k) >= last); // (not the clock that opens a log's line: "twenty one oh seven dispatch copy")
            if (!Eq(k, "ten") && (words is >= 1 and <= 3 || words == length) && length is >= 2 and <= 4 && digits[0] != '0' && !EqAny(last + 1, "hours", "hrs", "hundred", "thousand")
                && (lineStart && P(last + 1, ':') || (P(k - 1, ',') && TurnStart(k - 2) || P(k - 1, ':') && k >= 2 && LineStart(k - 2)) && In(Dispatchers, k - 2) && P(last + 1, ',') && !(SaidClockEnd(k) >= last) && !digits[..length].SequenceEqual("911")
                    || opens && (P(last + 1, ',') ? RadioWordAt(last + 2) : RadioWordAt(last + 1))))
            {
                AddCallSign(spans, added, k, last);
                (signs ??= []).Add((k, last, length));
                k = last;
                continue;
            }

            if (words is < 2 or > 4 || length is < 3 or > 4 || digits[0] == '0' || EqAny(last + 1, "hours", "hrs", "hundred", "thousand") || EqAny(k - 1, "at", "time", "about", "around"))
            {
                // ("three twenty three three twenty three": the run said twice reads as one number of six digits)
                if (length is 6 or 8 && digits[..(length / 2)].SequenceEqual(digits[(length / 2)..length]) && TurnStart(k) && words is 4 or 6 && digits[0] != '0')
                {
                    AddCallSign(spans, added, k, last);
                }

                k = last;
                continue;
            }

            var marked = TurnStart(k) && Eq(last + 1, "to") && In(Dispatchers, last + 2)
                || Eq(k - 1, "copy") && EqAny(last + 1, "is", "on", "en", "copy", "responding", "clear", "go", "you're", "your")
                || IsWord(k - 1) && !EqAny(k - 1, "code", "by", "til", "until", "since", "before", "after", "from", "said", "was", "is", "like") && UnitAnswers(last + 1) && !Eq(last + 2, "that"); // (said on without stops: "ten out three twelve on scene")
            if (marked)
            {
                AddCallSign(spans, added, k, last);
                (signs ??= []).Add((k, last, length));
            }

            k = last;
        }

        if (signs is not null)
        {
            NumberedCallSignsAgain(spans, added, signs);
        }
    }

    /// <summary>
    /// Every other mention of a call sign in number words the radio marked (<see cref="NumberedCallSigns"/>), said alone:
    /// "hold the air for three twelve.", "Three twelve, back it off"; not inside a longer number nor before a count.
    /// </summary>
    private void NumberedCallSignsAgain(List<PiiSpan> spans, List<PiiSpan> added, List<(int First, int Last, int Digits)> signs)
    {
        for (var k = 0; k < count; k++)
        {
            if (!In(NumberWords, k) || k > 0 && IsNumberWord(k - 1) && Spaced(k - 1, k))
            {
                continue;
            }

            foreach (var (first, last, digits) in signs)
            {
                var n = last - first + 1;
                var same = k + n <= count && !(IsNumberWord(k + n) && Spaced(k + n - 1, k + n));
                for (var j = 0; same && j < n; j++)
                {
                    same = IsWord(k + j) && W(k + j).Equals(W(first + j), StringComparison.OrdinalIgnoreCase) && (j == 0 || Spaced(k + j - 1, k + j));
                }

                // (a sign of two digits, which an age or a count may say as well, only opening a turn or after "copy")
                same &= digits > 2 || OpensCall(k) || Eq(k - 1, "copy");
                if (same && !In(Counted, k + n) && !EqAny(k + n, "hours", "hrs", "hundred", "thousand") && !EqAny(k - 1, "at", "time", "about", "around"))
                {
                    AddCallSign(spans, added, k, k + n - 1);
                    k += n - 1;
                    break;
                }
            }
        }
    }

    /// <summary>Words a radio call goes on with after the unit's number: "three sixty-seven, dispatch", "two eighty-one, status?", "four twenty-one, code four", "fourteen, wait for me".</summary>
    private static readonly WordSet RadioWords = new(["dispatch", "radio", "go", "status", "copy", "traffic", "code", "en", "enroute", "responding", "clear", "wait", "negative", "affirmative",
        "standby", "stand", "roger", "break", "emergency", "priority", "where", "show", "come"]);

    /// <summary>Words beside which <see cref="RadioWordAt"/> reads a radio call that <see cref="RadioWords"/> does not hold.</summary>
    private static readonly WordSet CallGoesOn = new(["send", "requesting", "request", "coffee", "can", "need", "needs", "ten", "m"]);

    /// <summary>
    /// Does what is said at <paramref name="k"/> go on as a radio call after a unit's number ("dispatch", "go ahead", "on
    /// scene", "where you at", "send me another unit", "can i get", "ten four", "i need backup", "i'm out")?
    /// </summary>
    private bool RadioWordAt(int k) =>
        In(RadioWords, k) && !(Eq(k, "go") && !Eq(k + 1, "ahead") && !(!P(k - 1, ',') && (k + 1 == count || P(k + 1, '.') || P(k + 1, ',') || tokens[k + 1].Has(TokenFlags.NewlineBefore)))) && !(Eq(k, "where") && !Eq(k + 1, "you")) && !(Eq(k, "traffic") && EqAny(k + 1, "stop", "crash", "accident", "collision")) && !(Eq(k, "come") && !Eq(k + 1, "up")) && !(Eq(k, "stand") && !Eq(k + 1, "by"))
        || Eq(k, "on") && Eq(k + 1, "scene")
        || EqAny(k, "send", "requesting", "request", "coffee") // ("coffee": copy, misheard)
        || Eq(k, "can") && EqAny(k + 1, "i", "you", "we", "i'll") || Eq(k, "ten") && EqAny(k + 1, "four", "for")
        || EqAny(k, "i", "we") && EqAny(k + 1, "need", "needs") || Eq(k, "i") && P(k + 1, '\'') && Eq(k + 2, "m") && EqAny(k + 3, "out", "off", "on", "en");

    /// <summary>Does a radio call open at <paramref name="k"/>: a turn's or a sentence's start, after a transcript's mark or a log's clock (". Forty-two go.", "[pause] three twelve copy")?</summary>
    private bool OpensCall(int k) => TurnStart(k) || tokens[k].Has(TokenFlags.SentenceStart) && Spaced(k - 1, k) || P(k - 1, ']') || AfterSaidLineClock(k);

    /// <summary>Does <paramref name="k"/> follow the clock said aloud that opens a log's line ("twenty one oh six transit twenty four to dispatch")?</summary>
    private bool AfterSaidLineClock(int k)
    {
        if (!In(NumberWords, k - 1) || tokens[k].Has(TokenFlags.NewlineBefore))
        {
            return false;
        }

        var line = k - 1;
        while (line > 0 && k - line < 6 && IsNumberWord(line - 1) && !tokens[line].Has(TokenFlags.NewlineBefore))
        {
            line--;
        }

        return LineStart(line) && SaidClockEnd(line) == k - 1;
    }

    /// <summary>Does a speaker's turn open at <paramref name="k"/>: a line's start, after a speaker's colon, or after a caption's turn mark (">>")?</summary>
    private bool TurnStart(int k) => k == 0 || k > 0 && k < count && (tokens[k].Has(TokenFlags.NewlineBefore) || P(k - 1, ':') && (k < 2 || IsWord(k - 2) || tokens[k - 2].Kind is TokenKind.Number or TokenKind.Alnum)
        || AfterTurnMark(k));

    /// <summary>Does <paramref name="k"/> follow the "&gt;&gt;" that opens a line of captions?</summary>
    private bool AfterTurnMark(int k)
    {
        var m = k - 1;
        while (m >= 0 && P(m, '>') && k - m <= 2)
        {
            if (m == 0 || tokens[m].Has(TokenFlags.NewlineBefore))
            {
                return m < k - 1 || P(m, '>');
            }

            m--;
        }

        return false;
    }

    private void AddCallSign(List<PiiSpan> spans, List<PiiSpan> added, int k, int last, bool overName = false)
    {
        var sign = new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.BadgeId);
        if (overName && !OverlapsBeyondPerson(spans, sign) && !Overlaps(added, sign.Start, sign.End))
        {
            RemoveWithin(spans, sign.Start, sign.End); // (the sign's word read as a name: "Charlie two")
            added.Add(sign);
        }
        else if (!Overlaps(spans, sign.Start, sign.End) && !Overlaps(added, sign.Start, sign.End))
        {
            added.Add(sign);
        }
    }

    /// <summary>
    /// A call sign read a digit at a time, as a transcript writes it: "trooper 2 1 4: he swerved at me", "Dispatch: 4 1 6
    /// copy", "copy 4 1 9 en route". Three or four digits alone, spaced, before a speaker's colon or a radio word at a
    /// turn's start or after "copy"; then every other mention of them, read so or as one number opening a turn or after
    /// "copy" ("230 coming from the interchange", "copy 214 you're okay").
    /// </summary>
    private void SpacedDigitCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(Dispatchers) && !TextHasWord("copy"))
        {
            return;
        }

        HashSet<string>? found = null;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = 0; k + 2 < count; k++)
            {
                if (!IsLoneDigit(k) && !(pass == 1 && tokens[k].Kind == TokenKind.Number && tokens[k].Length is 3 or 4) || IsLoneDigit(k - 1) && Spaced(k - 1, k))
                {
                    continue;
                }

                var last = k;
                while (last - k < 4 && IsLoneDigit(last + 1) && Spaced(last, last + 1))
                {
                    last++;
                }

                var spaced = last - k + 1;
                var number = spaced == 1 && tokens[k].Length is 3 or 4 && tokens[k].Kind == TokenKind.Number ? W(k).ToString() : null;
                if (pass == 0)
                {
                    var opens = TurnStart(k) || EqAny(k - 1, "trooper", "unit", "deputy", "officer", "car") && (TurnStart(k - 1) || OpensCallLine(k - 1));
                    var marked = spaced is 3 or 4 && (opens && (P(last + 1, ':') || RadioWordAfter(last + 1)) || Eq(k - 1, "copy") && RadioWordAfter(last + 1));
                    if (marked)
                    {
                        (found ??= new HashSet<string>(StringComparer.Ordinal)).Add(SpacedDigits(k, spaced));
                    }
                }
                else if (found is not null && (spaced is 3 or 4 && found.Contains(SpacedDigits(k, spaced))
                    || number is not null && found.Contains(number) && (TurnStart(k) || Eq(k - 1, "copy") || Eq(k - 1, "for"))))
                {
                    AddCallSign(spans, added, k, last);
                }

                k = last;
            }

            if (found is null)
            {
                return;
            }
        }
    }

    /// <summary>The digits written alone from <paramref name="k"/>, as one number ("214" of "2 1 4").</summary>
    private string SpacedDigits(int k, int digits) => string.Create(digits, (text, tokens, k), static (chars, at) =>
    {
        for (var j = 0; j < chars.Length; j++)
        {
            chars[j] = at.text[at.tokens[at.k + j].Start];
        }
    });

    /// <summary>A digit written alone ("2" of "trooper 2 1 4").</summary>
    private bool IsLoneDigit(int k) => (uint)k < (uint)count && tokens[k].Kind == TokenKind.Number && tokens[k].Length == 1;

    /// <summary>A word the radio says after a unit: "copy", "en route", "on scene", "start me a second".</summary>
    private bool RadioWordAfter(int k) => EqAny(k, "copy", "copies", "en", "on", "responding", "clear", "go", "start", "radio", "to", "is", "you're");

    /// <summary>
    /// A call sign of a word and a number said in words, said at least twice and once where the radio marks it: opening a
    /// turn or after "copy", before a comma, "copy" or a radio word ("DISP: story fourteen copy", "Gila one one, run a
    /// ten twenty-nine", "Copy Western one two, 974 Thomas"). Not a code, a road, a room or a time.
    /// </summary>
    private void NamedNumberCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) || !TextHas(Dispatchers) && !TextHasWord("copy") && !TextHasWord("dispatched"))
        {
            return;
        }

        Dictionary<string, (int Said, bool Marked)>? signs = null;
        HashSet<string>? schemes = null; // the words of the signs found, any case
        Span<char> digits = stackalloc char[8];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = 0; k + 1 < count; k++)
            {
                if (!In(NumberWords, k + 1) || !IsWord(k) || tokens[k].Length < 3 || tokens[k].Is(Lex.Stop | Lex.Measure | Lex.Month | Lex.Weekday) || In(NumberWords, k)
                    || Eq(k + 1, "oh") || !Spaced(k, k + 1) || In(NotCallWords, k) || In(Counted, k))
                {
                    continue;
                }

                var length = SaidDigits(k + 1, digits, out var last);
                if (length is < 1 or > 3 || last - k > 3 || In(NumberWords, last + 1) && Spaced(last, last + 1))
                {
                    continue;
                }

                var key = string.Concat(W(k).ToString().ToLowerInvariant(), ":", digits[..length]);
                if (pass == 0)
                {
                    // (also after "copy," "go ahead," or the dispatcher called, and before a stop: "Dispatch, Ranger six.", "Copy, Ranger six.")
                    // (a sign in the spelling alphabet also opening a sentence or after "dispatched": "Zero-one-nineteen. Charlie two on scene.")
                    var called = TurnStart(k) || Eq(k - 1, "copy") || P(k - 1, ',') && (Eq(k - 2, "copy") || In(Dispatchers, k - 2) || Eq(k - 2, "ahead") && Eq(k - 3, "go"))
                        || In(Phonetic, k) && (P(k - 1, '.') || EqAny(k - 1, "dispatched", "send", "sending"));
                    var marked = called && (P(last + 1, ',') || P(last + 1, '.') || P(last + 1, '?') || RadioWordAfter(last + 1) || last + 1 >= count || tokens[last + 1].Has(TokenFlags.NewlineBefore));

                    // A sign the officer's rank and name follow is one however often said: "Lincoln twelve, Sergeant Amundson, got there".
                    var introduced = P(last + 1, ',') && IsWord(last + 2) && tokens[last + 2].Is(Lex.Rank) && !tokens[last + 2].Is(Lex.Stop) && (In(Phonetic, k) || called);
                    signs ??= new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
                    signs[key] = signs.TryGetValue(key, out var seen) ? (seen.Said + 1, seen.Marked || marked || introduced) : (introduced ? 2 : 1, marked || introduced);
                }
                else if (signs!.TryGetValue(key, out var sign) && (sign.Said >= 2 && sign.Marked || schemes!.GetAlternateLookup<ReadOnlySpan<char>>().Contains(W(k))))
                {
                    AddCallSign(spans, added, k, last, overName: In(Phonetic, k)); // (or another unit of a scheme found: "Ranger six" ... "Ranger nine is at the junction")
                }

                k = last;
            }

            if (signs is null)
            {
                return;
            }

            if (pass == 0)
            {
                schemes = new HashSet<string>(signs.Where(s => s.Value.Said >= 2 && s.Value.Marked).Select(s => s.Key[..s.Key.IndexOf(':')]), StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Words said before a number that make no call sign: codes, roads, rooms, times, counts.</summary>
    private static readonly WordSet NotCallWords = new(["code", "signal", "ten", "channel", "tac", "copy", "page", "line", "exit", "mile", "marker", "highway", "route", "interstate", "road",
        "room", "bed", "cell", "pod", "lane", "count", "about", "around", "like", "approximately", "only", "just", "over", "under", "almost", "nearly", "maybe", "number", "item",
        "unit", "units", "car", "engine", "medic", "ladder", "truck", "rescue", "squad", "bus", "train", "level", "floor", "gate", "door", "tier", "step", "phase", "plus", "minus", "times"]);

    /// <summary>
    /// A call sign said with the spelling-alphabet word of a call sign found: "copy adam twelve, adam fifteen is two
    /// minutes out", "four adam twelve four adam fifteen is en route". One to three number words after the word (and one
    /// before it, the district's), in place of a name read there.
    /// </summary>
    private void CallSignsLikeFound(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(Phonetic) || !TextHas(NumberWords))
        {
            return;
        }

        HashSet<string>? words = null;
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.BadgeId)
            {
                continue;
            }

            for (var k = FirstToken(span.Start); k < count && tokens[k].Start < span.End; k++)
            {
                if (IsWord(k) && In(Phonetic, k))
                {
                    (words ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(k).ToString());
                }
            }
        }

        if (words is null)
        {
            return;
        }

        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k + 1 < count; k++)
        {
            if (!IsWord(k) || !In(Phonetic, k) || !lookup.Contains(W(k)) || !IsNumberWord(k + 1) || Eq(k + 1, "oh") || !Spaced(k, k + 1))
            {
                continue;
            }

            var n = NumberWordsEnd(k + 1, k + 3);
            if (In(Counted, n) || IsWord(n) && tokens[n].Is(Lex.Measure))
            {
                continue;
            }

            var first = IsNumberWord(k - 1) && !Eq(k - 1, "oh") && Spaced(k - 1, k) && !Overlaps(spans, tokens[k - 1].Start, tokens[k - 1].End) ? k - 1 : k;
            var sign = new PiiSpan(tokens[first].Start, tokens[n - 1].End, PiiLabel.BadgeId);
            if (spans.Exists(s => s.Start < sign.End && sign.Start < s.End && s.Label != PiiLabel.Person) || Overlaps(added, sign.Start, sign.End))
            {
                continue;
            }

            RemoveOverlapping(spans, sign.Start, sign.End);
            added.Add(sign);
            k = n - 1;
        }
    }
}
