namespace NearMiss.Core.Pii;

/// <summary>
/// Numbers in words joined by a hyphen, as speech-to-text and careful writers spell them ("twenty-two fifteen",
/// "seventy-eight", "the two eighty-five", "March twenty-first", "car three-eleven"): the hyphen between a tens word and
/// a units word or ordinal, or between a digit's word and a teen's or tens' word, becomes a space, character for
/// character, so the rules that read numbers said aloud read them as two words. Offsets are unchanged; the spans found
/// cover the hyphen.
/// </summary>
internal static class PiiSpokenNumbers
{
    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Digits = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private static readonly string[] TeensAndTens =
    [
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];

    /// <summary>The text with every tens-and-units hyphen made a space, or null when it has none.</summary>
    public static string? Unhyphenate(string text)
    {
        char[]? copy = null;
        for (var at = text.IndexOf('-'); at >= 0; at = text.IndexOf('-', at + 1))
        {
            if (JoinsNumberWords(text, at))
            {
                copy ??= text.ToCharArray();
                copy[at] = ' ';
            }
        }

        return copy is null ? null : new string(copy);
    }

    private static bool JoinsNumberWords(string text, int hyphen)
    {
        var start = hyphen;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        var end = hyphen + 1;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        if (start == hyphen || end == hyphen + 1 || start > 0 && char.IsLetterOrDigit(text[start - 1]) || end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            return false;
        }

        var left = text.AsSpan(start, hyphen - start);
        var right = text.AsSpan(hyphen + 1, end - hyphen - 1);
        var joined = IsAny(left, Tens) && (IsAny(right, Digits) || IsAny(right, Ordinals)) || IsAny(left, Digits) && IsAny(right, TeensAndTens); // "twenty-two", "three-eleven"
        return joined && (end == text.Length || text[end] != '-'); // ("forty-five-year-old" keeps its hyphens: an age with its unit)
    }

    private static bool IsAny(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
