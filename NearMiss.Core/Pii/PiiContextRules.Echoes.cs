namespace NearMiss.Core.Pii;

/// <summary>
/// An id found in digits and said again in words, as radio traffic and transcripts say it: "G-412: Troop G, four
/// twelve", "Ofc. Grant #1187 … one one eight seven, priority", "Yellow Horse (204) … Two-oh-four is coming".
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>The labels of ids a speaker says again aloud: badges and call signs, patrol cars.</summary>
    private static bool IsSaidAgainLabel(PiiLabel label) => label is PiiLabel.BadgeId or PiiLabel.VehicleId;

    /// <summary>
    /// Every run of number words that reads as the digits of a badge, call sign or car number found ("412" of "G-412" as
    /// "four twelve", "four one two" or "four-twelve"; or said so itself), three digits or more, takes that id's label. The run is read
    /// whole: a longer number that holds the digits is another number.
    /// </summary>
    private void IdsSaidAgain(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords, DigitWords))
        {
            return;
        }

        Dictionary<string, PiiLabel>? known = null;
        Span<char> buffer = stackalloc char[16];
        foreach (var span in spans)
        {
            if (IsSaidAgainLabel(span.Label) && LastDigitRun(span.Start, span.End) is { } digits)
            {
                (known ??= [])[digits] = span.Label;
            }
            else if (IsSaidAgainLabel(span.Label) && FirstToken(span.Start) is var k && IsNumberWord(k) && tokens[k].Start == span.Start
                && SaidDigits(k, buffer, out var last) is >= 3 and var length && tokens[last].End == span.End)
            {
                (known ??= [])[buffer[..length].ToString()] = span.Label; // (an id said in words: "motor five fourteen")
            }
        }

        if (known is null)
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            if (!IsNumberWord(k) || k > 0 && (IsNumberWord(k - 1) && Spaced(k - 1, k) || k > 1 && JoinsNumberWords(k - 1) && IsNumberWord(k - 2)))
            {
                continue;
            }

            var length = SaidDigits(k, buffer, out var last);
            if (length >= 3 && known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer[..length], out var label)
                && !Overlaps(spans, tokens[k].Start, tokens[last].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[last].End, label));
            }

            k = last;
        }
    }

    /// <summary>
    /// A badge's or car's number of three to five digits found once, written again alone: "WE PARKED CAR 5207 … INTO THE
    /// REAR OF 5207". A number found as something else (a time, an address) stays what it is.
    /// </summary>
    private void DigitIdsAgain(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(3, 5))
        {
            return;
        }

        Dictionary<string, PiiLabel>? known = null;
        foreach (var span in spans)
        {
            var k = FirstToken(span.Start);
            if (IsSaidAgainLabel(span.Label) && k >= 0 && tokens[k].Start == span.Start && tokens[k].End == span.End && tokens[k].Kind == TokenKind.Number && tokens[k].Length is >= 3 and <= 5)
            {
                (known ??= [])[W(k).ToString()] = span.Label;
            }
        }

        if (known is null)
        {
            return;
        }

        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < count; k++)
        {
            if (tokens[k].Kind == TokenKind.Number && tokens[k].Length is >= 3 and <= 5 && tokens[k].Has(TokenFlags.SpaceBefore) && !(k + 1 < count && tokens[k + 1].Start == tokens[k].End && !P(k + 1, '.') && !P(k + 1, ','))
                && lookup.TryGetValue(W(k), out var label) && !Overlaps(spans, tokens[k].Start, tokens[k].End) && !Overlaps(added, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, label));
            }
        }
    }

    /// <summary>
    /// A number of six to twelve digits standing alone that no recogniser claimed ("inmate Luis Ybarra-Solis, number
    /// 01977310,", "(OID 254119)"): an inmate's, booking or licence number, none a count (no sum of money, no unit or
    /// counted noun after it). Five digits are codes and mileages as often ("arrested for a 23152").
    /// </summary>
    private void LongNumbers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(6, 12))
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            ref var t = ref tokens[k];
            if (t.Kind == TokenKind.Number && t.Length is >= 6 and <= 12 && !(k > 0 && tokens[k - 1].End == t.Start) && !(k + 1 < count && tokens[k + 1].Start == t.End && !P(k + 1, '.') && !P(k + 1, ',') && !P(k + 1, ')'))
                && !(IsWord(k + 1) && (tokens[k + 1].Is(Lex.Measure) || In(CountedNouns, k + 1))) && !Overlaps(spans, t.Start, t.End) && !Overlaps(added, t.Start, t.End))
            {
                added.Add(new PiiSpan(t.Start, t.End, PiiLabel.OtherId));
            }
        }
    }

    /// <summary>What a large number counts: a sum, people, views.</summary>
    private static readonly WordSet CountedNouns = new(["dollars", "bucks", "people", "residents", "views", "followers", "calls", "visitors", "cars", "vehicles"]);

    /// <summary>The last run of three to five digits in the text from <paramref name="start"/> to <paramref name="end"/>, or null.</summary>
    private string? LastDigitRun(int start, int end)
    {
        var runEnd = end;
        while (runEnd > start && !char.IsAsciiDigit(text[runEnd - 1]))
        {
            runEnd--;
        }

        var runStart = runEnd;
        while (runStart > start && char.IsAsciiDigit(text[runStart - 1]))
        {
            runStart--;
        }

        return runEnd - runStart is >= 3 and <= 5 ? text[runStart..runEnd] : null;
    }

    /// <summary>
    /// The digits a run of number words from <paramref name="k"/> says, written into <paramref name="digits"/>: each word
    /// its digits ("four" 4, "twelve" 12, "oh" 0), a ten with its unit one number ("thirty-one" 31, "twenty" 20); the
    /// words joined by spaces or hyphens on one line. Its length, and its last token in <paramref name="last"/>; 0 if too long.
    /// </summary>
    private int SaidDigits(int k, Span<char> digits, out int last)
    {
        var length = 0;
        var n = k;
        last = k;
        while (true)
        {
            var value = Eq(n, "oh") ? 0 : NumberWords.Value(text, tokens[n]);
            last = n;
            if (value >= 20)
            {
                var unit = JoinsNumberWords(n + 1) ? n + 2 : IsWord(n + 1) && Spaced(n, n + 1) ? n + 1 : -1;
                if (unit > 0 && !Eq(unit, "oh") && NumberWords.Value(text, tokens[unit]) is >= 1 and <= 9 and var more)
                {
                    value += more;
                    last = unit;
                }
            }

            var width = value >= 10 ? 2 : 1;
            if (length + width > digits.Length)
            {
                return 0;
            }

            if (width == 2)
            {
                digits[length++] = (char)('0' + value / 10);
            }

            digits[length++] = (char)('0' + value % 10);
            if (JoinsNumberWords(last + 1))
            {
                n = last + 2;
            }
            else if (IsNumberWord(last + 1) && Spaced(last, last + 1))
            {
                n = last + 1;
            }
            else
            {
                return length;
            }
        }
    }

    /// <summary>
    /// A call sign found in letters and digits ("S14:", "3A21:", "K9-2:", "6A2") said again in words: "S fourteen", "three
    /// adam twenty one", "K9 two", "SIX ADAM TWO". A district's number said first, a letter alone or said in the spelling
    /// alphabet, and the unit's number said after it read as the call sign written.
    /// </summary>
    private void CallSignsSaidAsWritten(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.Alnum || !TextHas(NumberWords))
        {
            return;
        }

        HashSet<string>? known = null;
        foreach (var span in spans)
        {
            if (span.Label == PiiLabel.BadgeId && span.End - span.Start is >= 3 and <= 7 && WrittenCallSign(text.AsSpan(span.Start, span.End - span.Start)) is { } sign)
            {
                (known ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(sign);
            }
        }

        if (known is null)
        {
            return;
        }

        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> said = stackalloc char[24];
        for (var k = 0; k + 1 < count; k++)
        {
            if (IsNumberWord(k - 1) && Spaced(k - 1, k) || !IsNumberWord(k) && !IsCallLetter(k))
            {
                continue;
            }

            // The district's number, when said, then the letter and the unit's number.
            var length = 0;
            var letter = k;
            if (IsNumberWord(k))
            {
                length = SaidDigits(k, said, out var lead);
                letter = lead + 1;
                if (length == 0 || !Spaced(lead, letter) || !IsCallLetter(letter))
                {
                    continue;
                }
            }

            var unit = letter + 1;
            if (!IsNumberWord(unit) || !Spaced(letter, unit))
            {
                continue;
            }

            var w = W(letter);
            var letters = tokens[letter].Kind == TokenKind.Alnum ? w.Length : 1;
            if (length + letters + 4 > said.Length)
            {
                continue;
            }

            w[..letters].CopyTo(said[length..]);
            length += letters;
            var tail = SaidDigits(unit, said[length..], out var last);
            if (tail == 0)
            {
                continue;
            }

            var first = lookup.Contains(said[..(length + tail)]) ? k : letter != k && lookup.Contains(said[(length - letters)..(length + tail)]) ? letter : -1;
            var sign = first >= 0 ? new PiiSpan(tokens[first].Start, tokens[last].End, PiiLabel.BadgeId) : default;
            if (first >= 0 && !Overlaps(added, sign.Start, sign.End) && !OverlapsBeyond(spans, sign))
            {
                RemoveWithin(spans, sign.Start, sign.End);
                added.Add(sign);
                k = last;
            }
        }
    }

    /// <summary>The letter of a call sign said: a letter alone, a word of the spelling alphabets, or letters and a digit written ("K9").</summary>
    private bool IsCallLetter(int k) =>
        k < count && (IsWord(k) && (tokens[k].Length == 1 && !Eq(k, "a") && !Eq(k, "i") || In(Phonetic, k) || In(PhoneticLetters, k))
            || tokens[k].Kind == TokenKind.Alnum && tokens[k].Length <= 3 && !tokens[k].Has(TokenFlags.DigitFirst));

    /// <summary>
    /// A call sign written in letters and digits, as it is said: its digits and its letters, the spelling alphabet's words
    /// by their first letter ("3A21", "S14", "K92" for "K9-2"); null for one with no letter or no digit.
    /// </summary>
    private static string? WrittenCallSign(ReadOnlySpan<char> sign)
    {
        Span<char> chars = stackalloc char[8];
        var n = 0;
        bool letter = false, digit = false;
        foreach (var c in sign)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) || n == chars.Length)
            {
                return null;
            }

            letter |= char.IsAsciiLetter(c);
            digit |= char.IsAsciiDigit(c);
            chars[n++] = c;
        }

        return letter && digit && n >= 3 ? chars[..n].ToString() : null; // (not "K9", the dogs' unit)
    }
}
