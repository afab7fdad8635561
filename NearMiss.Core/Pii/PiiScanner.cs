namespace NearMiss.Core.Pii;

/// <summary>The rules, applied left to right over the tokens of one text; see <see cref="LocalPiiDetector"/>.</summary>
internal sealed partial class PiiScanner
{
    private readonly string text;
    private readonly Token[] tokens;
    private readonly int count;
    private readonly PiiLexicon lexicon;
    private readonly bool lowerText;
    private readonly List<PiiSpan> _spans = [];
    private bool _lowerMode;
    private bool _capsMode;
    private bool _dogContext;

    public PiiScanner(string text, Token[] tokens, int count, PiiLexicon lexicon, bool lowerText = false)
    {
        this.text = text;
        this.tokens = tokens;
        this.count = count;
        this.lexicon = lexicon;
        this.lowerText = lowerText;
    }

    public List<PiiSpan> Run()
    {
        DetectMode();
        var i = 0;
        while (i < count)
        {
            var next = TryAt(i);
            i = next > i ? next : i + 1;
        }

        Propagate();
        return _spans;
    }

    // ------------------------------------------------------------------ helpers
    private ref Token T(int i) => ref tokens[i];

    private ReadOnlySpan<char> W(int i) => text.AsSpan(tokens[i].Start, tokens[i].Length);

    private bool Eq(int i, string word) => i >= 0 && i < count && W(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool EqAny(int i, params ReadOnlySpan<string> words)
    {
        if (i < 0 || i >= count)
        {
            return false;
        }

        var w = W(i);
        foreach (var word in words)
        {
            if (w.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool P(int i, char c) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Punct && text[tokens[i].Start] == c;

    private bool Adj(int i) => i < count && !tokens[i].Has(TokenFlags.SpaceBefore);

    private bool IsWord(int i) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Word;

    private bool Cap(int i) => IsWord(i) && tokens[i].Has(TokenFlags.Capitalized);

    private bool Is(int i, Lex flag) => i >= 0 && i < count && tokens[i].Is(flag);

    private bool IsNum(int i) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Number;

    private bool IsInitial(int i) => IsWord(i) && tokens[i].Length == 1 && char.IsUpper(text[tokens[i].Start]) && P(i + 1, '.') && Adj(i + 1);

    private int Value(int i)
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

    private void Emit(int first, int endExclusive, PiiLabel label) =>
        _spans.Add(new PiiSpan(tokens[first].Start, tokens[endExclusive - 1].End, label));

    private int EmitChars(int start, int length, PiiLabel label)
    {
        _spans.Add(new PiiSpan(start, start + length, label));
        return TokenAfter(start + length);
    }

    private int TokenAfter(int charEnd)
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
    private int IdEnd(int i)
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

    private bool HasDigit(int first, int end)
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

    private ReadOnlySpan<char> Chars(int first, int end) => text.AsSpan(tokens[first].Start, tokens[end - 1].End - tokens[first].Start);

    private void DetectMode()
    {
        int upper = 0, letters = 0;
        for (var k = 0; k < count; k++)
        {
            ref var t = ref tokens[k];
            if (t.Kind == TokenKind.Punct)
            {
                continue;
            }

            if (t.Kind == TokenKind.Word)
            {
                letters++;
                if (t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Capitalized))
                {
                    upper++;
                }

                if (!_dogContext && (Eq(k, "dog") || Eq(k, "canine") || Eq(k, "k9") || Eq(k, "handler")))
                {
                    _dogContext = true;
                }
            }
            else if (!_dogContext && Eq(k, "k9"))
            {
                _dogContext = true;
            }
        }

        _lowerMode = lowerText || letters > 8 && upper * 50 < letters;
        var caps = 0;
        for (var k = 0; k < count; k++)
        {
            if (tokens[k].Has(TokenFlags.AllCaps))
            {
                caps++;
            }
        }

        _capsMode = letters > 8 && caps * 10 > letters * 6;
    }

    // ------------------------------------------------------------------ dispatch
    private int TryAt(int i)
    {
        ref var t = ref T(i);
        var first = text[t.Start];

        // E-mail and URLs: only where the whitespace-delimited run holds '@' or starts like a URL.
        if (t.Kind != TokenKind.Punct)
        {
            if (ContainsAt(t.Start))
            {
                var length = PiiPatterns.MatchLength(PiiPatterns.Email(), text, t.Start, 256);
                if (length > 0)
                {
                    return EmitChars(t.Start, length, PiiLabel.Email);
                }
            }

            if ((first is 'h' or 'H' or 'w' or 'W') && (EqAny(i, "http", "https", "www")))
            {
                var length = PiiPatterns.MatchLength(PiiPatterns.Url(), text, t.Start, 256);
                if (length > 0)
                {
                    while (length > 0 && text[t.Start + length - 1] is '.' or ',' or ')' or ';')
                    {
                        length--;
                    }

                    return EmitChars(t.Start, length, PiiLabel.OtherId);
                }
            }
        }

        if (t.Kind == TokenKind.Punct)
        {
            return PunctRules(i);
        }

        if (t.Has(TokenFlags.DigitFirst))
        {
            return NumberRules(i);
        }

        if (t.Kind == TokenKind.Alnum)
        {
            return AlnumRules(i);
        }

        return WordRules(i);
    }

    private bool ContainsAt(int start)
    {
        for (var k = start; k < text.Length && k < start + 128; k++)
        {
            var c = text[k];
            if (c == '@')
            {
                return true;
            }

            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return false;
    }

    // ------------------------------------------------------------------ punctuation
    private int PunctRules(int i)
    {
        var c = text[tokens[i].Start];
        if ((c == '(' || c == '+') && IsNum(i + 1) && Adj(i + 1))
        {
            // "(41)" right after a name is an age.
            if (c == '(' && P(i + 2, ')') && tokens[i + 1].Length <= 3 && Value(i + 1) <= 120 && LastIs(PiiLabel.Person, tokens[i].Start, 2))
            {
                Emit(i + 1, i + 2, PiiLabel.Age);
                return i + 3;
            }

            var length = PiiPatterns.MatchLength(PiiPatterns.Phone(), text, tokens[i].Start);
            if (length == 0 && c == '(' && CallSignInParens(i) is var callSign and > 0)
            {
                return callSign;
            }

            if (length > 0 && CountDigits(tokens[i].Start, length) >= 7)
            {
                return EmitChars(tokens[i].Start, length, PiiLabel.Phone);
            }
        }

        if (c == '(' && IsWord(i + 1) && Adj(i + 1) && CallSignInParens(i) is var sign and > 0)
        {
            return sign;
        }

        if (c == '#' && i + 1 < count && Adj(i + 1) && tokens[i + 1].Digits > 0)
        {
            var end = IdEnd(i + 1);
            var label = Is(i - 1, Lex.UnitDesignator) ? PiiLabel.Address : PiiLabel.BadgeId;
            Emit(i + 1, end, label);
            return end;
        }

        return 0;
    }

    /// <summary>"Tpr. Jonah Amaktoolik (B-21)": a short call sign in parentheses right after a name.</summary>
    private int CallSignInParens(int i)
    {
        if (!LastIs(PiiLabel.Person, tokens[i].Start, 1) || !Adj(i + 1))
        {
            return 0;
        }

        var end = IdEnd(i + 1);
        if (end == i + 1 || !P(end, ')') || !HasDigit(i + 1, end) || tokens[i + 1].Length > 3 || tokens[i + 1].Has(TokenFlags.Lower) || tokens[end - 1].Length > 5)
        {
            return 0;
        }

        Emit(i + 1, end, PiiLabel.BadgeId);
        return end + 1;
    }

    private bool LastIs(PiiLabel label, int before, int maxGap)
    {
        if (_spans.Count == 0)
        {
            return false;
        }

        var last = _spans[^1];
        return last.Label == label && before - last.End <= maxGap && before >= last.End;
    }

    private int CountDigits(int start, int length)
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
