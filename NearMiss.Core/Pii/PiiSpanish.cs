namespace NearMiss.Core.Pii;

/// <summary>
/// Spanish words read as names or places in a report dictated partly in Spanish ("la señora", "a la casa", "a eso de
/// las cuatro", "una llave de cruz"): where the text speaks Spanish (its little words, "de", "la", "que", "por", come
/// often), a person, place or agency found that is only such words goes. The words are also a state's initials ("LA"),
/// a name ("Ella", "Cruz") or a place's word in English text, so they are not listed as never PII.
/// </summary>
internal static class PiiSpanish
{
    /// <summary>Words of grammar and of everyday Spanish that a span made only of is no name or place (Data/spanish-words.txt).</summary>
    private static readonly HashSet<string> Common = new(PiiLexicon.ReadLines("spanish-words.txt"), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonLookup = Common.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The larger Spanish word list, no name nor place of the gazetteers (Data/spanish-more-words.txt), read the first time a text speaks Spanish.</summary>
    private static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> More = new(static () =>
        new HashSet<string>(PiiLexicon.ReadLines("spanish-more-words.txt"), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>());

    public static List<PiiSpan> Drop(List<PiiSpan> spans, string text, ReadOnlySpan<Token> tokens, string? original = null)
    {
        if (!SpeaksSpanish(text, tokens))
        {
            return spans;
        }

        var keep = new List<PiiSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (!OnlyCommon(span, text, tokens, original ?? text))
            {
                keep.Add(span);
            }
        }

        return keep;
    }

    /// <summary>
    /// Whether a person, place or agency found is made only of <see cref="Common"/> words and those of <see cref="More"/>
    /// written in lower case (<paramref name="original"/>: the text as written) or opening a sentence or a line ("ASUNTO:",
    /// "Respetuosamente,"), not after "de" or "del".
    /// </summary>
    private static bool OnlyCommon(PiiSpan span, string text, ReadOnlySpan<Token> tokens, string original)
    {
        if (span.Label is not (PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency))
        {
            return false;
        }

        var first = PiiProducts.FirstToken(tokens, span.Start);
        var named = IsOf(text, tokens, first - 1) || IsOf(text, tokens, first); // ("placas de chihuahua", "un señor de toa baja")
        var words = 0;
        for (var k = first; k >= 0 && k < tokens.Length && tokens[k].Start < span.End; k++)
        {
            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            var asTyped = IsLower(original.AsSpan(tokens[k].Start, tokens[k].Length)) || tokens[k].Has(TokenFlags.SentenceStart | TokenFlags.NewlineBefore);
            if (tokens[k].Kind != TokenKind.Word || !CommonLookup.Contains(word) && (named || !asTyped || !More.Value.Contains(word)))
            {
                return false;
            }

            words++;
        }

        return words > 0;
    }

    /// <summary>Is token <paramref name="k"/> "de" or "del", which a place's or a person's name follows?</summary>
    private static bool IsOf(string text, ReadOnlySpan<Token> tokens, int k) =>
        k >= 0 && k < tokens.Length && tokens[k].Kind == TokenKind.Word && text.AsSpan(tokens[k].Start, tokens[k].Length) is var w
        && (w.Equals("de", StringComparison.OrdinalIgnoreCase) || w.Equals("del", StringComparison.OrdinalIgnoreCase));

    /// <summary>Written without a capital, as the writer typed it: a word of the larger list counts only so ("Flaco", "Ébano" may be names).</summary>
    private static bool IsLower(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A letter of Spanish's own (an accent, "ñ", "¿"), and six of its little words or more, four of them different: "de", "la", "el", "en", "su", "es", "del", "que",
    /// "por", "una", "los", "las", "con", "muy", "para", "pero". Every text is asked, so the words are told letter by
    /// letter, without a lookup.
    /// </summary>
    private static bool SpeaksSpanish(string text, ReadOnlySpan<Token> tokens)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u00A1', '\u00FF') || !text.AsSpan().ContainsAny(SpanishLetters))
        {
            return false; // (Spanish written by a recorder keeps its accents: "señora", "número", "vehículo")
        }

        var seen = 0;
        var found = 0;
        foreach (ref readonly var token in tokens)
        {
            if (token.Kind == TokenKind.Word && token.Length is >= 2 and <= 4 && GrammarWord(text.AsSpan(token.Start, token.Length)) is var word and >= 0)
            {
                found++;
                seen |= 1 << word;
            }
        }

        return found >= 6 && System.Numerics.BitOperations.PopCount((uint)seen) >= 4;
    }

    private static readonly System.Buffers.SearchValues<char> SpanishLetters = System.Buffers.SearchValues.Create("áéíóúñ¿¡ÁÉÍÓÚÑ");

    /// <summary>Which of the little words <paramref name="w"/> is (its index), or -1.</summary>
    private static int GrammarWord(ReadOnlySpan<char> w)
    {
        var a = (char)(w[0] | 0x20);
        var b = (char)(w[1] | 0x20);
        return w.Length switch
        {
            2 => (a, b) switch
            {
                ('d', 'e') => 0,
                ('l', 'a') => 1,
                ('e', 'l') => 2,
                ('e', 'n') => 3,
                ('s', 'u') => 4,
                ('e', 's') => 5,
                _ => -1,
            },
            3 => (a, b, (char)(w[2] | 0x20)) switch
            {
                ('d', 'e', 'l') => 6,
                ('q', 'u', 'e') => 7,
                ('p', 'o', 'r') => 8,
                ('u', 'n', 'a') => 9,
                ('l', 'o', 's') => 10,
                ('l', 'a', 's') => 11,
                ('c', 'o', 'n') => 12,
                ('m', 'u', 'y') => 13,
                _ => -1,
            },
            _ => w.Equals("para", StringComparison.OrdinalIgnoreCase) ? 14 : w.Equals("pero", StringComparison.OrdinalIgnoreCase) ? 15 : -1,
        };
    }
}
