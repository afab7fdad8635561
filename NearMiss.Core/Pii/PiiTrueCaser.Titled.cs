namespace NearMiss.Core.Pii;

/// <summary>
/// Text With Every Word Capitalised, as some recorders and phones write speech: its capitals say nothing of names, so
/// its capitalised words are put in lower case first (letter for letter), and the text is then read as lower-case
/// prose. Words in capitals ("TSA", "HCMC") and with capitals inside ("McCoy") keep them.
/// </summary>
internal static partial class PiiTrueCaser
{
    /// <summary>
    /// The text with its capitalised words in lower case when it is written in title case throughout, or null. Title case
    /// is told by the little words inside sentences ("The", "And", "In", "Of"): at least eight of them, seven in ten
    /// capitalised. A title-case headline over prose in ordinary case is not enough.
    /// </summary>
    public static string? Untitle(string text, ReadOnlySpan<Token> tokens)
    {
        int little = 0, capitalised = 0;
        for (var k = 1; k < tokens.Length; k++)
        {
            ref readonly var t = ref tokens[k];
            if (t.Kind != TokenKind.Word || t.Length < 2 || !t.Is(Lex.Stop) || t.Has(TokenFlags.AllCaps | TokenFlags.SentenceStart | TokenFlags.NewlineBefore)
                || tokens[k - 1].Kind == TokenKind.Punct && text[tokens[k - 1].Start] is ':' or '"' or '(' or '[')
            {
                continue;
            }

            little++;
            capitalised += t.Has(TokenFlags.Capitalized) ? 1 : 0;
            if (little - capitalised >= 4 && little - capitalised > capitalised)
            {
                return null; // (ordinary prose shows itself in its first sentences)
            }
        }

        if (little < 8 || capitalised * 10 < little * 7)
        {
            return null;
        }

        var chars = text.ToCharArray();
        foreach (ref readonly var t in tokens)
        {
            // (a word with capitals inside, "McCoy", "DeShawn", keeps them: they are the writer's own)
            if (t.Kind == TokenKind.Word && t.Has(TokenFlags.Capitalized) && !text.AsSpan(t.Start + 1, t.Length - 1).ContainsAnyInRange('A', 'Z'))
            {
                chars[t.Start] = char.ToLowerInvariant(chars[t.Start]);
            }
        }

        return new string(chars);
    }
}
