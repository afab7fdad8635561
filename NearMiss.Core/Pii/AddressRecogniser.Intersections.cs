namespace NearMiss.Core.Pii;

/// <summary>Corners and intersections: "the corner of 9th and Pine", "5th and Broad", "Elm St and 9th", "Maple at 12th".</summary>
internal sealed partial class AddressRecogniser
{
    /// <summary>A lone ordinal before "and" / "&amp;" / "/" and a street: "5th and Broad", "1st and 3rd" after "at".</summary>
    public int OrdinalIntersection(int i) => IsLoneOrdinal(i) ? Intersection(i) : 0;

    /// <summary>
    /// "Elm and 9th", "Oak &amp; 3rd", "Maple at 12th", "Walnut and 14th St": a named street and a numbered one, one ADDRESS
    /// span. The name needs a street preposition before it, or must not read as a person's name; "at" always needs one.
    /// </summary>
    public int NamedIntersection(int i)
    {
        ref var t = ref T(i);
        return (t.Has(TokenFlags.Capitalized) || LowerMode && t.Has(TokenFlags.Lower) || t.Has(TokenFlags.AllCaps) && t.Length <= 4 && !t.Is(Lex.Common | Lex.Stop)) && !CapsMode ? NamedIntersectionAt(i) : 0;
    }

    private int CornerOf(int i)
    {
        var first = Eq(i - 1, "the") ? i - 1 : i;
        var j = i + 2;
        if (EqAny(j, "the", "a", "an", "his", "her", "my", "our", "their", "this", "that"))
        {
            return 0; // "the corner of the house and the yard": a thing's corner, no streets
        }

        var sawAnd = false;
        var last = -1;
        while (j < count && !tokens[j].Has(TokenFlags.NewlineBefore))
        {
            if (tokens[j].Kind == TokenKind.Punct && !P(j, '.') && !P(j, '-') && !P(j, '\''))
            {
                break;
            }

            // (A full stop after a street's type written out ends the sentence: "Fry Boulevard. Deputy Encinas moved".)
            if (P(j, '.') && (j + 1 >= count || !Adj(j + 1)) && !(j > 0 && tokens[j - 1].Is(Lex.Abbreviation | Lex.StreetSuffix) && !(tokens[j - 1].Length > 4 && Cap(j + 1))))
            {
                break;
            }

            if (EqAny(j, "and", "&"))
            {
                sawAnd = true;
            }
            else if (tokens[j].Kind == TokenKind.Word && tokens[j].Has(TokenFlags.Lower) && !tokens[j].Is(Lex.ForeignStreet) && !tokens[j].Is(Lex.StreetSuffix) && sawAnd && last > 0)
            {
                break;
            }

            last = j;
            j++;
        }

        if (!sawAnd || last < 0 || EqAny(last, "and", "&"))
        {
            return 0;
        }

        Emit(first, last + 1, PiiLabel.Address);
        return last + 1;
    }

    /// <summary>After a street name: "and E 105th St", "&amp; Main St" make one intersection; returns the new end or <paramref name="fallback"/>.</summary>
    public int IntersectionTail(int end, int fallback)
    {
        if (!EqAny(end, "and", "&"))
        {
            return fallback;
        }

        var k = end + 1;
        if (k < count && tokens[k].Length == 1 && EqAny(k, "n", "s", "e", "w") && Cap(k))
        {
            k += P(k + 1, '.') && Adj(k + 1) ? 2 : 1; // "and W. Lincoln Avenue"
        }

        var last = k;
        while (last < count && last < k + 3 && (Cap(last) && !Is(last, Lex.Stop) || tokens[last].Kind == TokenKind.Alnum && IsOrdinal(last)) && !Is(last, Lex.StreetSuffix))
        {
            last++;
        }

        if (last > k && Is(last, Lex.StreetSuffix) && (Cap(last) || tokens[last].Has(TokenFlags.AllCaps)))
        {
            last++;
            return P(last, '.') && Adj(last) && Is(last - 1, Lex.Abbreviation) ? last + 1 : last;
        }

        if (last == k + 1 && tokens[k].Kind == TokenKind.Alnum && IsOrdinal(k) && EndsStreetName(last))
        {
            // "Elm St and 9th".
            return last;
        }

        return fallback;
    }

    private int Intersection(int i)
    {
        // "5th and Broad", "Main and 3rd", "35th Avenue and Thomas Road".
        var connector = i + 1;
        if (Is(connector, Lex.StreetSuffix) && (Cap(connector) || tokens[connector].Has(TokenFlags.AllCaps)) && EqAny(connector + 1, "and", "&"))
        {
            connector++;
        }

        if (!EqAny(connector, "and", "&") && !P(connector, '/'))
        {
            return 0;
        }

        var k = connector + 1;
        var ordinals = k < count && tokens[k].Kind == TokenKind.Alnum && IsOrdinal(k);
        if (ordinals && !IsStreetPreposition(i - 1) && !(Is(k + 1, Lex.StreetSuffix) && !Eq(k + 1, "way")) || ordinals && !EndsStreetName(k + 1))
        {
            // "finished 1st and 3rd", "between 1st and 2nd period": ranks and ordinals, not streets.
            return 0;
        }

        var lowerName = LowerMode && IsWord(k) && tokens[k].Has(TokenFlags.Lower) && !Is(k, Lex.Stop | Lex.Common | Lex.Measure | Lex.Role | Lex.Rank) && !tokens[k].Has(TokenFlags.NewlineBefore);
        if ((Cap(k) && !Is(k, Lex.Stop) && !Is(k, Lex.SubUnit)) || ordinals || lowerName)
        {
            var end = k + 1;
            if (Is(end, Lex.StreetSuffix))
            {
                end++;
            }

            Emit(i, end, PiiLabel.Address);
            return end;
        }

        return 0;
    }

    /// <summary>A preposition that puts a following street name on the map: "at", "near", "on", "found him at".</summary>
    public bool IsStreetPreposition(int i) =>
        EqAny(i, "at", "near", "on", "of", "to", "from", "off", "onto", "toward", "towards", "by", "past", "around", "approaching", "along", "down", "up", "crossing", "into", "outside", "via");

    /// <summary>
    /// Can the token after a numbered street end the street name? Punctuation, the end, a street type, a capitalised word
    /// that is no sub-unit, or a function word ("and", "around", "when"); not a lower-case noun ("shift", "gear", "graders").
    /// </summary>
    private bool EndsStreetName(int next)
    {
        if (next >= count || tokens[next].Kind != TokenKind.Word || tokens[next].Has(TokenFlags.NewlineBefore) || Is(next, Lex.StreetSuffix))
        {
            return next >= count || tokens[next].Kind != TokenKind.Alnum;
        }

        if (tokens[next].Has(TokenFlags.Capitalized | TokenFlags.AllCaps))
        {
            return !Is(next, Lex.SubUnit);
        }

        return Is(next, Lex.Stop | Lex.Locative | Lex.TimeLead);
    }

    private int NamedIntersectionAt(int i)
    {
        var connector = i + 1;
        var at = Eq(connector, "at");
        if (!at && !EqAny(connector, "and", "&") && !P(connector, '/'))
        {
            return 0;
        }

        var k = connector + 1;
        if (k >= count || tokens[k].Kind != TokenKind.Alnum || !IsOrdinal(k) || tokens[k].Has(TokenFlags.NewlineBefore) || tokens[k].Length > 5)
        {
            return 0;
        }

        ref var t = ref T(i);
        if (t.Length < 2 || t.Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Measure | Lex.Brand | Lex.Weapon | Lex.SubUnit | Lex.Keyword | Lex.Holiday)
            || (t.Lex.Flags & Lex.Common) != 0 && !t.Is(Lex.Place | Lex.Surname) && t.Lex.IsEnglish && !IsStreetPreposition(i - 1))
        {
            return 0;
        }

        var preposition = IsStreetPreposition(i - 1);
        var lower = !t.Has(TokenFlags.Capitalized);
        if ((at || lower) && !preposition || lower && !LowerMode)
        {
            return 0;
        }

        if (!preposition && (t.Is(Lex.GivenName) && t.Lex.GivenCount >= 1500 || Is(i - 1, Lex.Rank | Lex.Role)))
        {
            // "Marcus and 2nd ..." reads as a person.
            return 0;
        }

        var end = k + 1;
        if (Is(end, Lex.StreetSuffix) && !tokens[end].Has(TokenFlags.NewlineBefore))
        {
            end++;
            if (P(end, '.') && Adj(end) && Is(end - 1, Lex.Abbreviation))
            {
                end++;
            }
        }
        else if (!EndsStreetName(end))
        {
            return 0;
        }

        Emit(i, end, PiiLabel.Address);
        return end;
    }
}
