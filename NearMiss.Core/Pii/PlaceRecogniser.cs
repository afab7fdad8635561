namespace NearMiss.Core.Pii;

/// <summary>
/// Places and highways: highways, mile markers and exits; states, countries and state codes in context; places from the
/// gazetteer (one word or several, by population and context); national chains as premises; unknown ALL-CAPS words.
/// </summary>
internal sealed class PlaceRecogniser(PiiScan scan) : PiiRecogniser(scan)
{
    /// <summary>
    /// Highways, mile markers and exits: "I-95", "Hwy 9 MM 12", "County Rd 1150 E", "US 287", "mile marker 42",
    /// "exit 12B"; "U.S. Marshals" (an AGENCY) is read here too, because it starts like "U.S. 287".
    /// </summary>
    public int Highway(int i)
    {
        int j;
        var hyphenNumber = P(i + 1, '-') && Adj(i + 1) && IsNum(i + 2) && Adj(i + 2);
        if (Eq(i, "i") && (tokens[i].Has(TokenFlags.Capitalized) || hyphenNumber) && ((P(i + 1, '-') && Adj(i + 1)) || (IsNum(i + 1) && tokens[i + 1].Length >= 2)))
        {
            j = P(i + 1, '-') ? i + 2 : i + 1;
        }
        else if (EqAny(i, "interstate", "hwy", "highway", "sr", "route", "rte", "rt", "us", "fm", "loop", "spur", "sh", "cr", "ih", "bia") && (tokens[i].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) || Eq(i, "hwy") || Eq(i, "highway") || Eq(i, "route") || hyphenNumber && !Eq(i, "loop")))
        {
            j = i + 1;
            if (P(j, '-') && Adj(j))
            {
                j++;
            }
            else if (P(j, '.') && Adj(j) && !EqAny(i, "route", "highway", "interstate", "loop", "spur"))
            {
                j++; // "Rt. 9", "Hwy. 50"; after a whole word the stop ends a sentence ("en route. 2205:02")
            }
        }
        else if (Eq(i, "u") && P(i + 1, '.') && Eq(i + 2, "s") && P(i + 3, '.'))
        {
            j = i + 4;
            if (EqAny(j, "marshals", "marshal", "marshals'"))
            {
                var endAgency = Eq(j + 1, "service") ? j + 2 : j + 1;
                Emit(i, endAgency, PiiLabel.Agency);
                return endAgency;
            }

            if (EqAny(j, "highway", "hwy", "route", "rt"))
            {
                j++;
            }
        }
        else if (EqAny(i, "state", "county", "farm", "us") && EqAny(i + 1, "route", "road", "highway", "hwy", "rd", "rte") && (Cap(i) || IsNum(i + 2)))
        {
            j = i + 2;
        }
        else if (Eq(i, "mile") || Eq(i, "mm") || Eq(i, "milepost") || Eq(i, "mp") && tokens[i].Has(TokenFlags.AllCaps))
        {
            var k = EqAny(i + 1, "marker", "post") ? i + 2 : i + 1;
            if (IsNum(k) && !IsMeasure(k + 1) && (Eq(i, "mile") ? !Is(i - 1, Lex.Stop) || Eq(i - 1, "at") : true))
            {
                var endMile = k + 1;
                if (P(endMile, '.') && IsNum(endMile + 1) && Adj(endMile) && Adj(endMile + 1))
                {
                    endMile += 2;
                }

                Emit(i, endMile, PiiLabel.Location);
                return endMile;
            }

            return 0;
        }
        else if (Eq(i, "exit") && IsNum(i + 1) && (!IsMeasure(i + 2) || Eq(i + 2, "in")))
        {
            var endExit = i + 2;
            if (IsWord(endExit) && tokens[endExit].Length == 1 && Adj(endExit))
            {
                endExit++;
            }

            Emit(i, endExit, PiiLabel.Location);
            return endExit;
        }
        else
        {
            return 0;
        }

        if (Eq(i, "us") && EqAny(j, "marshals", "marshal"))
        {
            var endAgency = Eq(j + 1, "service") ? j + 2 : j + 1;
            Emit(i, endAgency, PiiLabel.Agency);
            return endAgency;
        }

        // The number is on the road's line: "en route\n1740" is a log's next entry.
        if (!IsNum(j) && !(j < count && tokens[j].Kind == TokenKind.Alnum && tokens[j].Has(TokenFlags.DigitFirst)) || tokens[j].Has(TokenFlags.NewlineBefore))
        {
            return 0;
        }

        if (Eq(i, "us") && !tokens[i].Has(TokenFlags.AllCaps) && !hyphenNumber)
        {
            return 0;
        }

        var end = j + 1;
        if (end < count && tokens[end].Length == 1 && !Adj(end) && text[tokens[end].Start] is 'N' or 'S' or 'E' or 'W' && !Cap(end + 1) && !P(end + 1, '.'))
        {
            // "County Rd 1150 E".
            end++;
        }

        // "I-95 mile marker 42", "Hwy 9 MM 12", "US 26 MP 103".
        var m = end;
        if (EqAny(m, "mile", "mm", "milepost", "mp"))
        {
            var k = EqAny(m + 1, "marker", "post") ? m + 2 : m + 1;
            if (IsNum(k))
            {
                end = k + 1;
            }
        }

        Emit(i, end, PiiLabel.Location);
        return end;
    }

    /// <summary>State codes in context: "PA CDL", "CA plate", "TX paper tag", "an MN warrant", "Rapid City, SD", "TX 75001".</summary>
    public int StateCode(int i)
    {
        ref var t = ref T(i);
        if (!t.Has(TokenFlags.AllCaps) || P(i + 1, '-') && Adj(i + 1) && i + 2 < count && tokens[i + 2].Digits > 0)
        {
            return 0;
        }

        if (t.Is(Lex.StateCode) && t.Length == 2)
        {
            var before = Eq(i - 1, "the") || Eq(i - 1, "a");
            var keyword = EqAny(i + 1, "dl", "cdl", "plate", "plates", "tag", "tags", "license", "licence", "ol", "registration", "reg", "driver's", "drivers", "id", "warrant", "warrants")
                || EqAny(i + 1, "paper", "temp", "dealer") && EqAny(i + 2, "tag", "tags", "plate", "plates");
            var cityComma = P(i - 1, ',') && (LastIs(PiiLabel.Location, tokens[i - 1].Start, 0) || LastIs(PiiLabel.Agency, tokens[i - 1].Start, 0));
            var zip = IsNum(i + 1) && tokens[i + 1].Length == 5;
            // (in a text all in capitals only before its word: "OK DL", "IN PLATE"; a comma or a number there is any word's)
            if (keyword || !CapsMode && !before && (cityComma || zip || (P(i - 1, ',') && Cap(i - 2))))
            {
                Emit(i, i + 1, PiiLabel.Location);
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>"tx tag", "ok dl": a lower-case state code right before a plate or licence word.</summary>
    public int LowerCaseStateCode(int i)
    {
        if (tokens[i].Length == 2 && tokens[i].Has(TokenFlags.Lower) && tokens[i].Is(Lex.StateCode) && EqAny(i + 1, "tag", "plate", "plates", "dl", "cdl", "plt", "tags"))
        {
            Emit(i, i + 1, PiiLabel.Location);
            return i + 1;
        }

        return 0;
    }

    /// <summary>"Courtroom 4B", "Pier 66", "Terminal 18": a numbered place.</summary>
    public int Courtroom(int i)
    {
        if (Cap(i) && tokens[i].Is(Lex.PremiseSuffix | Lex.Keyword) && EqAny(i, "courtroom", "pier", "terminal", "berth", "hangar", "wharf") && i + 1 < count && tokens[i + 1].Digits > 0 && tokens[i + 1].Length <= 4 && !Adj(i + 1))
        {
            Emit(i, i + 2, PiiLabel.Location);
            return i + 2;
        }

        return 0;
    }

    /// <summary>An ALL-CAPS word of five letters or more in mixed-case text that no list knows, or a place: "STAXROITH".</summary>
    public int AllCapsWord(int i)
    {
        ref var t = ref T(i);
        if (t.Has(TokenFlags.AllCaps) && !CapsMode && t.Length >= 5 && (t.Lex.Flags == Lex.None && !lexicon.LooksEnglish(W(i), compounds: true) || t.Is(Lex.Place | Lex.Country)) && !t.Is(Lex.Common))
        {
            Emit(i, i + 1, PiiLabel.Location);
            return i + 1;
        }

        return 0;
    }

    /// <summary>
    /// Lower-case text: one or two words and a premise after a preposition, "at coliseum station", "to highland
    /// hospital", "then santa rita jail"; not a generic premise ("the bus station", "county jail", "a gas station").
    /// With a name no list knows as an ordinary word, also after "the", up to three words, kinds of place between
    /// name and premise, and more premises: "at the cypremort point state park", "off the wailoa river rec area".
    /// </summary>
    public int LowerCasePremise(int i)
    {
        ref var t = ref T(i);
        if (!LowerMode || !t.Has(TokenFlags.Lower) || t.Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Measure | Lex.Month | Lex.Weekday) || t.Lex.Has(LexExtra.GenericModifier))
        {
            return 0;
        }

        var afterThe = Eq(i - 1, "the");
        if (!EqAny(afterThe ? i - 2 : i - 1, "at", "to", "from", "near", "then", "outside", "inside", "behind", "by", "off", "into"))
        {
            return 0;
        }

        var premise = i;
        var named = false;
        while (premise < i + 3 && IsWord(premise) && tokens[premise].Has(TokenFlags.Lower) && !Is(premise, Lex.PremiseSuffix | Lex.Stop | Lex.Rank | Lex.Role | Lex.Measure)
            && !tokens[premise].Lex.Has(LexExtra.GenericModifier) && !PremiseKinds.Contains(text, tokens[premise]))
        {
            named |= !lexicon.IsEnglish(W(premise), tokens[premise].Lex) || Is(premise, Lex.Place | Lex.Surname);
            premise++;
        }

        var kinds = 0;
        while (kinds < 2 && IsWord(premise) && PremiseKinds.Contains(text, tokens[premise]))
        {
            premise++;
            kinds++;
        }

        var words = premise - i - kinds;
        if (words == 0 || premise >= count || !tokens[premise].Has(TokenFlags.Lower) || tokens[premise].Has(TokenFlags.NewlineBefore))
        {
            return 0;
        }

        var plain = !afterThe && kinds == 0 && words <= 2 && Is(premise, Lex.PremiseSuffix) && PlainPremises.Contains(text, tokens[premise]);
        if (plain || named && (Is(premise, Lex.PremiseSuffix) && PlainPremises.Contains(text, tokens[premise]) || NamedPremises.Contains(text, tokens[premise])))
        {
            Emit(i, premise + 1, PiiLabel.Location);
            return premise + 1;
        }

        return 0;
    }

    /// <summary>The premises a lower-case name before them makes a place: "coliseum station", "highland hospital".</summary>
    private static readonly WordSet PlainPremises = new(["station", "hospital", "jail", "university", "college", "mall", "park", "airport", "center", "centre", "casino", "stadium", "arena", "motel", "hotel", "school", "academy", "clinic", "plaza", "market", "ranch", "prison"]);

    /// <summary>More premises, taken only after a name no list knows as an ordinary word: "butte la rose landing", "grays bay ramp".</summary>
    private static readonly WordSet NamedPremises = new(["ramp", "launch", "landing", "harbor", "harbour", "marina", "trailhead", "overlook", "campground", "lodge", "inn", "courthouse", "court", "village", "estates", "apartments", "apts", "church", "library", "cemetery", "beach", "pier", "fairgrounds", "area", "preserve", "refuge", "rez", "reservation"]);

    /// <summary>Kinds of place between a name and its premise: "state park", "boat launch", "rec area", "regional park".</summary>
    private static readonly WordSet PremiseKinds = new(["state", "regional", "county", "city", "boat", "small", "rec", "recreation", "wildlife", "public", "community", "tribal"]);

    /// <summary>
    /// A listed place in lower case: a large one after a direction, "outside" or "near" ("north of pueblo", "outside
    /// tulsa"); one no word list holds as an ordinary word after those or "out of" ("out of creede"), or a town of 5,000
    /// after "from", "to", "in", "by" ("down by emporia"); any before a comma and its state ("valentine, ne").
    /// </summary>
    public int LowerCasePlace(int i)
    {
        ref var t = ref T(i);
        if (!t.Has(TokenFlags.Lower) || !t.Is(Lex.Place) || t.Is(Lex.Stop | Lex.Measure | Lex.Role | Lex.Rank) || t.Length < 4
            || EqAny(i + 1, "county", "co", "parish", "city", "township", "twp", "borough", "village"))
        {
            return 0; // (a place of two words is the county's or the phrase's rule: "shawano county", "watford city")
        }

        var population = t.Lex.PlacePopulation;
        var directionOf = Eq(i - 1, "of") && (EqAny(i - 2, "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "out", "n", "s", "e", "w")
            || Eq(i - 2, "side") && EqAny(i - 3, "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")); // ("the east side of anchorage")
        if (t.Is(Lex.Common) && !directionOf)
        {
            return 0; // (a name that is also a word, "liberty", "hope", is a place only after a direction's "of")
        }

        var near = EqAny(i - 1, "outside", "near") || directionOf;
        var toOrFrom = EqAny(i - 1, "from", "to", "toward", "towards", "in", "into", "thru", "through", "past", "by");
        var english = lexicon.IsEnglish(W(i), t.Lex);
        var stateAfter = P(i + 1, ',') && IsWord(i + 2) && (Is(i + 2, Lex.StateCode) && tokens[i + 2].Length == 2 || Is(i + 2, Lex.State)) && (i + 3 >= count || tokens[i + 3].Kind == TokenKind.Punct || tokens[i + 3].Has(TokenFlags.NewlineBefore));
        if (stateAfter && population >= 100 && !t.Is(Lex.Common))
        {
            Emit(i, i + 1, PiiLabel.Location);
            Emit(i + 2, i + 3, PiiLabel.Location);
            return i + 3;
        }

        // "just east of liberty", "ten miles north of hope": a town named like a word after a direction's "of", the clause
        // ending there or going on with a word of grammar (not "east of union street", "north of the ...").
        var directed = directionOf && population >= 1_000 && (english || t.Is(Lex.Common))
            && (i + 1 >= count || tokens[i + 1].Kind == TokenKind.Punct || tokens[i + 1].Has(TokenFlags.NewlineBefore) || Is(i + 1, Lex.Stop) && !EqAny(i + 1, "of"));
        // "a dv call out past hays.", "just past mission on the left": a town named like a word where a drive passes it.
        var passed = Eq(i - 1, "past") && EqAny(i - 2, "out", "just", "way", "little", "right", "miles", "mile") && population >= 1_000
            && (i + 1 >= count || tokens[i + 1].Kind == TokenKind.Punct || tokens[i + 1].Has(TokenFlags.NewlineBefore) || Is(i + 1, Lex.Stop) && !EqAny(i + 1, "of"));
        if (directed || passed || !t.Is(Lex.Common) && (near && population >= 50_000 || !english && (near && population >= 1_000 || toOrFrom && population >= 5_000)))
        {
            Emit(i, i + 1, PiiLabel.Location);
            return i + 1;
        }

        return 0;
    }

    /// <summary>National store and restaurant chains: "the Kroger on Hamilton Ave".</summary>
    public int Chain(int i)
    {
        if ((IsProperNounCandidate(i) || LowerMode && tokens[i].Has(TokenFlags.Lower)) && lexicon.IsChain(W(i)))
        {
            Emit(i, i + 1, PiiLabel.Location);
            return i + 1;
        }

        return 0;
    }

    /// <summary>
    /// Places and states of several words: "Rapid City", "New York", "St. Louis", "San Juan County"; when an agency word
    /// follows ("Rapid City PD") the position is left to nothing else (the agency run has already declined it).
    /// </summary>
    public int PlaceOfSeveralWords(int i)
    {
        if (!(IsProperNounCandidate(i) || EqAny(i, "st", "saint", "ft", "mt") && Cap(i)) || !tokens[i].Is(Lex.PlaceHead))
        {
            return 0;
        }

        for (var n = 4; n >= 2; n--)
        {
            var last = i;
            var ok = true;
            for (var k = 1; k < n && ok; k++)
            {
                last++;
                if (P(last, '.') && Adj(last))
                {
                    last++;
                }

                // (the last of two words may be in lower case, as voice-to-text writes a town: "west of Stevens point")
                ok = last < count && (Cap(last) || n == 2 && last == i + 1 && tokens[last].Has(TokenFlags.Lower) && !LowerMode && !tokens[last].Is(Lex.Stop)) && !tokens[last].Has(TokenFlags.NewlineBefore);
            }

            if (!ok)
            {
                continue;
            }

            var population = lexicon.PhrasePopulation(Chars(i, last + 1));
            if (!Cap(last) && (population < 5000 || lexicon.IsEnglish(W(i), tokens[i].Lex) || scan.Agencies.AgencySuffixEnd(last + 1) > 0 || Is(last + 1, Lex.StreetSuffix | Lex.SubUnit)))
            {
                continue; // (not an English word's: "the Clark/Lake station")
            }

            if (population >= 1000 || population >= 0 && Eq(last + 1, "county"))
            {
                if (scan.Agencies.AgencySuffixEnd(last + 1) > 0)
                {
                    return Stop;
                }

                Emit(i, last + 1, PiiLabel.Location);
                return last + 1;
            }
        }

        return 0;
    }

    /// <summary>A state or a country, unless an agency word follows ("Texas DPS" is the agency's).</summary>
    public int StateOrCountry(int i)
    {
        if (!IsProperNounCandidate(i) || !(tokens[i].Is(Lex.State) || tokens[i].Is(Lex.Country)))
        {
            return 0;
        }

        if (scan.Agencies.AgencySuffixEnd(i + 1) > 0)
        {
            return Stop;
        }

        Emit(i, i + 1, PiiLabel.Location);
        return i + 1;
    }

    /// <summary>
    /// A one-word place of at least 1,000 people that is not a common word: after a locative ("in", "near") or before
    /// ", ST"; on its own when large (20,000) and not also a frequent given name; before a role or "officers".
    /// </summary>
    public int Place(int i)
    {
        if (!IsProperNounCandidate(i))
        {
            return 0;
        }

        ref var t = ref T(i);
        if (t.Is(Lex.Place) && t.Lex.PlacePopulation >= 100_000 && t.Is(Lex.Common) && EqAny(i + 1, "officers", "officer", "deputies", "police", "pd", "firefighters", "detectives")
            || t.Is(Lex.Place) && t.Is(Lex.Common) && P(i + 1, ',') && (t.Lex.PlacePopulation >= 100_000 && Is(i + 2, Lex.StateCode) && tokens[i + 2].Length == 2 && tokens[i + 2].Has(TokenFlags.AllCaps)
                || t.Lex.PlacePopulation >= 1000 && Is(i + 2, Lex.State) && Cap(i + 2)))
        {
            // "Two Phoenix Officers Wounded", "Denver, CO", "Liberty, Missouri": a place named like a word, before its officers or its state.
            Emit(i, i + 1, PiiLabel.Location);
            return i + 1;
        }

        if (t.Is(Lex.Place) && t.Lex.PlacePopulation >= 1000 && !t.Is(Lex.Common))
        {
            var given = t.Is(Lex.GivenName) && t.Lex.GivenCount >= 1500;
            var locative = Is(i - 1, Lex.Locative) || (P(i + 1, ',') && (Is(i + 2, Lex.StateCode) || Is(i + 2, Lex.State)));
            var big = t.Lex.PlacePopulation >= 20000 && !(given && t.Lex.GivenCount > 20000) && !t.Has(TokenFlags.SentenceStart);
            if (locative && (!given || t.Lex.PlacePopulation >= 5000 || P(i + 1, ',')) || big || Is(i + 1, Lex.Role) && t.Lex.PlacePopulation >= 20000 || EqAny(i + 1, "officers", "deputies", "detectives", "police", "troopers", "officer", "deputy", "trooper"))
            {
                Emit(i, i + 1, PiiLabel.Location);
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Do three or four capitalised words from <paramref name="i"/> name a town of the gazetteer, nothing capitalised after them?</summary>
    public bool IsPlaceOfThreeWordsOrMore(int i)
    {
        for (var n = 3; n <= 4; n++)
        {
            var last = i + n - 1;
            if (last >= count || !Cap(last) || tokens[last].Has(TokenFlags.NewlineBefore) || !Cap(last - 1))
            {
                return false;
            }

            if (!Cap(last + 1) && !(IsWord(last + 1) && tokens[last + 1].Has(TokenFlags.AllCaps)) && scan.Agencies.AgencySuffixEnd(last + 1) <= 0 && lexicon.PhrasePopulation(Chars(i, last + 1)) >= 1000)
            {
                return true;
            }
        }

        return false;
    }
}
