namespace NearMiss.Core.Pii;

/// <summary>
/// Spanish words read as names or places in a report dictated partly in Spanish ("la señora", "a la casa", "a eso de
/// las cuatro", "una llave de cruz"): where the text speaks Spanish (its little words, "de", "la", "que", "por", come
/// often), a person, place or agency found that is only such words goes. The words are also a state's initials ("LA"),
/// a name ("Ella", "Cruz") or a place's word in English text, so they are not listed as never PII.
/// </summary>
internal static class PiiSpanish
{
    /// <summary>Words of grammar that tell Spanish.</summary>
    private static readonly HashSet<string> Grammar = new(["de", "la", "el", "del", "que", "en", "por", "una", "su", "es", "los", "las", "con", "para", "pero", "muy"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of grammar and of everyday Spanish that a span made only of is no name or place.</summary>
    private static readonly HashSet<string> Common = new(
        ["la", "el", "del", "de", "una", "un", "su", "sus", "eso", "esa", "ese", "esta", "este", "casa", "tarde", "noche", "mañana", "madrugada", "señora", "señor", "narrativo",
            "narrativa", "reporte", "llave", "cruz", "digo", "le", "ella", "él", "sabía", "nomás", "pero", "fin", "dijo", "muy", "aquí", "allí", "suéltalo", "tiene", "puerta"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GrammarLookup = Grammar.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonLookup = Common.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<PiiSpan> Drop(List<PiiSpan> spans, string text, ReadOnlySpan<Token> tokens)
    {
        var any = false;
        foreach (var span in spans)
        {
            any |= OnlyCommon(span, text, tokens);
        }

        if (!any || !SpeaksSpanish(text, tokens))
        {
            return spans;
        }

        var keep = new List<PiiSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (!OnlyCommon(span, text, tokens))
            {
                keep.Add(span);
            }
        }

        return keep;
    }

    /// <summary>Whether a person, place or agency found is made only of <see cref="Common"/> words.</summary>
    private static bool OnlyCommon(PiiSpan span, string text, ReadOnlySpan<Token> tokens)
    {
        if (span.Label is not (PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency))
        {
            return false;
        }

        var words = 0;
        for (var k = PiiProducts.FirstToken(tokens, span.Start); k >= 0 && k < tokens.Length && tokens[k].Start < span.End; k++)
        {
            if (tokens[k].Kind != TokenKind.Word || !CommonLookup.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length)))
            {
                return false;
            }

            words++;
        }

        return words > 0;
    }

    /// <summary>Six of Spanish's little words or more, four of them different.</summary>
    private static bool SpeaksSpanish(string text, ReadOnlySpan<Token> tokens)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var found = 0;
        foreach (ref readonly var token in tokens)
        {
            if (token.Kind == TokenKind.Word && token.Length <= 4 && GrammarLookup.TryGetValue(text.AsSpan(token.Start, token.Length), out var word))
            {
                found++;
                seen.Add(word);
            }
        }

        return found >= 6 && seen.Count >= 4;
    }
}
