using System.Globalization;
using System.Text;

namespace NearMiss.Core.Pii;

internal enum TokenKind : byte
{
    Word,
    Number,
    Alnum,
    Punct,
}

[Flags]
internal enum TokenFlags : ushort
{
    None = 0,
    SpaceBefore = 1,
    NewlineBefore = 2,
    Capitalized = 4,
    AllCaps = 8,
    Lower = 16,
    SentenceStart = 32,
    NonAscii = 64,
    DigitFirst = 128,
}

internal struct Token
{
    public int Start;
    public int End;
    public TokenKind Kind;
    public TokenFlags Flags;
    public int Digits;
    public LexEntry Lex;

    /// <summary>The <see cref="WordSet"/>s that hold the word, one bit each, for the first <see cref="SetsKnown"/> sets.</summary>
    public SetBits Sets;

    public int SetsKnown;

    public readonly int Length => End - Start;

    public readonly bool Has(TokenFlags flag) => (Flags & flag) != 0;

    public readonly bool Is(Lex flag) => (Lex.Flags & flag) != 0;
}

/// <summary>Splits text into word, number and punctuation tokens in one pass, looking every word up once.</summary>
internal static class PiiTokenizer
{
    public static int Tokenize(string text, PiiLexicon lexicon, ref Token[] tokens, PiiWordCache? words = null)
    {
        var count = 0;
        var flags = TokenFlags.SentenceStart;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                flags |= c is '\n' or '\r' ? TokenFlags.SpaceBefore | TokenFlags.NewlineBefore | TokenFlags.SentenceStart : TokenFlags.SpaceBefore;
                i++;
                continue;
            }

            if (count == tokens.Length)
            {
                Array.Resize(ref tokens, tokens.Length * 2);
            }

            ref var token = ref tokens[count];
            token.Start = i;
            token.Lex = default;
            token.Sets = default;
            token.SetsKnown = 0;
            if (IsWordChar(c))
            {
                var scan = ScanWord(text, i);
                i = scan.End;
                token.End = i;
                token.Digits = scan.Digits;
                token.Kind = scan.Letters == 0 ? TokenKind.Number : scan.Digits == 0 ? TokenKind.Word : TokenKind.Alnum;
                if (scan.Digits > 0 && char.IsAsciiDigit(c))
                {
                    flags |= TokenFlags.DigitFirst;
                }

                if (scan.NonAscii)
                {
                    flags |= TokenFlags.NonAscii;
                }

                flags |= CaseOf(scan.Letters, scan.Upper, c);

                if (token.Kind == TokenKind.Word)
                {
                    var word = text.AsSpan(token.Start, token.End - token.Start);
                    if (words is null)
                    {
                        token.Lex = lexicon.Get(word);
                    }
                    else
                    {
                        token.Lex = words.Get(word, scan.Hash, out token.Sets, out token.SetsKnown);
                    }
                }
            }
            else
            {
                i++;
                token.End = i;
                token.Kind = TokenKind.Punct;
                token.Digits = 0;
            }

            token.Flags = flags;
            count++;
            flags = c switch
            {
                '.' or '!' or '?' or ':' or ';' when !IsAbbreviationPeriod(text, tokens, count) => TokenFlags.SentenceStart,
                '"' or '\'' or '(' or '“' or '‘' => token.Flags & TokenFlags.SentenceStart,

                // A bullet opening a line ("- Unfamiliarity with ...") starts a sentence of its own.
                '-' or '•' or '*' or '–' or '—' when token.Flags.HasFlag(TokenFlags.NewlineBefore) || count == 1 => TokenFlags.SentenceStart,
                _ => TokenFlags.None,
            };
        }

        return count;
    }

    /// <summary>
    /// The tokens of <paramref name="recased"/>, given the <paramref name="count"/> tokens of <paramref name="original"/>:
    /// the same text with the case of some letters changed (<see cref="PiiTrueCaser"/>, same length, same offsets).
    /// A word changed only in ASCII letters keeps its boundaries, kind, entry and word sets (the lexicon and the sets
    /// ignore case), so only its case flags are read again; the text is tokenized afresh when any other character changed.
    /// </summary>
    public static int Retokenize(string original, string recased, PiiLexicon lexicon, ref Token[] tokens, int count, PiiWordCache? words = null)
    {
        if (original.Length != recased.Length)
        {
            return Tokenize(recased, lexicon, ref tokens, words);
        }

        // From one changed character to the next (the text between is compared in one call, not token by token).
        var k = 0;
        var from = 0;
        while (true)
        {
            var changed = from + original.AsSpan(from).CommonPrefixLength(recased.AsSpan(from));
            if (changed == original.Length)
            {
                return count;
            }

            // The tokens ending before the change are unchanged; the change is in the next one, or in the space before it.
            while (k < count && tokens[k].End <= changed)
            {
                k++;
            }

            if (k == count)
            {
                return Tokenize(recased, lexicon, ref tokens, words);
            }

            ref var token = ref tokens[k];
            if (changed < token.Start || token.Kind == TokenKind.Punct
                || !Ascii.IsValid(original.AsSpan(token.Start, token.Length)) || !Ascii.IsValid(recased.AsSpan(token.Start, token.Length)))
            {
                return Tokenize(recased, lexicon, ref tokens, words);
            }

            token.Flags = token.Flags & ~(TokenFlags.Lower | TokenFlags.AllCaps | TokenFlags.Capitalized) | AsciiCaseOf(recased.AsSpan(token.Start, token.Length));
            from = token.End;
            k++;
        }
    }

    /// <summary>
    /// The word starting at <paramref name="start"/>, read in one pass: where it ends, its letters (all but ASCII digits),
    /// digits and capitals, whether it has a character beyond ASCII, and its <see cref="PiiWordCache.Hash"/>. A method of
    /// its own, so that its counts stay in registers.
    /// </summary>
    private static WordScan ScanWord(string text, int start)
    {
        int letters = 0, digits = 0, upper = 0;
        var nonAscii = false;
        var hash = PiiWordCache.HashSeed;
        var i = start;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsAsciiDigit(ch))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(ch))
            {
                letters++;
                if (char.IsAsciiLetterUpper(ch))
                {
                    upper++;
                }
            }
            else if (ch > 127 && IsOtherWordChar(ch))
            {
                letters++;
                nonAscii = true;
                if (char.IsUpper(ch))
                {
                    upper++;
                }
            }
            else
            {
                break;
            }

            hash = PiiWordCache.Hash(hash, ch);
        }

        return new WordScan(i, letters, digits, upper, nonAscii, hash);
    }

    private readonly record struct WordScan(int End, int Letters, int Digits, int Upper, bool NonAscii, uint Hash);

    /// <summary>The case flags of an ASCII word or alphanumeric token, as <see cref="Tokenize"/> reads them.</summary>
    private static TokenFlags AsciiCaseOf(ReadOnlySpan<char> word)
    {
        int letters = 0, upper = 0;
        foreach (var ch in word)
        {
            if (char.IsAsciiLetter(ch))
            {
                letters++;
                if (char.IsAsciiLetterUpper(ch))
                {
                    upper++;
                }
            }
        }

        return CaseOf(letters, upper, word[0]);
    }

    /// <summary>Lower (no capital), all capitals (two letters or more) or capitalised (the first character a capital).</summary>
    private static TokenFlags CaseOf(int letters, int upper, char first) =>
        letters == 0 ? TokenFlags.None
            : upper == 0 ? TokenFlags.Lower
            : upper == letters && letters > 1 ? TokenFlags.AllCaps
            : char.IsUpper(first) ? TokenFlags.Capitalized
            : TokenFlags.None;

    private static bool IsAbbreviationPeriod(string text, Token[] tokens, int count)
    {
        if (text[tokens[count - 1].Start] != '.' || count < 2)
        {
            return false;
        }

        ref var previous = ref tokens[count - 2];
        if (previous.End != tokens[count - 1].Start || previous.Kind != TokenKind.Word)
        {
            return false;
        }

        return previous.Length == 1 || previous.Is(Lex.Rank) || previous.Is(Lex.Abbreviation);
    }

    /// <summary>A letter, a digit or a combining mark (ASCII first: most text is; small enough to be inlined).</summary>
    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : IsOtherWordChar(c);

    /// <summary>A letter, a digit or a combining mark beyond ASCII.</summary>
    private static bool IsOtherWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
