namespace NearMiss.Core.Pii;

/// <summary>Whether a word at another mention of a name found reads as that name, or as the ordinary word it also is.</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>A word in capitals between words in lower case, in a text that has them, after no noun's lead: a name written as reports write surnames.</summary>
    private bool CapsAmidLower(int k) =>
        !caseless && tokens[k].Has(TokenFlags.AllCaps) && tokens[k].Length >= 3 && !NounLead(k - 1)
        && (IsWord(k - 1) && tokens[k - 1].Has(TokenFlags.Lower) || IsWord(k + 1) && tokens[k + 1].Has(TokenFlags.Lower));

    /// <summary>
    /// A person spoken to, in a transcript's turn: after "you", "hey", "alright" or a stop and at the line's end or
    /// before what is said to them ("how old are you chase", "alright chase i'm gonna", "hey knox hold the door").
    /// </summary>
    private bool Vocative(int k)
    {
        var n = k + 1;
        var opens = k == 0 || tokens[k].Has(TokenFlags.NewlineBefore) || tokens[k - 1].Kind == TokenKind.Punct && (P(k - 1, '.') || P(k - 1, ',') || P(k - 1, '!') || P(k - 1, '?') || P(k - 1, ':'))
            || EqAny(k - 1, "you", "hey", "alright", "okay", "ok", "thanks", "yo", "sir");
        return opens && (n >= count || tokens[n].Has(TokenFlags.NewlineBefore)
            || EqAny(n, "i", "you", "we", "put", "come", "hold", "get", "stop", "listen", "look", "stay", "drop", "dont", "don", "show", "step", "let", "go", "keep", "turn", "hands"));
    }

    /// <summary>An ordinary word in a name's place: after no determiner or number, before a verb, an age or punctuation.</summary>
    private bool ReadsAsName(int k)
    {
        if (NounLead(k - 1) || P(k + 1, '-') && tokens[k + 1].Start == tokens[k].End || P(k - 1, '\'') || tokens[k].Has(TokenFlags.Capitalized) && tokens[k].Has(TokenFlags.SentenceStart) && Eq(k + 1, "the"))
        {
            return false;
        }

        var n = k + 1;
        if (n >= count || tokens[n].Kind == TokenKind.Punct && !P(n, '-') && !P(n, '/') || Vocative(k) || IsWord(k - 1) && tokens[k - 1].Is(Lex.Rank) && Spaced(k - 1, k))
        {
            return true;
        }

        if (!IsWord(n))
        {
            return false;
        }

        var w = W(n);
        return w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            || tokens[n].Has(TokenFlags.Lower) && w.Length > 3 && w[^1] is 's' && !w.EndsWith("ss", StringComparison.Ordinal) && lexicon.Get(w[..^1]).IsEnglish
                && IsWord(n + 1) && tokens[n + 1].Is(Lex.Stop) // "rusty parks the tahoe", not "rusty brooks, he's"
            || EqAny(n, "was", "is", "had", "has", "did", "said", "says", "and", "who", "would", "could", "will", "then", "never", "also", "just", "still",
                "went", "came", "took", "takes", "goes", "gets", "runs", "keeps", "pulls", "walks", "comes", "tells", "tries", "starts", "stays", "got", "ran", "fell", "told", "kept", "made", "put", "saw", "drew", "hit", "left", "did", "does", "didnt", "wasnt", "isnt");
    }
}
