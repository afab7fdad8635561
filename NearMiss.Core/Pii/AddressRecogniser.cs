namespace NearMiss.Core.Pii;

/// <summary>
/// Addresses: a house number and street ("1420 N Elm St Apt 4"), the city, state and postcode after it, units,
/// post boxes and military addresses, foreign street names by their ending, form fields ("Address: …"), postcodes;
/// corners and intersections are in <c>AddressRecogniser.Intersections.cs</c>.
/// </summary>
internal sealed partial class AddressRecogniser(PiiScan scan) : PiiRecogniser(scan)
{
    /// <summary>A house number, the street's name and type, a directional and a unit, then the city and state.</summary>
    public int Street(int i) => AddressFrom(i);

    /// <summary>
    /// A lone ordinal that is not a date or a sub-unit: a numbered street with a house number shape ("5th Ave"), or
    /// nothing (no other rule reads a lone ordinal).
    /// </summary>
    public int OrdinalStreet(int i)
    {
        if (!IsLoneOrdinal(i))
        {
            return 0;
        }

        var address = AddressFrom(i);
        if (address != 0)
        {
            return address;
        }

        // "5th Ave", "on 3rd Street", "1st st": a numbered street without a house number.
        var suffix = i + 1;
        if (Is(suffix, Lex.StreetSuffix) && !tokens[suffix].Has(TokenFlags.NewlineBefore)
            && (tokens[suffix].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) && !EqAny(suffix, "place", "way", "pass", "run", "walk", "row", "point", "loop", "path", "cove")
                || EqAny(suffix, "st", "rd", "ave", "blvd", "ln", "dr", "pkwy", "hwy", "street", "avenue", "road", "boulevard", "drive", "lane")))
        {
            var end = suffix + 1;
            if (P(end, '.') && Adj(end) && Is(suffix, Lex.Abbreviation))
            {
                end++;
            }

            var tail = IntersectionTail(end, suffix + 1);
            Emit(i, tail, PiiLabel.Address);
            return Math.Max(tail, end);
        }

        return Stop;
    }

    /// <summary>"E 160th Ave and Sable Blvd", "S. 16th Street": a directional before a numbered street.</summary>
    public int DirectionalStreet(int i)
    {
        var n = P(i + 1, '.') && Adj(i + 1) ? i + 2 : i + 1;
        // (In lower case, not the "s" of "it's 3rd ave".)
        if (tokens[i].Length == 1 && EqAny(i, "n", "s", "e", "w") && (!tokens[i].Has(TokenFlags.Lower) || tokens[i].Has(TokenFlags.SpaceBefore) && !P(i - 1, '\'') && !P(i - 1, '’'))
            && IsLoneOrdinal(n) && !Adj(n) && Is(n + 1, Lex.StreetSuffix) && !tokens[n + 1].Has(TokenFlags.NewlineBefore))
        {
            var end = n + 2;
            if (P(end, '.') && Adj(end) && Is(n + 1, Lex.Abbreviation))
            {
                end++;
            }

            var tail = IntersectionTail(end, n + 2);
            Emit(i, tail, PiiLabel.Address);
            return Math.Max(tail, end);
        }

        return 0;
    }

    /// <summary>"80202" after a state, a place or an address.</summary>
    public int Zip(int i)
    {
        if (tokens[i].Length == 5 && (Is(i - 1, Lex.StateCode) || Is(i - 1, Lex.State) || Is(i - 1, Lex.Country) || (P(i - 1, ',') && LastIs(PiiLabel.Location, tokens[i - 1].Start, 1))
            || LastIs(PiiLabel.Location, tokens[i].Start, 2) || LastIs(PiiLabel.Address, tokens[i].Start, 3)))
        {
            var length = PiiPatterns.MatchLength(PiiPatterns.Zip(), text, tokens[i].Start);
            if (length > 0)
            {
                return EmitChars(tokens[i].Start, length, PiiLabel.Address);
            }
        }

        return 0;
    }

    /// <summary>"Sludevej 13", "Villacher Strasse 89": street names by their ending, then a house number.</summary>
    public int ForeignStreet(int i)
    {
        ref var t = ref T(i);
        if ((t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.Lower) && t.Has(TokenFlags.NonAscii)) && IsForeignStreetWord(i))
        {
            var e = i + 1;
            while (e < count && IsWord(e) && (Is(e, Lex.ForeignStreet) || IsForeignStreetWord(e)) && !tokens[e].Has(TokenFlags.NewlineBefore))
            {
                e++;
            }

            if (IsNum(e) && !Adj(e))
            {
                Emit(i, e + 1, PiiLabel.Address);
                return ContinueAddress(e + 1);
            }
        }

        return 0;
    }

    /// <summary>A unit on its own, e.g. on the line under a street: "Apt. 595", "Suite 321", "Ste #4".</summary>
    public int Unit(int i)
    {
        if ((EqAny(i, "apt", "apartment", "suite", "ste") && (tokens[i].Has(TokenFlags.Capitalized) || Eq(i, "apt")) || Eq(i, "lot") && P(i - 1, ',') && IsNum(i + 1)))
        {
            var unitEnd = UnitDesignator(i);
            if (unitEnd > i)
            {
                Emit(i, unitEnd, PiiLabel.Address);
                return ContinueAddress(unitEnd);
            }
        }

        return 0;
    }

    /// <summary>"P.O. Box 149", "PSC 6477, Box 2981", "APO AE 83700", "USNS Saibara".</summary>
    public int PostBox(int i)
    {
        ref var t = ref T(i);
        var j = -1;
        if (Eq(i, "p") && P(i + 1, '.') && Eq(i + 2, "o") && P(i + 3, '.') && Eq(i + 4, "box"))
        {
            j = i + 5;
        }
        else if (EqAny(i, "po", "pob") && Eq(i + 1, "box") || Eq(i, "box") && t.Has(TokenFlags.Capitalized) && (IsNum(i + 1)))
        {
            j = Eq(i, "box") ? i + 1 : i + 2;
        }
        else if (EqAny(i, "psc", "cmr", "apo", "fpo", "dpo") && t.Has(TokenFlags.AllCaps))
        {
            j = i + 1;
            if (EqAny(j, "ae", "ap", "aa"))
            {
                j++;
            }
        }
        else if (EqAny(i, "usns", "usnv", "uss", "uscgc") && IsWord(i + 1))
        {
            Emit(i, i + 2, PiiLabel.Address);
            return ContinueAddress(i + 2);
        }

        if (j > 0 && IsNum(j))
        {
            var end = j + 1;
            if (P(end, ',') && Eq(end + 1, "box") && IsNum(end + 2))
            {
                end += 3;
            }

            Emit(i, end, PiiLabel.Address);
            return ContinueAddress(end);
        }

        return 0;
    }

    /// <summary>Lower-case narratives: "kessler rd", and after a street preposition "off antelope creek rd".</summary>
    public int LowerCaseStreet(int i)
    {
        ref var t = ref T(i);
        if (t.Has(TokenFlags.Capitalized) || !t.Has(TokenFlags.Lower) || t.Is(Lex.Stop) || t.Is(Lex.Common))
        {
            return 0;
        }

        // The street type read below is one of the next three tokens: without one there, no street starts here.
        if (!Is(i + 1, Lex.StreetSuffix) && !Is(i + 2, Lex.StreetSuffix) && !Is(i + 3, Lex.StreetSuffix))
        {
            return 0;
        }

        var suffix = i + 1;
        while (suffix < i + 3 && IsWord(suffix) && tokens[suffix].Has(TokenFlags.Lower) && !Is(suffix, Lex.Stop | Lex.StreetSuffix | Lex.Rank | Lex.Role | Lex.Measure)
            && !tokens[suffix].Has(TokenFlags.NewlineBefore))
        {
            suffix++;
        }

        if (suffix > i + 1 && (!Is(suffix, Lex.StreetSuffix) || !IsStreetPreposition(i - 1)))
        {
            // More than one word before the street type only after a street preposition: "off antelope creek rd".
            suffix = i + 1;
        }

        if (Is(suffix, Lex.StreetSuffix) && tokens[suffix].Has(TokenFlags.Lower) && !tokens[suffix].Has(TokenFlags.NewlineBefore)
            && EqAny(suffix, "rd", "st", "ave", "blvd", "ln", "dr", "pkwy", "hwy", "ct", "cir", "trl", "ter") && !IsSaint(suffix))
        {
            var end = suffix + 1;
            if (P(end, '.') && Adj(end))
            {
                end++;
            }

            Emit(i, suffix + 1, PiiLabel.Address);
            return end;
        }

        return 0;
    }

    /// <summary>"st" before a name that is no English word or names a parish, a school or a hospital, read as "saint": "raise st martin so", "thru st mary parish so" (no street "raise st"; "broad st line" stays one).</summary>
    private bool IsSaint(int k) =>
        Eq(k, "st") && k + 1 < count && !Adj(k + 1) && IsWord(k + 1) && !tokens[k + 1].Has(TokenFlags.NewlineBefore)
        && Is(k + 1, Lex.GivenName | Lex.Surname | Lex.Place | Lex.County) && !Is(k + 1, Lex.Stop)
        && (!tokens[k + 1].Lex.IsEnglish || EqAny(k + 2, "parish", "so", "pd", "county", "hospital", "church", "school", "college", "university", "catholic"));

    /// <summary>Values after an address keyword: "zip 80202", "Address: …", "the corner of X and Y".</summary>
    public int Keywords(int i)
    {
        var w = W(i);
        if (!tokens[i].Is(Lex.Keyword) || w.Length > 12)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        switch (lower)
        {
            case "zip" or "zipcode" or "postal":
                return scan.Ids.KeywordValue(Eq(i + 1, "code") ? i + 2 : i + 1, PiiLabel.Address);
            case "address" or "addresses" when P(i + 1, ':') || Eq(i + 1, "is"):
                {
                    // A form field: "Address: 5533 119 Countess Close\n Suite 868\n Seatoun".
                    var j = i + 2;
                    if (j >= count || !(IsNum(j) || tokens[j].Has(TokenFlags.Capitalized) || LowerMode && IsWord(j)) || Is(j, Lex.Stop) && !Eq(j, "the"))
                    {
                        return 0;
                    }

                    // Said rather than written in a field, an address ends at a word of grammar or after ten words:
                    // speech has no full stop ("the address is uh four four one eight county road twelve it's a …").
                    var said = !P(i + 1, ':') || LowerMode;
                    var end = j;
                    while (end < count && (end == j || !tokens[end].Has(TokenFlags.NewlineBefore)) && !P(end, '?') && !(P(end, '.') && (end + 1 >= count || !Adj(end + 1)) && !Is(end - 1, Lex.Abbreviation | Lex.UnitDesignator | Lex.ForeignStreet))
                        && !(said && end > j && (end - j >= 10 || Is(end, Lex.Stop) && !EqAny(end, "of", "the", "one"))))
                    {
                        end++;
                    }

                    Emit(j, end, PiiLabel.Address);
                    return ContinueAddress(end);
                }
            case "corner" or "intersection" when Eq(i + 1, "of"):
                return CornerOf(i);
            default:
                return 0;
        }
    }

    private int AddressFrom(int i)
    {
        // number [direction] Name... Suffix[.] [unit designator value]
        if (tokens[i].Length > 6 || (i + 1 < count && Adj(i + 1) && !IsWord(i + 1)) || CountedRoad(i))
        {
            return 0;
        }

        var j = i + 1;
        var names = 0;
        var suffixAt = -1;
        var lowerOk = LowerMode || LowerStreetAhead(i);
        while (j < count && names < 6)
        {
            ref var t = ref T(j);
            if (t.Has(TokenFlags.NewlineBefore) && names > 0)
            {
                break;
            }

            if (t.Kind == TokenKind.Word && names > 0 && (t.Is(Lex.StreetSuffix) || t.Is(Lex.ForeignStreet) && t.Has(TokenFlags.Capitalized)) && (t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps) || lowerOk || t.Has(TokenFlags.Lower) && t.Length <= 4))
            {
                suffixAt = j;
                j++;
                if (P(j, '.') && Adj(j))
                {
                    j++;
                }

                break;
            }

            if (names == 0 && t.Kind == TokenKind.Word && t.Length <= 2 && EqAny(j, "n", "s", "e", "w", "ne", "nw", "se", "sw") && !t.Has(TokenFlags.Lower) && P(j + 1, '.') && Adj(j + 1) && Cap(j + 2))
            {
                // "4417 N. Halsted Ave": a directional with its dot.
                names++;
                j += 2;
                continue;
            }

            if (names == 0 && j == i + 1 && t.Kind == TokenKind.Number && t.Length <= 5 && !Adj(j) && IsWord(j + 1) && !Is(j + 1, Lex.Measure))
            {
                j++;
                continue;
            }

            var isName = t.Kind == TokenKind.Word && (LowerMode && t.Is(Lex.ForeignStreet) || t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.NonAscii) || IsForeignStreetWord(j) || t.Has(TokenFlags.AllCaps) && names == 0 && t.Length <= 2 || (lowerOk && !t.Is(Lex.Stop)) || t.Is(Lex.ForeignStreet))
                && !t.Is(Lex.Measure) && !(t.Is(Lex.Stop) && !t.Is(Lex.ForeignStreet)) && !t.Is(Lex.Month);
            var isOrdinal = t.Kind == TokenKind.Alnum && t.Has(TokenFlags.DigitFirst) && t.Length <= 6;
            if (!isName && !isOrdinal)
            {
                break;
            }

            names++;
            j++;
        }

        int end;
        if (suffixAt > 0)
        {
            end = suffixAt + 1;
            // "County Road 14", "Route 9": a number after the street type.
            if (IsNum(end) && tokens[suffixAt].Is(Lex.StreetSuffix) && (Eq(suffixAt, "road") || Eq(suffixAt, "route") || Eq(suffixAt, "highway") || Eq(suffixAt, "hwy")))
            {
                end++;
            }
        }
        else if (names > 0 && names <= 4 && IsNum(j) && tokens[j].Length <= 5 && !tokens[j].Has(TokenFlags.NewlineBefore) && !tokens[i + 1].Has(TokenFlags.NewlineBefore) && !Adj(j) && !(tokens[i].Length == 4 && text[tokens[i].Start] == '0') && (HasCapitalName(i + 1, j) || LowerMode && LowerStreetName(i, j)))
        {
            // "594 Hegedûs Gyula utca 76": house number, name, building number, on one line ("device 2 of 2\nOFFICER 1:" is none).
            end = j + 1;
        }
        else if (names >= 2 && EqAny(i + 1, "calle", "rue", "via", "avenida", "rua", "camino", "paseo", "callejon") && Cap(i + 1))
        {
            // "3350 Calle Sol", "12 Rue Cler": the street type comes first.
            end = j;
        }
        else
        {
            return 0;
        }

        // Directional after the type: "Elm St NW".
        if (end < count && EqAny(end, "nw", "ne", "sw", "se", "n", "s", "e", "w") && tokens[end].Has(TokenFlags.AllCaps | TokenFlags.Capitalized) && !Adj(end) && !IsWord(end + 1))
        {
            end++;
        }

        var withUnit = UnitDesignator(P(end, '.') && Adj(end) ? end + 1 : end);
        if (withUnit > end + 1 || (withUnit == end + 1 && !P(end, '.')))
        {
            end = withUnit;
        }

        Emit(i, end, PiiLabel.Address);
        return ContinueAddress(end);
    }

    /// <summary>"a 4 lane road", "2 wheel drive": a count of lanes or wheels before the road or drive, not a house number.</summary>
    private bool CountedRoad(int i) =>
        tokens[i].Length <= 2 && IsWord(i + 1) && EqAny(i + 1, "lane", "wheel") && IsWord(i + 2) && tokens[i + 2].Is(Lex.StreetSuffix);

    /// <summary>
    /// A street in lower case after a house number in a text that is not all lower case: "2214 west maple street",
    /// "410 n oak ave". Between the number and a street type from a short list, a direction and one or two words, none a
    /// word of grammar, a measure or a count ("20 minutes down the road" is none). The types that are ordinary nouns of
    /// the trade are not on the list ("55 plus unsafe lane change", "the drive", "court").
    /// </summary>
    private bool LowerStreetAhead(int i)
    {
        if (!IsNum(i) || tokens[i].Length is < 2 or > 5)
        {
            return false;
        }

        var j = i + 1;
        if (EqAny(j, "north", "south", "east", "west", "n", "s", "e", "w", "ne", "nw", "se", "sw") && tokens[j].Has(TokenFlags.Lower))
        {
            j++;
        }

        for (var words = 0; words < 3; words++, j++)
        {
            if (!IsWord(j) || !tokens[j].Has(TokenFlags.Lower) || tokens[j].Has(TokenFlags.NewlineBefore))
            {
                return false;
            }

            if (words > 0 && EqAny(j, "street", "avenue", "road", "boulevard", "st", "ave", "rd", "ln", "blvd", "ct"))
            {
                return true;
            }

            if (Is(j, Lex.Stop | Lex.Measure | Lex.StreetSuffix | Lex.Rank | Lex.Role) || EqAny(j, "minutes", "mins", "seconds", "block", "plus"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// After a street address: the comma- or line-separated city, state, country and postcode that follow
    /// ("Rapid City, SD", "\n Suwałki\n Poland 11248"), each as its own span.
    /// </summary>
    public int ContinueAddress(int end)
    {
        var j = end;
        for (var parts = 0; parts < 6 && j < count; parts++)
        {
            var k = j;
            while (k < count && (P(k, ',') || P(k, '>') || P(k, '?')))
            {
                k++;
            }

            var newline = k < count && tokens[k].Has(TokenFlags.NewlineBefore);
            if (k == j && !newline || k >= count)
            {
                break;
            }

            if (IsNum(k) && tokens[k].Length is >= 3 and <= 6)
            {
                var zip = k + 1;
                if (P(zip, '-') && Adj(zip) && IsNum(zip + 1))
                {
                    zip += 2;
                }

                Emit(k, zip, PiiLabel.Address);
                j = zip;
                continue;
            }

            var e = k;
            while (e < count && IsWord(e) && (tokens[e].Has(TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.NonAscii) || LowerMode || Eq(e, "nan") || tokens[e].Is(Lex.ForeignStreet) && e > k)
                && (e == k || !tokens[e].Has(TokenFlags.NewlineBefore)) && !tokens[e].Is(Lex.Stop) && !tokens[e].Is(Lex.Rank))
            {
                e++;
            }

            if (e == k || e - k > 4)
            {
                break;
            }

            if (Is(k, Lex.UnitDesignator))
            {
                var unit = UnitDesignator(k);
                if (unit > k)
                {
                    Emit(k, unit, PiiLabel.Address);
                    j = unit;
                    continue;
                }
            }

            Emit(k, e, PiiLabel.Location);
            j = e;
            if (IsNum(j) && !Adj(j) && tokens[j].Length is >= 3 and <= 6 && !tokens[j].Has(TokenFlags.NewlineBefore))
            {
                Emit(j, j + 1, PiiLabel.Address);
                j++;
            }
        }

        return j;
    }

    /// <summary>
    /// In lower-case text, a street's name between a house number and a building number: no English word or given name
    /// among its words but a unit's or a street's ("6 copy 4" is radio traffic). (A house number of four digits opening with a zero is a clock: "0932 adam 2".)
    /// </summary>
    private bool LowerStreetName(int house, int end)
    {
        for (var k = house + 1; k < end; k++)
        {
            if ((tokens[k].Lex.IsEnglish || tokens[k].Is(Lex.GivenName)) && !tokens[k].Is(Lex.UnitDesignator | Lex.StreetSuffix))
            {
                return false;
            }
        }

        return true;
    }

    private bool HasCapitalName(int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Is(Lex.Common))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Extends an address over ", Apt 212", " Suite 967", " lot 14", " #12".</summary>
    public int UnitDesignator(int end)
    {
        var j = end;
        if (P(j, ','))
        {
            j++;
        }

        if (Is(j, Lex.UnitDesignator))
        {
            var k = j + 1;
            if (P(k, '.') && Adj(k))
            {
                k++;
            }

            if (P(k, '#'))
            {
                k++;
            }

            if (k < count && tokens[k].Kind != TokenKind.Punct && (tokens[k].Digits > 0 || tokens[k].Length == 1))
            {
                return IdEnd(k);
            }
        }

        if (P(j, '#') && j + 1 < count && Adj(j + 1) && tokens[j + 1].Digits > 0)
        {
            return IdEnd(j + 1);
        }

        return end;
    }

    public bool IsStreetName(int first, int suffix)
    {
        if (suffix <= first)
        {
            return false;
        }

        for (var k = first; k < suffix; k++)
        {
            if (!tokens[k].Is(Lex.Common) && !tokens[k].Is(Lex.Stop))
            {
                return !(Eq(suffix, "way") || Eq(suffix, "court") || Eq(suffix, "run") || Eq(suffix, "pass") || Eq(suffix, "walk") || Eq(suffix, "row") || Eq(suffix, "point") || Eq(suffix, "bend") || Eq(suffix, "landing"))
                    || Cap(suffix);
            }
        }

        return Eq(suffix, "street") || Eq(suffix, "st") || Eq(suffix, "avenue") || Eq(suffix, "ave") || Eq(suffix, "road") || Eq(suffix, "rd") || Eq(suffix, "blvd");
    }

    private static readonly string[] StreetEndings =
    [
        "vej", "gade", "katu", "tie", "strasse", "straße", "gata", "gatan", "vägen", "väg", "weg", "straat", "laan", "stræti",
        "vegur", "gasse", "platz", "allee", "utca", "iela", "cesta", "ulica", "sokak", "stien", "veien", "vegen", "gränd", "torget",
        "kuja", "polku", "raitti", "gatve", "stræde", "braut", "centret",
    ];

    /// <summary>
    /// The endings by their last letter, an ASCII one each ("a" to "z"): a word ending in an ASCII letter can end only
    /// in the few endings of that letter, and a word ending in another ASCII character in none.
    /// </summary>
    private static readonly string[][] StreetEndingsByLastLetter =
        [.. Enumerable.Range('a', 26).Select(static letter => StreetEndings.Where(e => e[^1] == letter).ToArray())];

    private bool IsForeignStreetWord(int i)
    {
        var w = W(i);
        if (w.Length < 5)
        {
            return false;
        }

        // A last character beyond ASCII may still match a letter ignoring case: then every ending is tried.
        var last = w[^1];
        var endings = !char.IsAscii(last) ? StreetEndings : char.IsAsciiLetter(last) ? StreetEndingsByLastLetter[(last | 0x20) - 'a'] : [];
        foreach (var ending in endings)
        {
            if (w.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
