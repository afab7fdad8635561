namespace NearMiss.Core.Pii;

/// <summary>
/// Call signs the radio says over and over: "Port twelve, Port. Port twelve go.", "412 copy i got him", "Forty-two, S.O.,
/// copy." A word and a number, or a number alone, that opens a turn or a sentence and goes on as only a unit's call does
/// ("copy", "go ahead", "en route", "on scene", a comma and the dispatcher), said so twice or more: then every mention,
/// and every other number after a word so said ("Port nine").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Words before a number that name a place, a post, a vehicle's kind or a code, not a unit's call: "station four", "code three".</summary>
    private static readonly WordSet NoCallWords = new(["code", "signal", "channel", "tac", "unit", "units", "car", "engine", "medic", "ladder", "truck", "rescue", "squad", "battalion",
        "station", "post", "exit", "gate", "room", "cell", "pod", "tier", "block", "mile", "route", "highway", "interstate", "district", "zone", "beat", "sector", "area", "building",
        "floor", "level", "platform", "track", "lane", "bay", "dock", "pier", "berth", "page", "step", "phase", "day", "hour", "minute", "copy", "number", "count", "bus", "train",
        "flight", "door", "window", "camera", "line", "case", "item", "seat", "row", "section", "aisle", "cart", "box", "bed", "lot", "slip", "marker", "boat", "vessel", "ten"]);

    private void RepeatedCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // (a call is marked only by what a unit says after it: a text with none of those words has none)
        if (!TextHas(NumberWords) && !Shapes.HasNumber(2, 4) || !TextHas(RadioWords, Dispatchers) && !TextHasWord("copies") && !TextHasWord("respond") && !TextHasWord("scene")
            && !TextHasWord("route") && !TextHasWord("ahead"))
        {
            return;
        }

        Span<char> digits = stackalloc char[16];
        Dictionary<string, int>? calls = null;
        for (var k = 0; k < count; k++)
        {
            if (CallAt(k, digits, out var length) is not (>= 0 and var last))
            {
                continue;
            }

            var next = last + 1;
            var answers = UnitAnswers(next) || RadioWordAt(next) || P(next, ',') && (In(Dispatchers, next + 1) || UnitAnswers(next + 1)) || AfterRadioMark(k)
                || Eq(next, "to") && In(Dispatchers, next + 1) // "transit twenty four to dispatch"
                || LineStart(k) && tokens[k].Has(TokenFlags.NewlineBefore) && Eq(next, "i") && P(next + 1, '\'') && Eq(next + 2, "m"); // "31 I'm at Erie northbound"

            if (answers && OpensCall(k))
            {
                var key = CallKey(k, digits[..length]);
                calls ??= [];
                calls[key] = calls.GetValueOrDefault(key) + 1;
                if (Caller(key) is { } caller)
                {
                    calls[caller] = calls.GetValueOrDefault(caller) + 1; // (the word's other units too: "Port nine en route")
                    var number = key[(caller.Length + 1)..];
                    calls[number] = calls.GetValueOrDefault(number) + 1; // (and its number said alone: "Transit 31 radio" ... "31 go")
                }
            }

            k = last;
        }

        if (calls is null)
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            if (CallAt(k, digits, out var length) is not (>= 0 and var last))
            {
                continue;
            }

            var key = CallKey(k, digits[..length]);

            // (a number alone only where a call stands: opening a turn or a sentence, or after "copy")
            var caller = Caller(key);
            if ((calls.GetValueOrDefault(key) >= 2 || caller is not null && calls.GetValueOrDefault(caller) >= 2) && (caller is not null || OpensCall(k) || Eq(k - 1, "copy")))
            {
                AddCallSign(spans, added, k, last, overName: true);
            }

            k = last;
        }
    }

    /// <summary>The word of a call sign's key ("port" of "port 12"), or null for a number alone.</summary>
    private static string? Caller(string key) => key.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space ? key[..space] : null;

    /// <summary>
    /// A call sign's words at <paramref name="k"/>: a word (no number, word of grammar or place's kind) and a number said
    /// in words or written in digits, or a number alone; its last token, or -1, and the number's digits in
    /// <paramref name="digits"/> (<paramref name="length"/> of them).
    /// </summary>
    private int CallAt(int k, Span<char> digits, out int length)
    {
        length = 0;
        var word = HasCallWord(k);
        var n = word ? k + 1 : k;
        if (n >= count || n > 0 && n == k && (IsNumberWord(n - 1) || tokens[n - 1].Kind == TokenKind.Number) && Spaced(n - 1, n))
        {
            return -1;
        }

        int last;
        if (HyphenedDigitsEnd(n) is > 0 and var hyphened)
        {
            // "12-4", "3-2-0": the groups' digits ("124", "320")
            last = hyphened;
            for (var g = n; g <= last; g += 2)
            {
                W(g).CopyTo(digits[length..]);
                length += tokens[g].Length;
            }
        }
        else if (tokens[n].Kind == TokenKind.Number && tokens[n].Length is >= 2 and <= 4)
        {
            W(n).CopyTo(digits);
            length = tokens[n].Length;
            last = n;
        }
        else if (IsNumberWord(n) && !Eq(n, "ten") && SaidDigits(n, digits, out last) is >= 1 and <= 4 and var said && last - n < 3 && (word || said >= 2))
        {
            length = said;
        }
        else
        {
            return -1;
        }

        if (IsNumberWord(last + 1) && Spaced(last, last + 1) || last + 1 < count && tokens[last + 1].Kind == TokenKind.Number || EqAny(last + 1, "hours", "hrs", "hundred", "thousand"))
        {
            return -1;
        }

        return last;
    }

    /// <summary>
    /// The last group of a call sign written as digits joined by hyphens, two or three groups of one or two digits
    /// ("12-4", "3-2-0"), or -1; a ten-code ("10-4", "11-99") is none.
    /// </summary>
    private int HyphenedDigitsEnd(int n)
    {
        var last = n;
        while (last + 2 < count && last - n < 4 && tokens[last].Kind == TokenKind.Number && tokens[last].Length <= 2 && P(last + 1, '-')
            && tokens[last + 1].Start == tokens[last].End && tokens[last + 2].Start == tokens[last + 1].End && tokens[last + 2].Kind == TokenKind.Number && tokens[last + 2].Length <= 2)
        {
            last += 2;
        }

        return last > n && !EqAny(n, "10", "11") && !(last + 1 < count && tokens[last + 1].Start == tokens[last].End && !P(last + 1, ',')) ? last : -1;
    }

    /// <summary>Whether <paramref name="k"/> follows a transcript's mark of the radio heard: "[background radio] 124, he's behind the door".</summary>
    private bool AfterRadioMark(int k)
    {
        if (!P(k - 1, ']'))
        {
            return false;
        }

        for (var b = k - 2; b >= 0 && b >= k - 5 && !P(b, '['); b--)
        {
            if (EqAny(b, "radio", "scanner", "dispatch"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a call sign at <paramref name="k"/> opens with a word before its number ("Port twelve").</summary>
    private bool HasCallWord(int k) =>
        k + 1 < count && (tokens[k + 1].Kind == TokenKind.Number || IsNumberWord(k + 1)) && IsWord(k) && !IsNumberWord(k) && !Eq(k, "oh") && tokens[k].Length >= 3
        && !tokens[k].Is(Lex.Stop | Lex.Month | Lex.Weekday | Lex.Measure) && !In(NoCallWords, k) && !In(Counted, k) && Spaced(k, k + 1) && !tokens[k + 1].Has(TokenFlags.NewlineBefore);

    /// <summary>A call sign's key: its word in lower case and its digits ("port 12"), or its digits alone.</summary>
    private string CallKey(int k, ReadOnlySpan<char> number) =>
        HasCallWord(k) ? string.Concat(W(k).ToString().ToLowerInvariant(), " ", number) : number.ToString();

    /// <summary>What only a unit says after its number, or is told: "copy", "go ahead", "en route", "on scene", "respond".</summary>
    private bool UnitAnswers(int k) =>
        EqAny(k, "copy", "copies", "responding", "respond") || Eq(k, "go") && Eq(k + 1, "ahead") || Eq(k, "en") && Eq(k + 1, "route") || Eq(k, "on") && Eq(k + 1, "scene");

    /// <summary>
    /// A dispatcher's sign-off, a line that ends with the clock time said as a 24-hour time: "copy three charlie twelve
    /// twenty two nineteen", "copy marine fourteen sixteen twenty", "copy code four baker twelve twenty three eleven",
    /// "marine one code four fourteen thirty one". After "copy" or "code four", up to four words of a call sign (the last a
    /// number), then the hour (a teen, "twenty" and a unit, or "oh" and a digit) and the minutes ("nineteen", "forty two",
    /// "oh five") that end the line: the call sign and the time, in place of what was found inside them.
    /// </summary>
    private void SignOffClocks(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) || !TextHasWord("copy") && !TextHasWord("code"))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            var from = Eq(k, "copy") ? k + 1 : k;
            from = Eq(from, "code") && Eq(from + 1, "four") ? from + 2 : from;
            if (from == k)
            {
                continue;
            }

            // The line's words to its end, all words with no mark between.
            var end = from;
            while (end < count && IsWord(end) && !tokens[end].Has(TokenFlags.NewlineBefore) && end - from < 12)
            {
                end++;
            }

            if (end == from || end < count && !tokens[end].Has(TokenFlags.NewlineBefore) && !P(end, '.'))
            {
                continue;
            }

            var clock = ClockEndingAt(from, end - 1);
            if (clock < from || clock - from > 4 || clock > from && !IsNumberWord(clock - 1))
            {
                continue;
            }

            var time = new PiiSpan(tokens[clock].Start, tokens[end - 1].End, PiiLabel.Time);
            var sign = clock > from ? new PiiSpan(tokens[from].Start, tokens[clock - 1].End, PiiLabel.BadgeId) : (PiiSpan?)null;
            // (numbers found across them are read again: "four baker twelve twenty three" of "code four baker twelve twenty three eleven")
            var start = sign?.Start ?? time.Start;
            if (spans.Exists(x => OtherThanNumbersAcross(x, start, time.End)) || added.Exists(x => OtherThanNumbersAcross(x, start, time.End)))
            {
                continue;
            }

            spans.RemoveAll(x => x.Start < time.End && start < x.End);
            added.RemoveAll(x => x.Start < time.End && start < x.End);
            if (sign is { } s)
            {
                added.Add(s);
            }

            added.Add(time);
            k = end - 1;
        }
    }

    /// <summary>Whether <paramref name="span"/> reaches beyond the start or end given and is no call sign or time.</summary>
    private static bool OtherThanNumbersAcross(PiiSpan span, int start, int end) =>
        span.Start < end && start < span.End && (span.Start < start || span.End > end) && span.Label is not (PiiLabel.BadgeId or PiiLabel.Time);

    /// <summary>
    /// The first token, from <paramref name="from"/> on, of four figures said in words that end at
    /// <paramref name="last"/> and make a time of day ("twenty two nineteen", "sixteen forty two", "fifteen oh five"), or -1.
    /// </summary>
    private int ClockEndingAt(int from, int last)
    {
        Span<char> digits = stackalloc char[16];
        for (var c = from; c < last; c++)
        {
            if (IsNumberWord(c) && !Eq(c, "oh") && SaidDigits(c, digits, out var end) == 4 && end == last && digits[2] <= '5' && (digits[0] - '0') * 10 + (digits[1] - '0') <= 23)
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>
    /// What opens a call sign before the number found: the letter before "two fourteen" ("c two fourteen", a troop's
    /// letter), the number before a phonetic letter ("three charlie twelve", "1 Adam 12"), on the same line.
    /// </summary>
    private void CallSignLeads(List<PiiSpan> spans)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Label != PiiLabel.BadgeId)
            {
                continue;
            }

            var k = FirstToken(span.Start);
            if (k < 1 || k >= count || tokens[k].Start != span.Start || !Spaced(k - 1, k) || tokens[k].Has(TokenFlags.NewlineBefore))
            {
                continue;
            }

            var lead = IsNumberWord(k) && IsLetterAlone(k - 1) && !Eq(k - 1, "a") && (!Eq(k - 1, "i") || LineOpens(k - 1))
                || In(PhoneticLetters, k) && (IsNumberWord(k - 1) && NumberWords.Value(text, tokens[k - 1]) is >= 1 and <= 99 && (!IsNumberWord(k - 2) && !EqAny(k - 2, "code", "signal") || LineOpens(k - 1))
                    || tokens[k - 1].Kind == TokenKind.Number && tokens[k - 1].Length <= 2 && !(k >= 2 && tokens[k - 2].Kind == TokenKind.Number));
            if (lead && !Overlaps(spans, tokens[k - 1].Start, tokens[k - 1].End))
            {
                spans[i] = span with { Start = tokens[k - 1].Start };
            }
        }
    }

    /// <summary>Whether token <paramref name="k"/> opens its line.</summary>
    private bool LineOpens(int k) => k == 0 || tokens[k].Has(TokenFlags.NewlineBefore);
}
