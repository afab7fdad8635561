namespace NearMiss.Core.Pii;

/// <summary>Words no list holds that read as English all the same: made by an ending or a prefix, or run together from two.</summary>
internal sealed partial class PiiLexicon
{
    private static readonly string[] AbstractEndings = ["ness", "tion", "tions", "sion", "ment", "ments", "ing", "ance", "ence", "ity", "ics", "ety"];

    /// <summary>The ending of an abstract noun or a gerund, on a word of six letters or more: "Awareness", "Breaching", "Safety".</summary>
    public static bool HasAbstractEnding(ReadOnlySpan<char> word)
    {
        if (word.Length <= 5)
        {
            return false;
        }

        foreach (var ending in AbstractEndings)
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Endings of abstract nouns and adjectives that no name of these lists' kind has: "Mitigation", "interoperable".</summary>
    private static readonly string[] DerivedEndings = ["tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ology", "able", "ible"];

    /// <summary>Those, and endings that some surnames and place names share ("Olumide", "Township").</summary>
    private static readonly string[] EnglishEndings = [.. DerivedEndings, "ship", "hood", "ics", "ful", "less", "ous", "ive", "yl", "ide"];

    /// <summary>Prefixes that negate or repeat an ordinary word: "unannounced", "misperceived", "refresher", "nonlethal".</summary>
    private static readonly string[] EnglishPrefixes = ["un", "non", "mis", "dis", "re", "pre", "over", "under", "inter", "counter", "out", "sub", "super", "anti", "semi", "multi"];

    /// <summary>
    /// A word no list holds that reads as English: a noun or adjective ending ("Containment", "Readiness"), a prefix
    /// on an ordinary word of five letters or more ("Unannounced", "Misperceived"), or, with <paramref name="compounds"/>,
    /// two ordinary words run together, the first of four letters or more ("stairwell", "SOUTHBOUND"; not for a
    /// capitalised word inside a sentence, which may be a place: "Flatbush", "Wellfleet").
    /// </summary>
    public bool LooksEnglish(ReadOnlySpan<char> word, bool compounds = false)
    {
        if (word.Length < 6)
        {
            return false;
        }

        foreach (var ending in EnglishEndings)
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (HasEnglishPrefix(word))
        {
            return true;
        }

        for (var split = 4; compounds && split <= word.Length - 3; split++)
        {
            if (IsEnglish(word[..split], Get(word[..split])) && IsEnglish(word[split..], Get(word[split..])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A prefix on an ordinary word of five letters or more, in a word no list holds: "Unannounced", "Misperceived".</summary>
    private bool HasEnglishPrefix(ReadOnlySpan<char> word)
    {
        if (word.Length < 7 || Get(word).Flags != Lex.None)
        {
            return false;
        }

        foreach (var prefix in EnglishPrefixes)
        {
            if (word.Length - prefix.Length >= 5 && word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && IsEnglish(word[prefix.Length..], Get(word[prefix.Length..])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word made from an ordinary word by a telling ending or prefix: "Mitigation", "Unannounced" (not "-ous", "-ide", "-ship").</summary>
    private bool IsDerived(ReadOnlySpan<char> word)
    {
        if (word.Length < 6)
        {
            return false;
        }

        foreach (var ending in DerivedEndings)
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return HasEnglishPrefix(word);
    }

    /// <summary>
    /// Words no name or place list holds, each an ordinary word or read as one, at least one made from one by a telling
    /// ending or prefix, or run together from two and written both capitalised and in lower case ("Talkgroup",
    /// "talkgroup"), and none a kind of premise, street or organisation ("Medical Center", "Township"): "Hostile
    /// Vehicle Mitigation", "interoperable talkgroup", "Unannounced". Other words run together count as ordinary in
    /// lower case only; capitalised, they may be a place ("Flatbush", "Wildwood Pretrial Facility").
    /// </summary>
    public bool IsVocabulary(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        var formed = false;
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Kind == TokenKind.Punct)
            {
                continue;
            }

            if (tokens[k].Kind != TokenKind.Word || tokens[k].Has(TokenFlags.NonAscii)
                || tokens[k].Is(Lex.GivenName | Lex.Surname | Lex.Place | Lex.County | Lex.State | Lex.Country | Lex.PremiseSuffix | Lex.StreetSuffix | Lex.OrgSuffix))
            {
                return false;
            }

            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (IsEnglish(word, tokens[k].Lex))
            {
                continue;
            }

            if (IsDerived(word))
            {
                formed = true;
                continue;
            }

            if (LooksEnglish(word, compounds: true) && InBothCases(text, tokens, k))
            {
                formed = true;
                continue;
            }

            if (!LooksEnglish(word, compounds: !tokens[k].Has(TokenFlags.Capitalized)))
            {
                return false;
            }
        }

        return formed;
    }

    /// <summary>Does the text write this word in lower case and, not opening a sentence, capitalised?</summary>
    private static bool InBothCases(string text, ReadOnlySpan<Token> tokens, int k)
    {
        var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
        bool lower = false, capital = false;
        foreach (ref readonly var t in tokens)
        {
            if (t.Kind == TokenKind.Word && t.Length == word.Length && text.AsSpan(t.Start, t.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                lower |= t.Has(TokenFlags.Lower);
                capital |= t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.SentenceStart);
            }
        }

        return lower && capital;
    }
}
