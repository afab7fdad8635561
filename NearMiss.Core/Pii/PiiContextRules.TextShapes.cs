namespace NearMiss.Core.Pii;

/// <summary>
/// The text's shapes (decisions 055 and 076): what kinds of token it holds, read once and asked by every rule before it
/// reads a token, so that a rule passes over a text it cannot fire on.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// What kinds of token the text holds, read in one pass on the first question and shared by every rule: the
    /// words' <see cref="WordSet"/> bits (and how many sets all were read knowing), <see cref="Lex"/> and
    /// <see cref="LexExtra"/> flags and case flags OR-ed together, the lengths of its numbers, whether it has letters and
    /// digits in one token, which punctuation of the first 64 characters it has ("(", "-", "/", ":"), which letters it
    /// has as words alone ("p d", "m w") and the longest run of them. A rule that cannot fire without some such token
    /// asks this first and passes over a text that has none.
    /// </summary>
    private readonly record struct ShapesOfText(SetBits Sets, int SetsKnown, Lex Lex, LexExtra Extra, TokenFlags WordFlags, ulong NumberLengths, bool Alnum, ulong Puncts, uint Letters, int LetterRun)
    {
        /// <summary>Some word of the text has one of <paramref name="flags"/>.</summary>
        public bool HasLex(Lex flags) => (Lex & flags) != 0;

        /// <summary>Some word of the text has one of <paramref name="flags"/> ("AllCaps", "Lower").</summary>
        public bool HasWord(TokenFlags flags) => (WordFlags & flags) != 0;

        /// <summary>The text has a number of <paramref name="shortest"/> to <paramref name="longest"/> digits (up to 63).</summary>
        public bool HasNumber(int shortest, int longest) => (NumberLengths & (ulong.MaxValue >> (63 - longest)) & (ulong.MaxValue << shortest)) != 0;

        /// <summary>Some word of the text has one of <paramref name="extra"/>.</summary>
        public bool HasExtra(LexExtra extra) => (Extra & extra) != 0;

        /// <summary>Some word of the text is one of the ASCII letters <paramref name="letters"/> alone, in any case.</summary>
        public bool HasLetter(string letters)
        {
            foreach (var letter in letters)
            {
                if ((Letters & LetterBit(letter)) != 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Some word of the text is an ASCII letter alone other than "a" and "i" (the words a letter alone mostly is).</summary>
        public bool HasLetterBesidesAOrI => (Letters & ~(LetterBit('a') | LetterBit('i'))) != 0;

        public static uint LetterBit(char letter) => 1u << ((letter | 0x20) - 'a');

        /// <summary>The text may have the punctuation mark <paramref name="ch"/> as a token: false only for one of the first 64 characters it lacks.</summary>
        public bool HasPunct(char ch) => ch >= 64 || (Puncts & (1UL << ch)) != 0;
    }

    private ShapesOfText shapesOfText;

    /// <summary>
    /// For tests, on this thread: the text's shapes and cue words say "may have" to every question, so every rule reads
    /// every text. The spans must be the same as with the gates (<see cref="TextHas"/>, <see cref="TextHasWord"/> and
    /// <see cref="Shapes"/>), which only spare rules the texts they cannot fire on.
    /// </summary>
    [ThreadStatic]
    internal static bool AskEveryRule;

    private bool shapesRead;

    /// <summary>The shapes of the text, read on the first question (by reference: rules ask often, and it is not small).</summary>
    private ref readonly ShapesOfText Shapes
    {
        get
        {
            if (!shapesRead)
            {
                shapesOfText = ReadShapes();
                shapesRead = true;
            }

            return ref shapesOfText;
        }
    }

    private ShapesOfText ReadShapes()
    {
        if (AskEveryRule)
        {
            return new ShapesOfText(SetBits.All, 0, (Lex)uint.MaxValue, (LexExtra)byte.MaxValue, (TokenFlags)ushort.MaxValue,
                ulong.MaxValue, true, ulong.MaxValue, uint.MaxValue, int.MaxValue);
        }

        var sets = default(SetBits);
        var setsKnown = WordSet.MaxIndexed;
        var lex = Lex.None;
        var wordFlags = TokenFlags.None;
        var numberLengths = 0UL;
        var alnum = false;
        var puncts = 0UL;
        var extra = LexExtra.None;
        var letters = 0u;
        var letterRun = 0;
        var run = 0;
        for (var k = 0; k < count; k++)
        {
            ref var t = ref tokens[k];
            var alone = t.Kind == TokenKind.Word && t.Length == 1;
            var letter = alone && char.IsAsciiLetter(text[t.Start]);
            run = alone ? run + 1 : 0;
            letterRun = Math.Max(letterRun, run);
            switch (t.Kind)
            {
                case TokenKind.Word:
                    sets |= t.Sets;
                    setsKnown = Math.Min(setsKnown, t.SetsKnown);
                    lex |= t.Lex.Flags;
                    extra |= t.Lex.Extra;
                    wordFlags |= t.Flags;
                    letters |= letter ? ShapesOfText.LetterBit(text[t.Start]) : 0;
                    break;
                case TokenKind.Number:
                    numberLengths |= 1UL << Math.Min(t.Length, 63);
                    break;
                case TokenKind.Alnum:
                    alnum = true;
                    break;
                default:
                    if (text[t.Start] < 64)
                    {
                        puncts |= 1UL << text[t.Start];
                    }

                    break;
            }
        }

        return new ShapesOfText(sets, setsKnown, lex, extra, wordFlags, numberLengths, alnum, puncts, letters, letterRun);
    }
}
