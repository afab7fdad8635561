using System.Buffers;

namespace NearMiss.Core.Pii;

/// <summary>
/// Numbers in words joined by a hyphen, as speech-to-text and careful writers spell them ("twenty-two fifteen",
/// "seventy-eight", "the two eighty-five", "March twenty-first", "car three-eleven"): the hyphen between a tens word and
/// a units word or ordinal, or between a digit's word and a teen's or tens' word, becomes a space, character for
/// character, so the rules that read numbers said aloud read them as two words. Offsets are unchanged; the spans found
/// cover the hyphen. So too the pauses a recorder writes as dots between the pieces of a number, a plate or an address
/// read out ("five oh nine... five five five... zero one four six", <see cref="Unpause"/>), and the fillers said between
/// them ("four four uh seven one", <see cref="Unfill"/>).
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

    /// <summary>
    /// The text with every pause written as dots ("...", "…") made spaces where it falls between the pieces of
    /// something read out: a number's words or digits, a letter, a phonetic letter, "dash" (in English or Spanish),
    /// and after those a direction or a filler ("one four... zero nine... north... uh... sullivan road", "charlie...
    /// victor... boy... six six one nine"); null when there is none. A pause before or after a capitalised word that is
    /// none of those stays: it may end a sentence.
    /// </summary>
    public static string? Unpause(string text)
    {
        char[]? copy = null;
        var chainEnd = -1; // (where the last pause made a space ends: a pause soon after it goes on reading out)
        for (var at = text.IndexOfAny(PauseStarts); at >= 0 && at < text.Length; at = text.IndexOfAny(PauseStarts, at))
        {
            var end = at;
            while (end < text.Length && (text[end] == '…' || text[end] == '.'))
            {
                end++;
            }

            if (end - at < 2 && text[at] == '.')
            {
                at = end;
                continue;
            }

            var left = WordBefore(text, at);
            var right = WordAfter(text, end);
            var chain = chainEnd >= 0 && left.Start >= chainEnd && left.Start - chainEnd <= 40 && text.AsSpan(chainEnd, left.Start - chainEnd).IndexOfAny(".,?!;:\n") < 0;
            var leftWord = text.AsSpan(left.Start, left.Length);
            var rightWord = text.AsSpan(right.Start, right.Length);
            var leftPiece = IsPiece(leftWord);
            var rightPiece = IsPiece(rightWord);
            var joins = left.Length > 0 && right.Length > 0
                && (leftPiece || IsSoft(leftWord) && chain) && (rightPiece || IsSoft(rightWord) || !IsCapitalised(rightWord))
                || left.Length > 0 && right.Length > 0 && !IsCapitalised(leftWord) && rightPiece;
            if (joins)
            {
                copy ??= text.ToCharArray();
                copy.AsSpan(at, end - at).Fill(' ');
                chainEnd = end;
            }

            at = end;
        }

        return copy is null ? null : new string(copy);
    }

    /// <summary>
    /// The text with every filler said between two pieces of something read out made spaces, as <see cref="Unpause"/>
    /// does with dots ("o s t four four uh seven one", "seven eight five uh five five five oh one nine three", "five four
    /// two um one one"); null when there is none. A filler after or before any other word stays.
    /// </summary>
    public static string? Unfill(string text)
    {
        char[]? copy = null;
        for (var from = 0; from < text.Length;)
        {
            var found = text.AsSpan(from).IndexOfAny(Fillers);
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            var end = text.IndexOf(' ', at + 1); // (the space after the filler, which may open the next one)
            var left = WordBefore(text, at + 1);
            var right = WordAfter(text, end);
            var leftWord = text.AsSpan(left.Start, left.Length);
            var rightWord = text.AsSpan(right.Start, right.Length);
            if (left.Length > 0 && right.Length > 0 && IsPiece(leftWord) && IsPiece(rightWord) && !SaidAgain(leftWord, rightWord))
            {
                copy ??= text.ToCharArray();
                copy.AsSpan(at + 1, end - at - 1).Fill(' ');
            }

            from = end;
        }

        return copy is null ? null : new string(copy);
    }

    /// <summary>A name of the spelling alphabet said again after a filler starts a name over, not a code ("william uh william dekker").</summary>
    private static bool SaidAgain(ReadOnlySpan<char> left, ReadOnlySpan<char> right) =>
        left.Length > 1 && left.Equals(right, StringComparison.OrdinalIgnoreCase) && IsAny(left, Pieces) && !IsAny(left, Digits) && !left.ContainsAnyInRange('0', '9');

    /// <summary>Fillers as speech-to-text writes them, each between spaces.</summary>
    private static readonly SearchValues<string> Fillers = SearchValues.Create([" uh ", " uhh ", " um ", " umm ", " uhm ", " er ", " erm "], StringComparison.OrdinalIgnoreCase);

    private static readonly char[] PauseStarts = ['.', '…'];

    /// <summary>Words that read out a number's or a code's pieces, besides the number words and single letters.</summary>
    private static readonly string[] Pieces =
    [
        "oh", "zero", "hundred", "thousand", "dash", "hyphen", "guion", "guión", "cero", "uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
        "alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa",
        "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "x-ray", "xray", "yankee", "zulu", "adam", "boy", "david", "edward", "frank", "george", "henry",
        "ida", "john", "king", "lincoln", "mary", "nora", "ocean", "paul", "queen", "robert", "sam", "tom", "union", "william", "young", "zebra", "baker", "niner",
    ];

    /// <summary>Words said between the pieces once reading out has begun: a direction, a filler, an apology.</summary>
    private static readonly string[] Soft = ["north", "south", "east", "west", "uh", "um", "umm", "er", "sorry"];

    private static bool IsPiece(ReadOnlySpan<char> word) =>
        word.Length == 1 && char.IsAsciiLetter(word[0]) && word[0] is not ('a' or 'A' or 'i' or 'I')
        || word.ContainsAnyInRange('0', '9')
        || IsAny(word, Digits) || IsAny(word, TeensAndTens) || IsAny(word, Pieces);

    private static bool IsSoft(ReadOnlySpan<char> word) => IsAny(word, Soft);

    /// <summary>A word with a capital first and a small letter after it ("Then"); a word in capitals or one letter is none.</summary>
    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 1 && char.IsUpper(word[0]) && char.IsLower(word[^1]);

    /// <summary>The word (letters, digits, hyphens) that ends just before <paramref name="at"/>, past spaces; empty when none.</summary>
    private static (int Start, int Length) WordBefore(string text, int at)
    {
        var end = at;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '-' && start - 1 > 0 && char.IsLetter(text[start - 2])))
        {
            start--;
        }

        return (start, end - start);
    }

    /// <summary>The word that starts at <paramref name="at"/>, past spaces; empty when none.</summary>
    private static (int Start, int Length) WordAfter(string text, int at)
    {
        var start = at;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '-' && end + 1 < text.Length && char.IsLetter(text[end + 1])))
        {
            end++;
        }

        return (start, end - start);
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
