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
    /// "four twelve", "four one two" or "four-twelve"), three digits or more, takes that id's label. The run is read
    /// whole: a longer number that holds the digits is another number.
    /// </summary>
    private void IdsSaidAgain(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords, DigitWords))
        {
            return;
        }

        Dictionary<string, PiiLabel>? known = null;
        foreach (var span in spans)
        {
            if (IsSaidAgainLabel(span.Label) && LastDigitRun(span.Start, span.End) is { } digits)
            {
                (known ??= [])[digits] = span.Label;
            }
        }

        if (known is null)
        {
            return;
        }

        Span<char> buffer = stackalloc char[16];
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
}
