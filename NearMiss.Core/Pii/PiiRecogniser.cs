namespace NearMiss.Core.Pii;

/// <summary>
/// A recogniser of one entity family (decision 030): its rules look at one token position of the text at a time and
/// return the token after what they claimed, 0 when they do not apply, or <see cref="Stop"/> to claim the position
/// without a span (no later rule of the registry is tried there). The shared token helpers live here; each recogniser
/// reaches the others through <see cref="PiiScan"/> when one family's shape is part of another's ("Overland Park PD").
/// </summary>
internal abstract class PiiRecogniser
{
    /// <summary>Returned by a rule that owns its position but emits nothing there (no later rule is tried).</summary>
    public const int Stop = -1;

    protected readonly PiiScan scan;
    protected readonly string text;
    protected readonly Token[] tokens;
    protected readonly int count;
    protected readonly PiiLexicon lexicon;
    protected readonly List<PiiSpan> spans;

    protected PiiRecogniser(PiiScan scan)
    {
        this.scan = scan;
        text = scan.Text;
        tokens = scan.Tokens;
        count = scan.Count;
        lexicon = scan.Lexicon;
        spans = scan.Spans;
    }

    /// <summary>The text is lower case throughout (names and places are read without capitals).</summary>
    protected bool LowerMode => scan.LowerMode;

    /// <summary>The text is mostly ALL-CAPS (capitals carry no evidence).</summary>
    protected bool CapsMode => scan.CapsMode;

    /// <summary>The text speaks of a police dog (a name after "partner" or "K9" is the dog's).</summary>
    protected bool DogContext => scan.DogContext;

    protected ref Token T(int i) => ref tokens[i];

    protected ReadOnlySpan<char> W(int i) => text.AsSpan(tokens[i].Start, tokens[i].Length);

    protected bool Eq(int i, string word) => i >= 0 && i < count && tokens[i].Length == word.Length && W(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    protected bool EqAny(int i, params ReadOnlySpan<string> words)
    {
        if (i < 0 || i >= count)
        {
            return false;
        }

        var w = W(i);
        foreach (var word in words)
        {
            // (the first letters, their case set aside, before the whole word: most words differ there)
            if (w.Length == word.Length && (w[0] | 0x20) == (word[0] | 0x20) && w.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    protected bool P(int i, char c) => (uint)i < (uint)count && tokens[i].Kind == TokenKind.Punct && text[tokens[i].Start] == c;

    protected bool Adj(int i) => i < count && !tokens[i].Has(TokenFlags.SpaceBefore);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    protected bool IsWord(int i) => (uint)i < (uint)count && tokens[i].Kind == TokenKind.Word;

    protected bool Cap(int i) => IsWord(i) && tokens[i].Has(TokenFlags.Capitalized);

    protected bool Is(int i, Lex flag) => i >= 0 && i < count && tokens[i].Is(flag);

    protected bool IsNum(int i) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Number;

    /// <summary>
    /// Whether token i is a number of <paramref name="minLength"/> to <paramref name="maxLength"/> digits. A number token
    /// is all ASCII digits and is never followed by a letter or a digit, so a pattern that reads so many digits and then
    /// a separator can match at it only when this holds and <see cref="CharAfter"/> is that separator.
    /// </summary>
    protected bool IsNumOfLength(int i, int minLength, int maxLength) =>
        IsNum(i) && tokens[i].Length >= minLength && tokens[i].Length <= maxLength;

    /// <summary>The character just after token i, or '\0' at the end of the text.</summary>
    protected char CharAfter(int i) => tokens[i].End < text.Length ? text[tokens[i].End] : '\0';

    protected bool IsInitial(int i) => IsWord(i) && tokens[i].Length == 1 && char.IsUpper(text[tokens[i].Start]) && P(i + 1, '.') && Adj(i + 1);

    protected int Value(int i)
    {
        var value = 0;
        foreach (var c in W(i))
        {
            value = (value * 10) + (c - '0');
            if (value > 1_000_000)
            {
                break;
            }
        }

        return value;
    }

    protected void Emit(int first, int endExclusive, PiiLabel label) =>
        spans.Add(new PiiSpan(tokens[first].Start, tokens[endExclusive - 1].End, label));

    protected int EmitChars(int start, int length, PiiLabel label)
    {
        spans.Add(new PiiSpan(start, start + length, label));
        return TokenAfter(start + length);
    }

    protected int TokenAfter(int charEnd)
    {
        // Tokens are sorted by start: binary search for the first that starts at or after charEnd.
        var lo = 0;
        var hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[mid].Start < charEnd)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>End (exclusive) of an identifier: word/number tokens joined by '-', '/' or '.' without spaces.</summary>
    protected int IdEnd(int i)
    {
        if (i >= count || tokens[i].Kind == TokenKind.Punct)
        {
            return i;
        }

        var j = i + 1;
        while (j + 1 < count && Adj(j) && Adj(j + 1) && (P(j, '-') || P(j, '/') || P(j, '.')) && tokens[j + 1].Kind != TokenKind.Punct)
        {
            j += 2;
        }

        return j;
    }

    protected bool HasDigit(int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (tokens[k].Digits > 0)
            {
                return true;
            }
        }

        return false;
    }

    protected ReadOnlySpan<char> Chars(int first, int end) => text.AsSpan(tokens[first].Start, tokens[end - 1].End - tokens[first].Start);

    protected bool IsMeasure(int i) => Is(i, Lex.Measure) || P(i, '%');

    /// <summary>A unit after a number, "in" not when a determiner follows it ("beat 1133 in the 11th district").</summary>
    protected bool IsUnitAfterNumber(int i) => IsMeasure(i) && !(Eq(i, "in") && EqAny(i + 1, "the", "a", "an", "his", "her", "my", "our", "their", "that", "this"));

    protected bool IsOrdinal(int i) => IsOrdinalWord(W(i));

    /// <summary>A number with an ordinal's ending: "1st", "22nd", "5th" (the ending after a digit, in any case).</summary>
    public static bool IsOrdinalWord(ReadOnlySpan<char> w) =>
        w.Length >= 3 && (w.EndsWith("st", StringComparison.OrdinalIgnoreCase) || w.EndsWith("nd", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("rd", StringComparison.OrdinalIgnoreCase) || w.EndsWith("th", StringComparison.OrdinalIgnoreCase)) && char.IsAsciiDigit(w[^3]);

    /// <summary>An ordinal on its own ("5th", not "5th-grade"): a street, a sub-unit or a day of a month.</summary>
    protected bool IsLoneOrdinal(int i) =>
        i < count && tokens[i].Kind == TokenKind.Alnum && tokens[i].Has(TokenFlags.DigitFirst) && IdEnd(i) == i + 1 && IsOrdinal(i);

    /// <summary>
    /// A capitalised word that may be a person or a place (the people and places rules that read one word): not a
    /// function word, and not a brand unless it is also a state.
    /// </summary>
    protected bool IsProperNounCandidate(int i)
    {
        ref var t = ref tokens[i];
        return t.Kind == TokenKind.Word && t.Has(TokenFlags.Capitalized) && !(t.Is(Lex.Stop) || t.Is(Lex.Brand) && !t.Is(Lex.State));
    }

    protected bool LastIs(PiiLabel label, int before, int maxGap)
    {
        if (spans.Count == 0)
        {
            return false;
        }

        var last = spans[^1];
        return last.Label == label && before - last.End <= maxGap && before >= last.End;
    }

    protected int CountDigits(int start, int length)
    {
        var digits = 0;
        foreach (var c in text.AsSpan(start, length))
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return digits;
    }
}
