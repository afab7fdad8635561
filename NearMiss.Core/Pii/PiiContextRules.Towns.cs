namespace NearMiss.Core.Pii;

/// <summary>
/// Towns by their context where their name alone says nothing (decision 067): a listed town before its state ("Hope,
/// AR"), and a town of two or three words typed in lower case after a word of place ("near storm lake"); and a news dateline's place before its state ("NILES, Ill.").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// "Hope, AR", "HAZARD, KY", "Boring, Oregon", "hope, arkansas" in a text all in lower case: a listed town before a
    /// comma and its state, even where the town's name is an ordinary word or a name; a town no list knows where it
    /// follows a word of place ("from Interior, SD") or makes a line with its state alone ("Mission, South Dakota"). The state closes the phrase: a clause's end, a
    /// bracket, a dash or a postcode after it ("AR-15" and "CA compliant" are no state).
    /// </summary>
    private void TownsBeforeStates(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(',') && !caseless || !Shapes.HasLex(Lex.State | Lex.StateCode))
        {
            return;
        }

        for (var k = 2; k < count; k++)
        {
            // The state: its code in capitals, or its name, of two words ("South Dakota") or one, in lower case only in a
            // text all in lower case ("hope, arkansas"); speech leaves the comma out ("hope arkansas out in hempstead
            // county"), not after a person ("i hope arkansas wins").
            var comma = P(k - 1, ',');
            if (!IsWord(k) || !comma && !(caseless && IsWord(k - 1) && Spaced(k - 1, k) && tokens[k - 1].Is(Lex.Place) && !EqAny(k - 2, "i", "we", "you", "they", "to", "and", "or")))
            {
                continue;
            }

            var two = EqAny(k, "north", "south", "west", "new", "rhode") && EqAny(k + 1, "dakota", "carolina", "virginia", "mexico", "jersey", "york", "hampshire", "island") && Spaced(k, k + 1);
            var state = two ? k + 1 : k;
            if (!(comma && tokens[k].Is(Lex.StateCode) && tokens[k].Length == 2 && tokens[k].Has(TokenFlags.AllCaps)
                || (two || tokens[k].Is(Lex.State)) && (!tokens[k].Has(TokenFlags.Lower) || caseless)))
            {
                continue;
            }

            var after = state + 1;
            var closes = after >= count || tokens[after].Has(TokenFlags.NewlineBefore) || P(after, '.') || P(after, ',') || P(after, ';') || P(after, '(') || P(after, ')')
                || P(after, '-') && !(after + 1 < count && tokens[after + 1].Start == tokens[after].End)
                || tokens[after].Kind == TokenKind.Number && tokens[after].Length == 5 && tokens[after].Start > tokens[k].End
                || !comma && IsWord(after) && tokens[after].Is(Lex.Stop | Lex.Locative) && !Eq(after, "state");
            // The town: a listed phrase of two or three words ("BOWLING GREEN"), or one listed word.
            var last = comma ? k - 2 : k - 1;
            var town = -1;
            for (var first = last - 2; closes && first < last; first++)
            {
                if (first >= 0 && AllCapitalised(first, last)
                    && lexicon.PhrasePopulation(text.AsSpan(tokens[first].Start, tokens[last].End - tokens[first].Start).ToString().ToLowerInvariant()) >= 0)
                {
                    town = first;
                    break;
                }
            }

            // (One word of a longer capitalised name is not the town: "BOWLING GREEN" when only "GREEN" is listed.)
            if (town < 0 && IsWord(last) && (!tokens[last].Has(TokenFlags.Lower) || caseless) && tokens[last].Is(Lex.Place) && !(last > 0 && AllCapitalised(last - 1, last)) && !tokens[last].Is(Lex.Stop | Lex.Month | Lex.Weekday | Lex.State))
            {
                town = last;
            }

            // A town no list knows, capitalised as a name before its state's code or name, opening its line or after a word
            // of place: "Call from Interior, SD (Jackson Co.)", "Mission, South Dakota".
            if (town < 0 && IsWord(last) && tokens[last].Has(TokenFlags.Capitalized) && !tokens[last].Has(TokenFlags.AllCaps) && !(last > 0 && AllCapitalised(last - 1, last))
                && !tokens[last].Is(Lex.Stop | Lex.Month | Lex.Weekday | Lex.State | Lex.Rank | Lex.Role) && !In(Closings, last) && !In(Greetings, last)
                && (LineStart(last) && (after >= count || tokens[after].Has(TokenFlags.NewlineBefore)) || IsWord(last - 1) && tokens[last - 1].Is(Lex.Locative)))
            {
                town = last;
            }

            if (!closes || town < 0 || OverlapsBeyond(spans, new PiiSpan(tokens[town].Start, tokens[last].End, PiiLabel.Location)) || Overlaps(added, tokens[town].Start, tokens[last].End))
            {
                continue;
            }

            RemoveWithin(spans, tokens[town].Start, tokens[last].End);
            added.Add(new PiiSpan(tokens[town].Start, tokens[last].End, PiiLabel.Location));
        }
    }

    /// <summary>
    /// Towns of two or three words typed in lower case after a word of place: "at fort peck", "near reeds spring",
    /// "in storm lake". A listed phrase, not opened by a word of grammar ("the village"), of a town of five thousand people
    /// or more, or of a thousand with a word that is not English; a phrase of ordinary words naming a small place ("plain
    /// view", "cut off") and a single word in lower case are too often ordinary, and are left to the tagger.
    /// </summary>
    private void LowerPlacePhrases(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasLex(Lex.PlaceHead))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Has(TokenFlags.Lower) || !tokens[k].Is(Lex.PlaceHead) || tokens[k].Is(Lex.Stop) || !IsWord(k - 1) || !tokens[k - 1].Is(Lex.Locative) || !tokens[k - 1].Has(TokenFlags.Lower))
            {
                continue;
            }

            var end = -1;
            for (var last = k + 1; last <= k + 2 && last < count && IsWord(last) && tokens[last].Has(TokenFlags.Lower) && Spaced(last - 1, last); last++)
            {
                var population = tokens[last].Is(Lex.Stop) ? -1 : lexicon.PhrasePopulation(text.AsSpan(tokens[k].Start, tokens[last].End - tokens[k].Start));
                if (population >= 5000 || population >= 1000 && !(English(k) && English(last) && (last == k + 1 || English(k + 1))))
                {
                    end = last;
                }
            }

            if (end > 0 && !Overlaps(spans, tokens[k].Start, tokens[end].End) && !Overlaps(added, tokens[k].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Location));
                k = end;
            }
        }
    }

    /// <summary>
    /// "between Gilbert and Justice", "between Justice and Gilbert": after "between", a capitalised word on one side of
    /// "and" is a place when a place stands on the other, whatever the word means alone.
    /// </summary>
    private void PlacesBetween(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("between"))
        {
            return;
        }

        for (var k = 0; k + 3 < count; k++)
        {
            if (!Eq(k, "between") || !IsWord(k + 1))
            {
                continue;
            }

            // The first side: one capitalised word, or a place found of up to three words.
            var first = PlaceEndingAt(spans, k + 1, out var firstEnd);
            var and = first ? firstEnd + 1 : k + 2;
            if (!Eq(and, "and") || !IsWord(and + 1))
            {
                continue;
            }

            var second = PlaceEndingAt(spans, and + 1, out _);
            if (first == second)
            {
                continue; // both places already, or neither
            }

            var lone = first ? and + 1 : k + 1;
            var other = first ? k + 1 : and + 1;
            if (!tokens[lone].Has(TokenFlags.Capitalized) || tokens[lone].Has(TokenFlags.AllCaps) && !tokens[other].Has(TokenFlags.AllCaps) || tokens[lone].Is(Lex.Stop | Lex.Month | Lex.Weekday | Lex.Rank | Lex.Role)
                || Overlaps(spans, tokens[lone].Start, tokens[lone].End) || Overlaps(added, tokens[lone].Start, tokens[lone].End))
            {
                continue;
            }

            added.Add(new PiiSpan(tokens[lone].Start, tokens[lone].End, PiiLabel.Location));
        }
    }

    /// <summary>
    /// "up in monticello or moab", "from Nampa and Caldwell": a town of the gazetteer that no word or name spells, joined by
    /// "or" or "and" to a place found after a locative, is a place too.
    /// </summary>
    private void PlacesJoined(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("and") && !TextHasWord("or"))
        {
            return;
        }

        foreach (var span in spans)
        {
            var first = FirstToken(span.Start);
            var last = TokenEnding(span.End);
            var k = last + 2;
            if (span.Label != PiiLabel.Location || first < 1 || last < first || last - first > 2 || !tokens[first - 1].Is(Lex.Locative) || !IsWord(first - 1)
                || !(Eq(last + 1, "or") || Eq(last + 1, "and")) || !IsWord(k) || !Spaced(last + 1, k) || !tokens[k].Is(Lex.Place) || tokens[k].Lex.PlacePopulation < 1_000
                || English(k) || tokens[k].Is(Lex.GivenName | Lex.Surname | Lex.Stop | Lex.Month | Lex.Weekday | Lex.Rank | Lex.Role) || tokens[k].Lex.Has(LexExtra.NotPii)
                || IsWord(k + 1) && tokens[k + 1].Is(Lex.StreetSuffix) || text.AsSpan(span.Start, span.End - span.Start).IndexOfAnyInRange('0', '9') >= 0 // (a corner: "sr-189 and mariposa rd")
                || Overlaps(spans, tokens[k].Start, tokens[k].End) || Overlaps(added, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
        }
    }

    /// <summary>Whether a place found starts at token <paramref name="k"/>; <paramref name="last"/> is its last token.</summary>
    private bool PlaceEndingAt(List<PiiSpan> spans, int k, out int last)
    {
        last = k;
        foreach (var span in spans)
        {
            if (span.Label == PiiLabel.Location && span.Start == tokens[k].Start)
            {
                last = FirstToken(span.End) - 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Jackson Co.", "Starr Co.": a span that ends in "Co" with its full stop is a county, a place (not a person), and
    /// the stop is part of it unless it ends the sentence.
    /// </summary>
    private void ShortCounties(List<PiiSpan> spans)
    {
        if (!Shapes.HasPunct('.'))
        {
            return;
        }

        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var k = FirstToken(span.End) - 1;
            if (span.Label is not (PiiLabel.Person or PiiLabel.Location) || k < 1 || tokens[k].End != span.End || !IsWord(k) || W(k) is not "Co" and not "CO"
                || !P(k + 1, '.') || tokens[k + 1].Start != tokens[k].End || tokens[k].Start == span.Start)
            {
                continue;
            }

            // The stop is the abbreviation's, not a sentence's end, where a mark or a word in lower case follows ("Jackson Co.)").
            var next = k + 2;
            var own = next < count && !tokens[next].Has(TokenFlags.NewlineBefore) && (tokens[next].Kind == TokenKind.Punct || !caseless && IsWord(next) && tokens[next].Has(TokenFlags.Lower));
            spans[i] = new PiiSpan(span.Start, own ? tokens[k + 1].End : span.End, PiiLabel.Location);
        }
    }

    private static readonly WordSet CountyWords = new(["county", "parish", "borough", "township"]);

    /// <summary>
    /// A place or a name found before "county" in lower case, as voice-to-text capitalises: "the cabin in Marathon county",
    /// "Portage county deputy schultz". The county is one place with its word.
    /// </summary>
    private void LowerCountyWords(List<PiiSpan> spans)
    {
        if (caseless || !TextHas(CountyWords))
        {
            return;
        }

        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var k = FirstToken(span.End) - 1;
            if (span.Label is not (PiiLabel.Person or PiiLabel.Location) || k < 0 || tokens[k].End != span.End || !IsWord(k) || !tokens[k].Has(TokenFlags.Capitalized)
                || !In(CountyWords, k + 1) || !tokens[k + 1].Has(TokenFlags.Lower) || !Spaced(k, k + 1) || Overlaps(spans, tokens[k + 1].Start, tokens[k + 1].End)
                || In(LowerAgencyHeads, k + 2) || tokens[k].Is(Lex.State)) // (its agency is the agency rules': "Marathon county sheriff"; a state's county is none: "a rural Texas county")
            {
                continue;
            }

            spans[i] = new PiiSpan(span.Start, tokens[k + 1].End, PiiLabel.Location);
        }
    }

    /// <summary>Are the tokens from <paramref name="first"/> to <paramref name="last"/> words, none in lower case, with one space between?</summary>
    private bool AllCapitalised(int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (!IsWord(k) || tokens[k].Has(TokenFlags.Lower) || k > first && !Spaced(k - 1, k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>States named like people, which say the state in lower case only by their context ("georgia", "virginia").</summary>
    private static readonly WordSet NamedLikePeople = new(["georgia", "virginia", "washington", "indiana", "montana", "carolina", "dakota", "maine"]);

    /// <summary>
    /// A state's name in lower case, as phones and transcripts write it: "in clarence, iowa", "michigan doc", "out on lake
    /// michigan", "a new mexico plate"; not a state that is also a person's name ("georgia", "virginia").
    /// </summary>
    private void LowerStates(List<PiiSpan> spans, List<PiiSpan> added)
    {
        var pairs = TextHas(StateFirstWords);
        if (!Shapes.HasLex(Lex.State) && !pairs)
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            if (IsWord(k) && tokens[k].Is(Lex.State) && tokens[k].Has(TokenFlags.Lower) && tokens[k].Length >= 4 && !In(NamedLikePeople, k) && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
            }
            else if (pairs && In(StateFirstWords, k) && IsWord(k + 1) && Spaced(k, k + 1) && (caseless || tokens[k].Has(TokenFlags.Lower) && tokens[k + 1].Has(TokenFlags.Lower))
                && lexicon.PhrasePopulation(text.AsSpan(tokens[k].Start, tokens[k + 1].End - tokens[k].Start)) >= PiiLexicon.StatePopulation
                && !OverlapsOutside(spans, tokens[k].Start, tokens[k + 1].End) && !Overlaps(added, tokens[k].Start, tokens[k + 1].End))
            {
                RemoveWithin(spans, tokens[k].Start, tokens[k + 1].End); // (its second word read alone: "his south Dakota license")
                added.Add(new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.Location)); // "a new mexico plate", "south dakota"
                k++;
            }
        }
    }

    /// <summary>Does a span reach outside <paramref name="start"/> to <paramref name="end"/> while overlapping it?</summary>
    private static bool OverlapsOutside(List<PiiSpan> spans, int start, int end) =>
        spans.Exists(s => s.Start < end && start < s.End && (s.Start < start || s.End > end));

    /// <summary>First words of the states of two words: "new mexico", "south dakota", "rhode island".</summary>
    private static readonly WordSet StateFirstWords = new(["new", "north", "south", "west", "rhode"]);

    /// <summary>
    /// "south of protection", "a mile east of concrete near milepost", "north of hatch, i found", "south of fort yates": a
    /// town of the gazetteer, of any size, after a compass bearing and "of", even where its name is an ordinary word
    /// (decision 087), in a text all in one case or written with its capital. Not "east of the river", "west of town", nor
    /// a street's or a county's first word ("north of pine street", "west of polk county").
    /// </summary>
    private void TownsAfterBearings(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(Bearings) || !TextHasWord("of"))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            var first = k + 2;
            if (!In(Bearings, k) || !Eq(k + 1, "of") || !IsWord(first) || !Spaced(k + 1, first) || !caseless && tokens[first].Has(TokenFlags.Lower))
            {
                continue;
            }

            var last = -1;
            if (IsWord(first + 1) && Spaced(first, first + 1) && text.AsSpan(tokens[first].Start, tokens[first + 1].End - tokens[first].Start) is var two
                && (lexicon.PhrasePopulation(two.ToString().ToLowerInvariant()) >= 0 || PiiLexicon.IsSmallPlace(two)))
            {
                last = first + 1; // "south of fort yates"
            }
            else if ((tokens[first].Is(Lex.Place) || PiiLexicon.IsSmallPlace(W(first))) && !tokens[first].Is(Lex.Stop | Lex.Month | Lex.Weekday | Lex.State | Lex.Country | Lex.Measure)
                && !In(NotTowns, first))
            {
                last = first; // (a town of any size: "south of protection", "east of concrete")
            }

            var next = last + 1;
            if (last < 0 || IsWord(next) && (tokens[next].Is(Lex.StreetSuffix | Lex.PremiseSuffix | Lex.OrgSuffix) || In(NotTowns, next)) || P(next, '\''))
            {
                continue;
            }

            if (AddInPlace(spans, added, new PiiSpan(tokens[first].Start, tokens[last].End, PiiLabel.Location)))
            {
                k = last;
            }
        }
    }

    internal static readonly WordSet Bearings = new(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"]);

    /// <summary>Words after a bearing and "of" that are no town, and words after a town's word that make it another thing's.</summary>
    private static readonly WordSet NotTowns = new(["town", "here", "there", "us", "me", "them", "it", "county", "parish", "township", "city", "county's", "border", "center", "centre", "main", "lake", "river", "creek"]);

    /// <summary>"CASA GRANDE, Ariz. —", "NILES, Ill." and "Denver, Colo.": the place and its AP state abbreviation.</summary>
    private void Datelines(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // (A dateline's state follows a comma: a state's name, its AP abbreviation, or that abbreviation's letters with
        // their dots.)
        var states = Shapes.HasPunct(',') && (Shapes.HasLex(Lex.State) || Shapes.HasExtra(LexExtra.ApState) || (Shapes.Letters & lexicon.ApStateInitials) != 0);
        for (var k = 0; k < count && states; k++)
        {
            if (!IsWord(k) || !P(k - 1, ',') || !IsStateAfterComma(k))
            {
                continue;
            }

            // The abbreviation with its dots: "Ariz." or "S.D." or "W.Va.".
            var end = k;
            while (end + 1 < count && P(end + 1, '.') && tokens[end + 1].Start == tokens[end].End)
            {
                end++;
                if (IsWord(end + 1) && tokens[end + 1].Start == tokens[end].End && tokens[end + 1].Length <= 2)
                {
                    end++;
                }
            }

            if (!P(end, '.') && !tokens[k].Is(Lex.State) || EqAny(end + 1, "plate", "plates", "tag", "tags", "registration", "reg"))
            {
                continue; // (a state before "plate" is the plate's: "a black Corolla, Texas plate ...")
            }

            // The place before the comma: capitalised or upper-case words back to the line start or a preposition.
            var placeEnd = k - 2;
            var placeStart = placeEnd;
            while (placeStart - 1 >= 0 && IsWord(placeStart - 1) && !tokens[placeStart].Has(TokenFlags.NewlineBefore) && !tokens[placeStart - 1].Has(TokenFlags.Lower)
                && !tokens[placeStart - 1].Is(Lex.Locative | Lex.Stop) && placeEnd - placeStart < 3)
            {
                placeStart--;
            }

            if (!IsWord(placeEnd) || tokens[placeEnd].Has(TokenFlags.Lower))
            {
                continue;
            }

            var existing = IndexStartingAt(spans, tokens[k].Start);
            if (existing >= 0)
            {
                spans[existing] = spans[existing] with { End = Math.Max(spans[existing].End, tokens[end].End) };
            }
            else
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Location));
            }

            RemoveInside(spans, tokens[placeStart].Start, tokens[placeEnd].End, PiiLabel.Location);
            if (!Overlaps(spans, tokens[placeStart].Start, tokens[placeEnd].End))
            {
                added.Add(new PiiSpan(tokens[placeStart].Start, tokens[placeEnd].End, PiiLabel.Location));
            }
        }

        // "HOUSTON —", "OKLAHOMA CITY —", "PHOENIX - A", "DENVER (AP) —" at the start of a line: upper-case words
        // before a dash, a listed place.
        var capitals = Shapes.HasWord(TokenFlags.AllCaps);
        for (var k = 0; k < count && capitals; k++)
        {
            if (!IsWord(k) || !(k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) || !tokens[k].Has(TokenFlags.AllCaps))
            {
                continue;
            }

            var dash = k + 1;
            while (dash < k + 3 && IsWord(dash) && tokens[dash].Has(TokenFlags.AllCaps) && !tokens[dash].Has(TokenFlags.NewlineBefore))
            {
                dash++;
            }

            var listed = dash == k + 1 ? tokens[k].Is(Lex.Place) : lexicon.PhrasePopulation(text.AsSpan(tokens[k].Start, tokens[dash - 1].End - tokens[k].Start)) >= 0;
            var at = P(dash, '(') && Eq(dash + 1, "ap") && P(dash + 2, ')') ? dash + 3 : dash;
            if (listed && at < count && (text[tokens[at].Start] is '—' or '–' || P(at, '-') && (P(at + 1, '-') || tokens[at].Start > tokens[at - 1].End && Spaced(at, at + 1))))
            {
                RemoveInside(spans, tokens[k].Start, tokens[dash - 1].End, PiiLabel.Location);
                added.Add(new PiiSpan(tokens[k].Start, tokens[dash - 1].End, PiiLabel.Location));
            }
        }
    }

    /// <summary>"Ariz.", "S.D.", "Idaho", but not "PA." (a postal code, the rules' own) after a comma.</summary>
    private bool IsStateAfterComma(int k)
    {
        if (tokens[k].Length == 1)
        {
            return P(k + 1, '.') && IsWord(k + 2) && tokens[k + 2].Length <= 2 && P(k + 3, '.')
                && lexicon.Get(string.Concat(W(k), W(k + 2))).Has(LexExtra.ApState);
        }

        return !tokens[k].Has(TokenFlags.AllCaps) && tokens[k].Lex.Has(LexExtra.ApState) || tokens[k].Is(Lex.State) && !tokens[k].Has(TokenFlags.Lower);
    }

    /// <summary>Words before a part of a city named by its bearing: "in east new york", "out to west valley".</summary>
    private static readonly WordSet PlacePrepositions = new(["in", "at", "from", "to", "near", "into", "through", "outside"]);

    /// <summary>
    /// "in east new york", "from north las vegas": a bearing between a preposition and a place found is the name's first
    /// word, the part of the city it names.
    /// </summary>
    private void BearingsBeforePlaces(List<PiiSpan> spans)
    {
        if (!TextHas(Bearings))
        {
            return;
        }

        for (var n = 0; n < spans.Count; n++)
        {
            var f = FirstToken(spans[n].Start);
            if (spans[n].Label == PiiLabel.Location && f >= 2 && tokens[f].Start == spans[n].Start && In(Bearings, f - 1) && Spaced(f - 1, f) && In(PlacePrepositions, f - 2)
                && Spaced(f - 2, f - 1) && !Overlaps(spans, tokens[f - 1].Start, tokens[f - 1].End))
            {
                spans[n] = spans[n] with { Start = tokens[f - 1].Start };
            }
        }
    }
}
