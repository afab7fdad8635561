namespace NearMiss.Core.Pii;

/// <summary>
/// Freeways named by their number alone, as drivers in the West say them: "on the 101 southbound", "off the 202.",
/// "at the 33 split", "onto the 405 ramp". The number is the place; "the" and a word of travel before it, and after it
/// the end of a clause, a direction or a word of the freeway itself, keep it apart from "on the 25 bus" or "on the 911
/// line". State routes named by the state's AP abbreviation, as news writes them: "Ky. 15", "Ga. 400". Two streets
/// written with a slash between, one intersection ("N 27TH ST/W CAPITOL DR").
/// </summary>
internal sealed partial class PiiContextRules
{
    private void FreewaysByNumber(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 3))
        {
            return;
        }

        for (var k = 2; k < count; k++)
        {
            // "northbound 491, speeds 90": a direction of travel names the road before its number.
            if (tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 3 && EqAny(k - 1, "northbound", "southbound", "eastbound", "westbound") && Spaced(k - 1, k)
                && !IsCounted(k + 1) && !(IsWord(k + 1) && tokens[k + 1].Is(Lex.Measure)) && !(k + 1 < count && tokens[k + 1].Start == tokens[k].End && !P(k + 1, '.') && !P(k + 1, ','))
                && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
                continue;
            }

            if (tokens[k].Kind != TokenKind.Number || tokens[k].Length > 3 || !Eq(k - 1, "the") || !EqAny(k - 2, "on", "onto", "off", "via", "take", "took", "taking", "hit", "exited", "merged")
                || Eq(k, "911") || k + 1 < count && tokens[k + 1].Start == tokens[k].End && !P(k + 1, '.') && !P(k + 1, ','))
            {
                continue;
            }

            var after = k + 1 >= count || P(k + 1, '.') || P(k + 1, ',') || P(k + 1, ';') || P(k + 1, '!') || P(k + 1, '?')
                || EqAny(k + 1, "northbound", "southbound", "eastbound", "westbound", "nb", "sb", "eb", "wb", "north", "south", "east", "west")
                || EqAny(k + 1, "fwy", "freeway", "ramp", "interchange", "split", "exit", "overpass", "on-ramp", "offramp", "off-ramp");
            if (after && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
            }
        }
    }

    /// <summary>
    /// A corner of a numbered street said aloud: "at eleventh and garnett", "the corner of broad and fifth", "at sixty
    /// third and kessling". After "at", "near", "on", "off" or "of", an ordinal word (with its tens) and another street's
    /// word, one of them on each side of "and"; the other is no word of grammar, number or filler ("on the second and
    /// third floors" has "the"; "at first" is an idiom, so "first" needs another lead).
    /// </summary>
    private void SpokenCorners(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(OrdinalDayWords, TensOrdinals) || !TextHasWord("and"))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!Eq(k, "and") && !P(k, '&'))
            {
                continue;
            }

            // The ordinal before "and" ("eleventh and garnett") or after it ("broad and fifth"), the other street across;
            // either may have its direction before it ("carnegie and east fortieth").
            var before = OrdinalStreetStart(k - 1);
            var turned = before < 0 && IsCompassWord(k + 1) && Spaced(k + 1, k + 2) ? 1 : 0;
            var after = before < 0 ? OrdinalStreetEnd(k + 1 + turned) : -1;
            if (before < 0 && after < 0)
            {
                continue;
            }

            var (start, end, other) = before >= 0 ? (before, k + 1, k + 1) : (k - 1, after, k - 1);
            if (!IsWord(other) || tokens[other].Is(Lex.Stop) || IsFiller(other) || IsNumberWord(other) || In(OrdinalDayWords, other) || tokens[other].Has(TokenFlags.NewlineBefore) || tokens[k].Has(TokenFlags.NewlineBefore))
            {
                continue;
            }

            start -= IsCompassWord(start - 1) && Spaced(start - 1, start) ? 1 : 0; // "east fifty fifth and woodland"
            var lead = BeforeFiller(start - 1);
            var scene = Eq(lead, "scene") && Eq(lead - 1, "on"); // "three thirty on scene sixth and cedar"
            var from = EqAny(lead, "from", "past", "behind") || Eq(lead, "to") && EqAny(lead - 1, "respond", "responding", "route", "units", "en", "down", "over");
            if (!scene && !from && !EqAny(lead, "at", "near", "on", "off", "of", "by") || Eq(lead, "at") && before == k - 1 && Eq(k - 1, "first") || Eq(lead - 1, "the") && !Eq(lead, "of"))
            {
                continue;
            }

            end += end + 1 < count && IsWord(end + 1) && tokens[end + 1].Is(Lex.StreetSuffix) ? 1 : 0;
            var corner = new PiiSpan(tokens[start].Start, tokens[end].End, PiiLabel.Address);
            if (AddInPlace(spans, added, corner))
            {
                k = end;
            }
        }
    }

    /// <summary>
    /// A corner said in lower case by its two streets' names: "en route from haines and anamosa", "units to atwells and
    /// dean", "copy from lake and hiawatha", "back at division and lameuse". After "at", "from", "to", "near" or "on", a
    /// word on each side of "and", one of them a name no word list holds as English; neither a word of grammar, a
    /// number, a rank or a role, nor a maker ("smith and wesson"). Caseless text only: capitals show a corner otherwise.
    /// </summary>
    private void LowerCorners(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!caseless || !TextHasWord("and"))
        {
            return;
        }

        for (var k = 2; k + 1 < count; k++)
        {
            if (!Eq(k, "and") || !EqAny(k - 2, "at", "from", "to", "near", "on", "by") || !CornerStreetWord(k - 1) || !CornerStreetWord(k + 1)
                || tokens[k + 1].Has(TokenFlags.NewlineBefore) || !Spaced(k - 1, k) || !Spaced(k, k + 1))
            {
                continue;
            }

            // (the street after "and" is a name or a place, not what someone did next: "i park on guadalupe and walk over")
            if (English(k - 1) && English(k + 1) || English(k + 1) && !tokens[k + 1].Is(Lex.GivenName | Lex.Surname | Lex.Place | Lex.County)
                || tokens[k - 1].Is(Lex.GivenName) && tokens[k + 1].Is(Lex.GivenName) && !English(k - 1) && !English(k + 1) || Eq(k - 2, "to") && !In(Dispatchers, k - 3) && !EqAny(k - 3, "units", "unit", "respond", "responding", "route", "en"))
            {
                continue;
            }

            var end = k + 1 + (k + 2 < count && IsWord(k + 2) && tokens[k + 2].Is(Lex.StreetSuffix) && Spaced(k + 1, k + 2) ? 1 : 0);
            if (AddInPlace(spans, added, new PiiSpan(tokens[k - 1].Start, tokens[end].End, PiiLabel.Address)))
            {
                k = end;
            }
        }
    }

    /// <summary>A word that may name a street at a corner: three letters or more, no word of grammar, number, rank, role, month, day, maker or gear.</summary>
    private bool CornerStreetWord(int k) =>
        IsWord(k) && tokens[k].Length >= 3 && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Measure | Lex.Brand | Lex.Weapon)
        && !tokens[k].Lex.Has(LexExtra.NotPii) && !IsNumberWord(k) && !IsFiller(k);

    /// <summary>The first token of an ordinal word that ends at <paramref name="k"/>, with its tens ("sixty third", "twenty-first"), or -1.</summary>
    private int OrdinalStreetStart(int k)
    {
        if (k < 0 || !MayBeOrdinalWord(k) || !In(OrdinalDayWords, k) && !In(TensOrdinals, k))
        {
            return -1;
        }

        return k >= 1 && NumberWords.Value(text, tokens[k - 1]) is >= 20 and < 100 && IsWord(k - 1) && Spaced(k - 1, k) ? k - 1
            : k >= 2 && P(k - 1, '-') && tokens[k - 1].Start == tokens[k - 2].End && tokens[k].Start == tokens[k - 1].End && IsWord(k - 2) && NumberWords.Value(text, tokens[k - 2]) is >= 20 and < 100 ? k - 2
            : k;
    }

    /// <summary>The ordinals of the tens, which name numbered streets ("east fortieth") and no day.</summary>
    private static readonly WordSet TensOrdinals = new(["fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]);

    /// <summary>A compass word before a street's name: "east", "w", "north".</summary>
    private bool IsCompassWord(int k) => IsWord(k) && EqAny(k, "east", "west", "north", "south", "e", "w", "n", "s") && (tokens[k].Length > 1 || tokens[k].Has(TokenFlags.Lower) && caseless || tokens[k].Has(TokenFlags.AllCaps));

    /// <summary>The last token of an ordinal word that starts at <paramref name="k"/>, with its tens ("sixty third"), or -1.</summary>
    private int OrdinalStreetEnd(int k)
    {
        if (k < count && MayBeOrdinalWord(k) && (In(OrdinalDayWords, k) || In(TensOrdinals, k)))
        {
            return k;
        }

        return IsWord(k) && NumberWords.Value(text, tokens[k]) is >= 20 and < 100 && In(OrdinalDayWords, k + 1) && Spaced(k, k + 1) ? k + 1 : -1;
    }

    /// <summary>"along Ky. 160", "parts of Ky. 15 and Ky. 80": a state route by the AP abbreviation of its state.</summary>
    private void StateRoutes(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('.') || !Shapes.HasNumber(1, 4) || !Shapes.HasExtra(LexExtra.ApState))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Lex.Has(LexExtra.ApState) || !tokens[k].Has(TokenFlags.Capitalized) || !P(k + 1, '.') || tokens[k + 1].Start != tokens[k].End
                || tokens[k + 2].Kind != TokenKind.Number || tokens[k + 2].Length > 4 || !Spaced(k + 1, k + 2)
                || k + 3 < count && (tokens[k + 3].Start == tokens[k + 2].End && !P(k + 3, '.') && !P(k + 3, ',') || IsCounted(k + 3)))
            {
                continue;
            }

            var route = new PiiSpan(tokens[k].Start, tokens[k + 2].End, PiiLabel.Location);
            if (!OverlapsBeyond(spans, route))
            {
                RemoveWithin(spans, route.Start, route.End);
                added.Add(route);
                k += 2;
            }
        }
    }

    /// <summary>Street types written in full that a street's name in lower case comes before.</summary>
    private static readonly WordSet FullStreetTypes = new(["street", "road", "avenue", "boulevard", "drive", "lane", "parkway", "circle", "trail", "terrace"]);

    /// <summary>
    /// A street in lower case with its type in full, after a street's preposition: "on calloway boulevard", "off brewer
    /// road", "past marsh station road", "onto twenty seventh street". One to three words before the type, one of them a
    /// name (a frequent surname or given name, a place, a word no list knows, a person found) or an ordinal; not "on dirt
    /// road", "down the road"; in text with capitals, only words in lower case.
    /// </summary>
    private void LowerNamedStreets(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(FullStreetTypes))
        {
            return;
        }

        for (var k = 2; k < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Is(Lex.StreetSuffix) || !tokens[k].Has(TokenFlags.Lower) || !In(FullStreetTypes, k))
            {
                continue;
            }

            var first = k;
            var named = false;
            var lower = true;
            while (first - 1 >= 0 && k - first < 3 && IsWord(first - 1) && Spaced(first - 1, first) && !IsStreetPrepositionWord(first - 1)
                && !tokens[first - 1].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Measure | Lex.StreetSuffix) && !IsFiller(first - 1) && !In(Counted, first - 1))
            {
                first--;
                var lex = tokens[first].Lex;
                named |= lex.SurnameCount >= 5000 || lex.GivenCount >= 5000 || tokens[first].Is(Lex.Place) && !tokens[first].Is(Lex.County | Lex.State)
                    || !EnglishLoose(first) && tokens[first].Length > 2 || InSpan(spans, tokens[first].Start, PiiLabel.Person) || In(OrdinalWords, first);
                lower &= tokens[first].Has(TokenFlags.Lower);
            }

            // (in text with capitals, a name written with them is the other recognisers')
            if (first == k || !named || !(lower || caseless) || !IsStreetPrepositionWord(first - 1))
            {
                continue;
            }

            AddInPlace(spans, added, new PiiSpan(tokens[first].Start, tokens[k].End, PiiLabel.Address));
        }
    }

    /// <summary>The words a street follows: "on", "off", "onto", "at", "past", "along", "near".</summary>
    private bool IsStreetPrepositionWord(int k) => EqAny(k, "on", "off", "onto", "at", "past", "along", "near", "down", "up", "from", "to", "toward", "towards", "via", "crossing");

    /// <summary>
    /// A road said by its number alone after a direction of travel or before a road's word: "northbound one oh one",
    /// "southbound sixty three at the one oh four", "eastbound on the two eighty eight", "the one ninety six on ramp",
    /// "the one oh one freeway"; not a speed or a count ("northbound at sixty", "eastbound two miles", "northbound on the
    /// four lane").
    /// </summary>
    private void RoadsSaidByNumber(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords))
        {
            return;
        }

        for (var k = 1; k < count; k++)
        {
            if (!IsNumberWord(k) || Eq(k, "oh"))
            {
                continue;
            }

            var b = Eq(k - 1, "the") ? k - 2 : k - 1;
            var bound = IsBound(b) || EqAny(b, "on", "onto") && IsBound(b - 1);
            var n = SaidNumberEnd(k);
            var roadAfter = EqAny(n, "freeway", "fwy", "expressway", "tollway", "interchange", "onramp", "offramp") || EqAny(n, "on", "off") && EqAny(n + 1, "ramp", "ramps");
            if (!(bound || Eq(k - 1, "the") && roadAfter || IsBareRoadNumber(k, n) || IsRoadAfterThe(k, n)) || In(Counted, n) || IsWord(n) && tokens[n].Is(Lex.Measure) || EqAny(n, "mph", "block", "blocks", "percent", "lane", "lanes", "way", "door", "doors", "wheeler", "cylinder"))
            {
                k = n - 1;
                continue;
            }

            AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[n - 1].End, PiiLabel.Location));

            // The road it meets, said after "at the": "southbound sixty three at the one oh four".
            if (bound && Eq(n, "at") && Eq(n + 1, "the") && IsNumberWord(n + 2) && !Eq(n + 2, "oh") && SaidNumberEnd(n + 2) is var m && !In(Counted, m) && !(IsWord(m) && tokens[m].Is(Lex.Measure)))
            {
                AddInPlace(spans, added, new PiiSpan(tokens[n + 2].Start, tokens[m - 1].End, PiiLabel.Location));
                n = m;
            }

            k = n - 1;
        }
    }

    /// <summary>
    /// A road's number said bare after "on", "off", "onto", "up" or "down", in the shape a road's number has and a count
    /// seldom has: "on two seventy", "just off three oh one", "going up one ninety one", and after "on", "off" or "onto"
    /// only, "on sixty three".
    /// </summary>
    private bool IsBareRoadNumber(int k, int n) =>
        EqAny(k - 1, "on", "off", "onto", "up", "down") && HasRoadNumberShape(k, n) && !(n - k == 2 && EqAny(k - 1, "up", "down") && !IsHundreds(k, n));

    /// <summary>
    /// A road's number after "on the", "off the" or "take the" where a direction or an exit follows it: "getting on the two
    /// eighty five eastbound", "on the eighty one, northbound", "on the two eighty five at exit fifty five".
    /// </summary>
    private bool IsRoadAfterThe(int k, int n) =>
        Eq(k - 1, "the") && EqAny(k - 2, "on", "onto", "off", "take", "took", "taking", "via", "exited") && HasRoadNumberShape(k, n)
        && (IsBound(n) || P(n, ',') && IsBound(n + 1) || Eq(n, "exit") || EqAny(n, "at", "near", "past") && EqAny(n + 1, "exit", "mile", "milepost"));

    /// <summary>Is the one digit and what follows a hundreds' road number ("three oh one", "one ninety one"), not tens and units ("sixty three")?</summary>
    private bool IsHundreds(int k, int n) => NumberWords.Value(W(k)) is >= 1 and <= 9;

    /// <summary>Two or three number words in the shape a road's number has and a count seldom has: "two seventy", "three oh one", "sixty three".</summary>
    private bool HasRoadNumberShape(int k, int n)
    {
        if (n - k is < 2 or > 3 || IsWord(n) && tokens[n].Is(Lex.StreetSuffix))
        {
            return false;
        }

        int Value(int i) => Eq(i, "oh") ? 0 : NumberWords.Value(W(i));
        var (first, second) = (Value(k), Value(k + 1));
        if (n - k == 2 && first is >= 20 and <= 90 && second is >= 1 and <= 9)
        {
            return true;
        }

        return first is >= 1 and <= 9 && (second == 0 || second >= 10) && (n - k == 2 ? second != 0 : second is 0 or >= 20 && Value(k + 2) is >= 1 and <= 9);
    }

    /// <summary>A direction of travel: "northbound", "sb".</summary>
    private bool IsBound(int k) => EqAny(k, "northbound", "southbound", "eastbound", "westbound", "nb", "sb", "eb", "wb");

    /// <summary>The token after up to five number words said from <paramref name="k"/> on ("one oh one", "two-eighty-eight").</summary>
    private int SaidNumberEnd(int k) => NumberWordsEnd(k + 1, k + 4);

    /// <summary>The first token from <paramref name="n"/> on, up to <paramref name="last"/>, that goes on no number said on its line (words spaced or joined by hyphens).</summary>
    private int NumberWordsEnd(int n, int last)
    {
        while (n < count && n <= last && !tokens[n].Has(TokenFlags.NewlineBefore) && (IsNumberWord(n) && (Spaced(n - 1, n) || JoinsNumberWords(n - 1)) || JoinsNumberWords(n)))
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// A road said in words: "on route nine", "south on route one ninety one", "on Interstate ten", "near exit one
    /// ninety four", "eastbound on I ninety four", "County Road Two Twelve", "Forest Road one forty three", "on spur four
    /// eighty", "off la one". The
    /// road's word is "route", "highway" or "interstate", capitalised, or after a word of travel or place; a count after
    /// the number ("route two cars") is none.
    /// </summary>
    private void SpokenRoads(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) && !Shapes.HasNumber(1, 3))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            // (in digits after "i" alone, as a transcript writes "on i 70")
            var digits = Eq(k, "i") && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length <= 3 && Spaced(k, k + 1);
            if (!IsWord(k) || !IsNumberWord(k + 1) && !digits || Eq(k + 1, "oh"))
            {
                continue;
            }

            var spelledCode = SpelledRoadCode(k); // "on f m nineteen seventy four", "on b i a twenty seven"
            // A state's name for its route, after a word of travel on it: "a wreck on kentucky fifteen".
            var stateRoute = caseless && tokens[k].Is(Lex.State) && !Eq(k, "i") && EqAny(k - 1, "on", "onto", "off", "down", "along", "up");
            var coded = spelledCode >= 0 || In(RoadCodes, k) || stateRoute; // "off la one", "on us seventy"
            if (!coded && !EqAny(k, "route", "highway", "hwy", "interstate", "exit", "road", "i", "spur", "loop"))
            {
                continue;
            }

            // The road's owner before its word goes with it: "County Road Two Twelve", "Navajo Route seven", "BIA route two".
            var owned = spelledCode < 0 && IsWord(k - 1) && !Eq(k, "i") && !Eq(k, "exit") && (EqAny(k - 1, "county", "state", "us", "bia", "tribal", "forest", "farm")
                || tokens[k - 1].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) && !tokens[k - 1].Is(Lex.Stop) && !tokens[k - 1].Has(TokenFlags.SentenceStart) && Spaced(k - 1, k));
            var first = spelledCode >= 0 ? spelledCode : owned ? k - 1 : k;
            var travelled = EqAny(first - 1, "on", "onto", "off", "near", "at", "to", "from", "via", "the", "of", "take", "took", "past", "along", "down", "up", "northbound", "southbound", "eastbound", "westbound",
                "toward", "towards", "running", "headed", "heading", "across", "crossing", "working", "patrolling", "taking", "takes", "missed", "passed")
                || EqAny(k, "us", "sr", "fm") && tokens[k].Has(TokenFlags.AllCaps) && !caseless; // "Altima, US three oh one southbound"
            var named = EqAny(k, "route", "highway", "hwy", "interstate"); // "traffic stop highway four forty one"
            travelled |= Eq(k, "i") && EqAny(NumberWordsEnd(k + 1, k + 4), "northbound", "southbound", "eastbound", "westbound"); // "assist I thirty five southbound"
            travelled |= Eq(k, "exit") && !Eq(NumberWordsEnd(k + 1, k + 4), "of"); // "just before exit one eighty five" (not "exit one of them")
            if (Eq(k, "road") && !EqAny(k - 1, "county", "forest", "state") || (Eq(k, "i") || coded) && !travelled || !(travelled || named || tokens[first].Has(TokenFlags.Capitalized | TokenFlags.AllCaps)))
            {
                continue;
            }

            var n = digits ? k + 2 : NumberWordsEnd(k + 1, k + 4);
            for (var scales = 0; !digits && scales < 2 && EqAny(n, "hundred", "thousand") && In(DigitWords, n - 1) && Spaced(n - 1, n); scales++)
            {
                n = NumberWordsEnd(n + 1, n + 2); // "on highway two hundred", "route one hundred twelve", "county road two thousand two hundred"
            }

            // (a mile marker after the road is no count: "on i forty mile marker one eighteen"; "in" is the town's: "at exit
            // forty four in Meridian")
            if (In(Counted, n) || IsWord(n) && tokens[n].Is(Lex.Measure) && !(Eq(n, "mile") && EqAny(n + 1, "marker", "post")) && !Eq(n, "in"))
            {
                continue;
            }

            var road = new PiiSpan(tokens[first].Start, tokens[n - 1].End, PiiLabel.Location);
            if (AddInPlace(spans, added, road))
            {
                k = n - 1;
            }
        }
    }

    /// <summary>The first letter of a road's system spelled before its number ("f m", "u s", "b i a"), or -1.</summary>
    private int SpelledRoadCode(int k)
    {
        if (!IsLetterWord(k) || !IsLetterWord(k - 1) || !Spaced(k - 1, k))
        {
            return -1;
        }

        if (IsLetterWord(k - 2) && Spaced(k - 2, k - 1))
        {
            return Eq(k - 2, "b") && Eq(k - 1, "i") && Eq(k, "a") ? k - 2 : -1;
        }

        Span<char> code = [char.ToLowerInvariant(text[tokens[k - 1].Start]), char.ToLowerInvariant(text[tokens[k].Start])];
        return RoadCodes.Contains(code) ? k - 1 : -1;
    }

    /// <summary>A road's system by its letters, said before its number after a word of travel: "us seventy", "la one", "fm nineteen sixty"; no state code that is also a word ("or", "in", "me").</summary>
    private static readonly WordSet RoadCodes = new(["us", "sr", "fm", "rt", "rte", "la", "nc", "sc", "ky", "tn", "ga", "ms", "ar", "tx", "nm", "az", "ca", "wa", "nv", "ut", "wy", "mt", "nd", "sd",
        "ks", "ia", "mn", "wi", "il", "mi", "pa", "ny", "nj", "va", "wv", "md", "ct", "ri", "vt", "nh", "fl", "ak"]);

    /// <summary>The colours a transit line is named by ("the red line"); not yellow, the platform's edge line.</summary>
    private static readonly WordSet TransitColours = new(["red", "blue", "green", "orange", "purple", "silver", "gold", "brown", "pink", "expo"]);

    /// <summary>Words of a train's world: a text with none of them names no transit line (asked of the tokens, not the text's shapes: it is the rule's condition, not a gate).</summary>
    private static readonly WordSet TransitWords = new(["train", "trains", "platform", "platforms", "station", "stations", "rail", "transit", "metro", "subway", "cta", "mbta", "marta",
        "septa", "wmata", "bart", "muni", "trackway", "tracks", "rider", "riders", "fare", "fares", "turnstile", "turnstiles", "inbound", "outbound", "northbound", "southbound",
        "eastbound", "westbound"]);

    /// <summary>
    /// A transit line named by its colour, in a text about trains: "on the blue line, platform at lake st", "FIELDS
    /// CORNER STATION (RED LINE)"; not "the thin blue line".
    /// </summary>
    private void TransitLines(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(TransitColours))
        {
            return;
        }

        bool? trains = null;
        for (var k = 0; k + 1 < count; k++)
        {
            if (!In(TransitColours, k) || !Eq(k + 1, "line") || !Spaced(k, k + 1) || tokens[k + 1].Has(TokenFlags.NewlineBefore) || Eq(k - 1, "thin")
                || !(trains ??= AnyIn(TransitWords)))
            {
                continue;
            }

            AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.Location));
            k++;
        }
    }

    /// <summary>Whether some word of the text is in <paramref name="words"/>.</summary>
    private bool AnyIn(WordSet words)
    {
        for (var k = 0; k < count; k++)
        {
            if (In(words, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The roads a state names in lower case after its name: "the new jersey turnpike", "the kansas turnpike".</summary>
    private static readonly WordSet StateRoadWords = new(["turnpike", "thruway", "tollway", "expressway", "parkway"]);

    /// <summary>
    /// A state's name found as a place and a lower-case word of its toll road after it: the road, as "New Jersey Turnpike"
    /// is one in capitals ("southbound on the new jersey turnpike at mile marker 74").
    /// </summary>
    private void StateTollRoads(List<PiiSpan> spans)
    {
        if (!TextHas(StateRoadWords))
        {
            return;
        }

        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Label != PiiLabel.Location || TokenEnding(span.End) is not (>= 0 and var last) || !IsWord(last)
                || !tokens[last].Is(Lex.State) && lexicon.PhrasePopulation(text.AsSpan(span.Start, span.Length)) < PiiLexicon.StatePopulation
                || !In(StateRoadWords, last + 1) || !Spaced(last, last + 1) || !tokens[last + 1].Has(TokenFlags.Lower) || i + 1 < spans.Count && spans[i + 1].Start < tokens[last + 1].End)
            {
                continue;
            }

            spans[i] = new PiiSpan(span.Start, tokens[last + 1].End, PiiLabel.Address);
        }
    }

    private static readonly WordSet StreetDirections = new(["n", "s", "e", "w", "ne", "nw", "se", "sw"]);

    /// <summary>
    /// "N 27TH ST/W CAPITOL DR", "CASINO RD / EVERGREEN WAY": a street found, a slash, and the crossing street (found, or
    /// up to three capitalised words, or words of any case in text of one case, and a street's type, a direction before
    /// it allowed) are one intersection; after the tagger too, which may find the crossing street.
    /// </summary>
    private void SlashedCorners(List<PiiSpan> spans)
    {
        if (!Shapes.HasPunct('/'))
        {
            return;
        }

        for (var n = 0; n < spans.Count; n++)
        {
            var last = TokenEnding(spans[n].End);
            var slash = last + 1;
            if (spans[n].Label != PiiLabel.Address || !tokens[last].Is(Lex.StreetSuffix) || !P(slash, '/') || tokens[slash].Start - tokens[last].End > 1)
            {
                continue;
            }

            var k = slash + 1;
            k += In(StreetDirections, k) && k + 1 < count && tokens[k + 1].Start - tokens[k].End == 1 ? 1 : 0;
            if (k >= count || tokens[k].Has(TokenFlags.NewlineBefore) || tokens[slash + 1].Start - tokens[slash].End > 1)
            {
                continue;
            }

            var end = -1;
            if (n + 1 < spans.Count && spans[n + 1].Label == PiiLabel.Address && (spans[n + 1].Start == tokens[k].Start || spans[n + 1].Start == tokens[slash + 1].Start))
            {
                end = TokenEnding(spans[n + 1].End);
                spans.RemoveAt(n + 1);
            }
            else
            {
                for (var j = k; j < count && j - k < 4 && (IsWord(j) || tokens[j].Kind == TokenKind.Alnum) && (j == k || Spaced(j - 1, j)) && !tokens[j].Is(Lex.Stop); j++)
                {
                    if (j > k && tokens[j].Is(Lex.StreetSuffix))
                    {
                        end = j;
                        break;
                    }

                    if (!caseless && !tokens[j].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) && tokens[j].Kind != TokenKind.Alnum)
                    {
                        break;
                    }
                }

                if (end < 0 || Overlaps(spans, tokens[k].Start, tokens[end].End))
                {
                    continue;
                }
            }

            spans[n] = new PiiSpan(spans[n].Start, tokens[end].End, PiiLabel.Address);
        }
    }
}
