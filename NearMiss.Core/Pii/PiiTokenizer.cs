using System.Globalization;

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
    public ulong Sets;

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
            token.Sets = 0;
            token.SetsKnown = 0;
            if (IsWordChar(c))
            {
                var letters = 0;
                var digits = 0;
                var upper = 0;
                var nonAscii = false;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    var ch = text[i];
                    if (char.IsAsciiDigit(ch))
                    {
                        digits++;
                    }
                    else
                    {
                        letters++;
                        if (ch < 128 ? char.IsAsciiLetterUpper(ch) : char.IsUpper(ch))
                        {
                            upper++;
                        }

                        nonAscii |= ch > 127;
                    }

                    i++;
                }

                token.End = i;
                token.Digits = digits;
                token.Kind = letters == 0 ? TokenKind.Number : digits == 0 ? TokenKind.Word : TokenKind.Alnum;
                if (digits > 0 && char.IsAsciiDigit(c))
                {
                    flags |= TokenFlags.DigitFirst;
                }

                if (nonAscii)
                {
                    flags |= TokenFlags.NonAscii;
                }

                if (letters > 0)
                {
                    if (upper == 0)
                    {
                        flags |= TokenFlags.Lower;
                    }
                    else if (upper == letters && letters > 1)
                    {
                        flags |= TokenFlags.AllCaps;
                    }
                    else if (char.IsUpper(c))
                    {
                        flags |= TokenFlags.Capitalized;
                    }
                }

                if (token.Kind == TokenKind.Word)
                {
                    var word = text.AsSpan(token.Start, token.End - token.Start);
                    if (words is null)
                    {
                        token.Lex = lexicon.Get(word);
                    }
                    else
                    {
                        token.Lex = words.Get(word, out token.Sets, out token.SetsKnown);
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

    /// <summary>A letter, a digit or a combining mark (ASCII first: most text is).</summary>
    private static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c)
            : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
