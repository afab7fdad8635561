namespace NearMiss.Core.Pii;

/// <summary>
/// Shapes of police logs and records (decision 045): the times that open the entries of a timeline ("2250 - Tiny and
/// me 10-8", ", 2316 adam-22 req cover"), the age in a sex/race/age code ("M/W/45"), and the state of a plate or a
/// licence in any case ("CA 8XKT221", "tx tag", "colo plate", "his CDL was FL O412-…").
/// </summary>
internal sealed partial class PiiContextRules
{
    private static readonly string[] PlateWords = ["tag", "tags", "plate", "plates", "plt", "lp", "reg", "registration", "dl", "cdl", "lic", "license", "licence", "ol", "id"];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool IsClockNumber(int k)
    {
        if (k >= count || tokens[k].Kind != TokenKind.Number || tokens[k].Length != 4)
        {
            return false;
        }

        var w = W(k);
        var hours = ((w[0] - '0') * 10) + (w[1] - '0');
        var minutes = ((w[2] - '0') * 10) + (w[3] - '0');
        return hours < 24 && minutes < 60;
    }

    /// <summary>Does an entry of a log start at token k: a new line, or after "," ";" "—" "-" "//" "|" or a date?</summary>
    private bool EntryStart(int k) =>
        k == 0 || tokens[k].Has(TokenFlags.NewlineBefore) || P(k - 1, ',') || P(k - 1, ';') || P(k - 1, '—') || P(k - 1, '–') || P(k - 1, '|')
        || P(k - 1, '-') && k >= 2 && !Spaced(k - 2, k - 1) && tokens[k - 1].Start != tokens[k - 2].End
        || (P(k - 1, '-') || P(k - 1, '•') || P(k - 1, '*')) && (k == 1 || tokens[k - 1].Has(TokenFlags.NewlineBefore)) || P(k - 1, '/') && P(k - 2, '/') || P(k - 1, '.') && tokens[k].Has(TokenFlags.SentenceStart);

    /// <summary>The word after a time that opens an entry: a dash, a call sign, a word; not a block, a unit or a date.</summary>
    private bool EntryRest(int k)
    {
        if (k >= count || tokens[k].Has(TokenFlags.NewlineBefore))
        {
            return false;
        }

        if (P(k, '-') || P(k, '—') || P(k, '–') || P(k, ':') && !(k + 1 < count && tokens[k + 1].Start == tokens[k].End) || HyphenatedUnitEnd(k) >= 0
            || SpeakingUnit(k) || TenCode(k) || IsWord(k) && tokens[k].Length == 1 && P(k + 1, '/') && tokens[k + 1].Start == tokens[k].End)
        {
            return true;
        }

        return (IsWord(k) || tokens[k].Kind == TokenKind.Alnum) && !tokens[k].Is(Lex.Measure | Lex.StreetSuffix | Lex.Month) && !Eq(k, "block") && !Eq(k, "of")
            && !Eq(k, "hrs") && !Eq(k, "hours") && !tokens[k].Is(Lex.Stop) || Eq(k, "the") || Eq(k, "a") || EqAny(k, "on", "in", "at") && EntryState(k + 1);
    }

    /// <summary>A ten-code: "10-8", "10-50" ("1800  10-8 from Wall").</summary>
    private bool TenCode(int k) =>
        Eq(k, "10") && P(k + 1, '-') && k + 2 < count && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length <= 3
        && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End;

    /// <summary>Where a log's entry says a unit is: "1111 On scene", "1119 In custody", "1822 On duty".</summary>
    private bool EntryState(int k) => EqAny(k, "scene", "custody", "service", "quarters", "station", "duty");

    /// <summary>A word before a time that ends something in a log: "Count cleared 1812", "End of tour 1500".</summary>
    private bool LogEnd(int k) => EqAny(k, "cleared", "clear", "clr", "tour", "shift", "secured");

    /// <summary>A unit speaking in a log: "3-Lima-7:", "1-Adam-12:", "317:" (a number and a colon written against it).</summary>
    private bool SpeakingUnit(int k)
    {
        if (tokens[k].Kind != TokenKind.Number)
        {
            return false;
        }

        var last = k;
        if (P(k + 1, '-') && IsWord(k + 2) && P(k + 3, '-') && k + 4 < count && tokens[k + 4].Kind == TokenKind.Number
            && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End && tokens[k + 3].Start == tokens[k + 2].End && tokens[k + 4].Start == tokens[k + 3].End)
        {
            last = k + 4;
        }
        else if (tokens[k].Length > 4)
        {
            return false;
        }

        return P(last + 1, ':') && tokens[last + 1].Start == tokens[last].End;
    }

    /// <summary>The times of a timeline: at least two four-digit clock times that open entries.</summary>
    private void LogTimes(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(4, 4))
        {
            return; // (a clock time is four digits)
        }

        List<int>? found = null;
        for (var k = 0; k < count; k++)
        {
            if (IsClockNumber(k) && EntryStart(k) && EntryRest(k + 1) && !Overlaps(spans, tokens[k].Start, tokens[k].End)
                && !(k + 1 < count && tokens[k + 1].Start == tokens[k].End && !P(k + 1, ':')))
            {
                (found ??= []).Add(k);
            }
        }

        if (found is null || found.Count < 2 && !spans.Exists(static s => s.Label == PiiLabel.Time))
        {
            return;
        }

        foreach (var k in found)
        {
            added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Time));
        }

        // In a log of two entries or more, every line that opens with a clock time is an entry, whatever follows on the
        // line: "2300  On.", "1800  Off duty.", "1340 ***CLOSE CALL***".
        if (found.Count >= 2)
        {
            for (var k = 0; k + 1 < count; k++)
            {
                if ((k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) && IsClockNumber(k) && !found.Contains(k) && !tokens[k + 1].Has(TokenFlags.NewlineBefore)
                    && tokens[k + 1].Start > tokens[k].End && !tokens[k + 1].Is(Lex.Measure) && !Eq(k + 1, "block") && !Overlaps(spans, tokens[k].Start, tokens[k].End))
                {
                    added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Time));
                }
            }
        }

        // In a log, a clock time that closes an entry: "Count cleared 1812.", "End of tour 1500."
        for (var k = 1; k < count; k++)
        {
            if (IsClockNumber(k) && LogEnd(k - 1) && !tokens[k].Has(TokenFlags.NewlineBefore) && !Overlaps(spans, tokens[k].Start, tokens[k].End)
                && (k + 1 >= count || P(k + 1, '.') || P(k + 1, ',') || tokens[k + 1].Has(TokenFlags.NewlineBefore)))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Time));
            }
        }
    }

    /// <summary>"M/W/45", "W/M/32", "B/F/19", "M/NA/29": the age in a sex, race and age code.</summary>
    private void CodedAges(List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('/') || !Shapes.HasNumber(1, 2))
        {
            return;
        }

        for (var k = 0; k + 4 < count; k++)
        {
            if (IsWord(k) && tokens[k].Length == 1 && P(k + 1, '/') && IsWord(k + 2) && (tokens[k + 2].Length == 1 || tokens[k + 2].Length == 2 && tokens[k + 2].Has(TokenFlags.AllCaps)) && P(k + 3, '/') && tokens[k + 4].Kind == TokenKind.Number
                && tokens[k + 4].Length <= 2 && (Eq(k, "m") || Eq(k, "f") || Eq(k + 2, "m") || Eq(k + 2, "f"))
                && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End && tokens[k + 3].Start == tokens[k + 2].End && tokens[k + 4].Start == tokens[k + 3].End)
            {
                added.Add(new PiiSpan(tokens[k + 4].Start, tokens[k + 4].End, PiiLabel.Age));
            }
        }
    }

    /// <summary>
    /// The state of a plate or a licence: a state code, AP abbreviation or name before "tag", "plate", "DL" or a plate
    /// found; a state's name after "plate" or "tag".
    /// </summary>
    private void PlateStates(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasLex(Lex.StateCode | Lex.State) && !Shapes.HasExtra(LexExtra.ApState))
        {
            return; // (a state's code, name or AP abbreviation)
        }

        for (var k = 0; k + 1 < count; k++)
        {
            // The word's own tests first (common words such as "in" and "me" are state codes too); the spans are searched last.
            // (a state's name in full says the state in any case: "a gray tahoe texas plate")
            var named = IsWord(k) && tokens[k].Is(Lex.State) && tokens[k].Length >= 4;
            if (!IsWord(k) || !(tokens[k].Is(Lex.StateCode) && tokens[k].Length == 2 || tokens[k].Lex.Has(LexExtra.ApState) && tokens[k].Length >= 3 || named)
                || tokens[k].Has(TokenFlags.Lower) && !caseless && !named || Eq(k, "id") || Eq(k, "in") || Eq(k, "me") || Eq(k, "or") && !tokens[k].Has(TokenFlags.AllCaps))
            {
                continue;
            }

            var n = k + 1;
            var was = (Eq(k - 1, "was") || P(k - 1, ':')) && (Eq(k - 2, "cdl") || Eq(k - 2, "dl") || Eq(k - 2, "plate") || Eq(k - 2, "tag") || Eq(k - 2, "license"))
                || named && EqAny(k - 1, "plate", "plates", "tag", "tags"); // "partial plate illinois p six zero"
            // A plate's word or a plate after the state, or "plate was" before it.
            var plated = was || IsWord(n) && EqAny(n, PlateWords) && !(Eq(n, "id") && !tokens[k].Has(TokenFlags.AllCaps))
                || StartsSpan(spans, tokens[n].Start, PiiLabel.Plate, PiiLabel.DriverLicense);
            if (plated && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
            }
        }
    }

    /// <summary>"Lancaster Dr NE", "4th st n": the directional after a street; "Clarence Wolf Jr.": the suffix of a name with its dot.</summary>
    private void SpanTails(List<PiiSpan> spans)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            var span = spans[n];
            var last = TokenEnding(span.End);
            var k = last + 1;
            if (span.Label == PiiLabel.Address && IsWord(last) && tokens[last].Is(Lex.StreetSuffix | Lex.Abbreviation) && P(k, '.') && tokens[k].Start == tokens[last].End)
            {
                k++;
            }

            var end = -1;
            if (span.Label == PiiLabel.Address && IsWord(k) && Spaced(k - 1, k) && IsWord(last) && (EqAny(k, "n", "s", "e", "w", "ne", "nw", "se", "sw") && (caseless || tokens[k].Has(TokenFlags.AllCaps) || char.IsAsciiLetterUpper(text[tokens[k].Start]) && tokens[k].Length == 1)
                    || EqAny(k, "northeast", "northwest", "southeast", "southwest") && tokens[last].Is(Lex.StreetSuffix) && (caseless || !tokens[k].Has(TokenFlags.Lower))) // ("University Avenue Southeast")
                && (k + 1 >= count || tokens[k + 1].Kind == TokenKind.Punct || IsWord(k + 1) && tokens[k + 1].Has(TokenFlags.Lower) && !Eq(k + 1, "of")))
            {
                end = k;
            }
            else if (span.Label == PiiLabel.Person && (Eq(last, "jr") || Eq(last, "sr")) && P(k, '.') && tokens[k].Start == tokens[last].End)
            {
                end = k;
            }
            else if (span.Label == PiiLabel.Person && IsWord(k) && Spaced(last, k) && (Eq(k, "jr") || Eq(k, "sr") || (Eq(k, "ii") || Eq(k, "iii")) && tokens[k].Has(TokenFlags.AllCaps)))
            {
                end = P(k + 1, '.') && tokens[k + 1].Start == tokens[k].End ? k + 1 : k;
            }

            else if (span.Label == PiiLabel.Person && IsWord(k) && tokens[k].Length == 1 && Spaced(last, k) && P(k + 1, ':'))
            {
                end = k; // a chat's speaker with the initial of a surname: "kayla r: ya"
            }
            else if (span.Label == PiiLabel.Agency && (Eq(last, "sheriff") || Eq(last, "marshal")) && (P(k, '\'') || P(k, '’')) && Eq(k + 1, "s") && tokens[k].Start == tokens[last].End && tokens[k + 1].Start == tokens[k].End)
            {
                end = k + 1; // "cook county sheriff's"
            }
            else if (span.Label == PiiLabel.Agency && IsWord(k) && Spaced(last, k) && tokens[k].Has(TokenFlags.Lower) && Eq(k, "police") && !EqAny(last, "police", "office", "department", "dept", "pd", "so"))
            {
                end = k; // "Port of Houston Authority police"
            }

            if (end > last && !Overlaps(spans, tokens[last + 1].Start, tokens[end].End))
            {
                spans[n] = span with { End = tokens[end].End };
            }
            else if (span.Label == PiiLabel.Time && span.End < text.Length && text[span.End] is 'a' or 'p' or 'A' or 'P' && (span.End + 1 == text.Length || !char.IsLetterOrDigit(text[span.End + 1])))
            {
                spans[n] = span with { End = span.End + 1 }; // a chat's "[11:02p]", "4:50a"
            }
        }
    }

    /// <summary>The words before a chain's name that make it a premise though it is not capitalised: "the circle k", "at loves".</summary>
    private static readonly WordSet ChainLeads = new(["the", "at", "outside", "behind", "near", "from", "to", "by"]);

    /// <summary>
    /// Chains by name: "outside the circle k", "at the Dollar General", "the motel 6 on central"; a chain named by an
    /// ordinary word only as a premise ("at the Target on Sepulveda", "AT LOVES I-40", "the shell on w. colfax").
    /// </summary>
    private void Chains(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 1; k < count; k++)
        {
            if (tokens[k].Kind == TokenKind.Punct || !IsWord(k - 1))
            {
                continue;
            }

            // A capital inside a sentence, or a lead before the word ("the", "at", "outside" ...); the flags are tested first.
            var capital = !caseless && tokens[k].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) && !tokens[k].Has(TokenFlags.SentenceStart);
            // (a word's entry says whether it opens a chain's name; a number asks the list: "7 eleven")
            if (!(tokens[k].Kind == TokenKind.Word ? tokens[k].Lex.Cue.HasFlag(LexCue.ChainHead) : lexicon.IsChainHead(W(k))) || !(capital || In(ChainLeads, k - 1)))
            {
                continue;
            }

            var matched = false;
            for (var n = Math.Min(4, count - k); n >= 2 && !matched; n--)
            {
                var last = k + n - 1;
                if (tokens[last].End - tokens[k].Start > 30 || tokens[last].Has(TokenFlags.NewlineBefore))
                {
                    continue;
                }

                var chain = new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.Location);
                if (lexicon.IsChainPhrase(text.AsSpan(chain.Start, chain.End - chain.Start)) && OnlyNamesWithin(spans, chain))
                {
                    RemoveWithin(spans, chain.Start, chain.End); // "Jack" and "Box" read as names inside "Jack in the Box"
                    added.Add(chain);
                    matched = true;
                    k = last;
                }
            }

            if (matched || !IsWord(k) || !lexicon.IsChainWord(W(k)) || !(Eq(k - 1, "the") || Eq(k - 1, "at")) || Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            var next = k + 1;
            var after = next + 1;
            var premise = EqAny(next, "parking", "lot", "store", "gas", "station")
                || EqAny(next, "on", "at", "off") && after < count && (tokens[after].Has(TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.DigitFirst) && !tokens[after].Is(Lex.Stop)
                    || EqAny(after, "w", "e", "n", "s", "north", "south", "east", "west") || StartsSpan(spans, tokens[after].Start, PiiLabel.Location, PiiLabel.Address))
                || next < count && StartsSpan(spans, tokens[next].Start, PiiLabel.Location, PiiLabel.Address);
            if (premise)
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
            }
        }
    }

    /// <summary>
    /// "Gilmore St, Waycross.": the town after a street and a comma; "NORTH OF LUKEVILLE", "west of Tuba City": a word
    /// no list knows after a compass direction and "of".
    /// </summary>
    private void PlacesBeside(List<PiiSpan> spans, List<PiiSpan> added)
    {
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.Address)
            {
                continue;
            }

            var k = FirstToken(span.End);
            if (P(k, ',') && IsWord(k + 1) && !Overlaps(spans, tokens[k + 1].Start, tokens[k + 1].End) && !tokens[k + 1].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.StateCode)
                && (tokens[k + 1].Has(TokenFlags.Capitalized) && !caseless || tokens[k + 1].Is(Lex.Place | Lex.County) && !English(k + 1) || tokens[k + 1].Lex.Flags == Lex.None && !English(k + 1))
                && (k + 2 >= count || tokens[k + 2].Kind == TokenKind.Punct))
            {
                added.Add(new PiiSpan(tokens[k + 1].Start, tokens[k + 1].End, PiiLabel.Location));
            }
        }

        // "GRESHAM, OR.": the state code after a place and a comma.
        foreach (var span in spans)
        {
            var k = FirstToken(span.End);
            if (span.Label == PiiLabel.Location && P(k, ',') && IsWord(k + 1) && tokens[k + 1].Is(Lex.StateCode) && tokens[k + 1].Length == 2 && tokens[k + 1].Has(TokenFlags.AllCaps)
                && (k + 2 >= count || tokens[k + 2].Kind == TokenKind.Punct) && !Overlaps(spans, tokens[k + 1].Start, tokens[k + 1].End))
            {
                added.Add(new PiiSpan(tokens[k + 1].Start, tokens[k + 1].End, PiiLabel.Location));
            }
        }

        for (var k = 2; k < count; k++)
        {
            if (Eq(k - 1, "of") && EqAny(k - 2, "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest") && IsWord(k) && tokens[k].Length > 3
                && tokens[k].Lex.Flags == Lex.None && !English(k) && !tokens[k].Lex.Has(LexExtra.NotPii) && (caseless || tokens[k].Has(TokenFlags.Capitalized))
                && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
            }
        }
    }

    /// <summary>
    /// "Park Street station", "Picacho Avenue bridge", "prowers county jail", "POTTER COUNTY DETENTION CENTER": a place
    /// or a street followed by the word of a premise is the premise (LOCATION).
    /// </summary>
    private void Premises(List<PiiSpan> spans)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            var span = spans[n];
            var last = TokenEnding(span.End);
            if (NamedPremise(spans, span, last) is var premise and >= 0)
            {
                spans[n] = new PiiSpan(span.Start, tokens[premise].End, PiiLabel.Location);
                continue;
            }

            if (span.Label is not (PiiLabel.Location or PiiLabel.Address))
            {
                continue;
            }

            var end = last;
            while (end + 1 < count && end - last < 2 && IsWord(end + 1) && Spaced(end, end + 1) && tokens[end + 1].Is(Lex.PremiseSuffix) && !tokens[end + 1].Is(Lex.Stop)
                && (span.Label == PiiLabel.Address || !caseless && !tokens[end + 1].Has(TokenFlags.Lower)
                    || caseless && In(CaselessPremises, end + 1))
                && !(Eq(end + 1, "park") && span.Label == PiiLabel.Address) && !Eq(end + 1, "range") && !Eq(end + 1, "high") && !Eq(end + 1, "middle") && !Eq(end + 1, "wash") && !Eq(end + 1, "body"))
            {
                end++;
            }

            // A county's lock-up named in lower case after it: "the Hidalgo County jail", "Perry County detention", "Dakota County juvenile".
            // (not its staff: "a Robeson County detention officer")
            if (end == last && Eq(last, "county") && Spaced(last, last + 1) && EqAny(last + 1, "jail", "detention", "juvenile", "courthouse", "lockup")
                && !EqAny(last + 2, "officer", "officers", "deputy", "deputies", "staff", "sergeant"))
            {
                end += Eq(last + 1, "juvenile") && Eq(last + 2, "detention") ? 2 : 1; // "McLean County juvenile detention center"
            }

            if ((Eq(end, "detention") || Eq(end, "medical") || Eq(end, "justice")) && IsWord(end + 1) && (Eq(end + 1, "center") || Eq(end + 1, "centre") || Eq(end + 1, "facility")))
            {
                end++;
            }

            if (end == last && PremisePairEnd(last) is var pair and > 0)
            {
                // "lansing correctional facility", "big bend national park": a premise of two words in lower case; a
                // word of it the true-caser capitalised and the rules took alone goes with it.
                spans.RemoveAll(other => other.Start >= tokens[last + 1].Start && other.End <= tokens[pair].End); // (all after span n)
                end = pair;
            }

            if (end > last && !Overlaps(spans, tokens[last + 1].Start, tokens[end].End) && !(span.Label == PiiLabel.Address && tokens[end].Is(Lex.StreetSuffix)))
            {
                spans[n] = new PiiSpan(span.Start, tokens[end].End, PiiLabel.Location);
            }
        }
    }

    /// <summary>Premises a name before them makes a place, written in lower case after it: "the Novotny farm", "Alton Bay ramp", "the Dirksen building".</summary>
    private static readonly WordSet PremiseNouns = new(["farm", "ranch", "place", "ramp", "launch", "landing", "exit", "terminal", "bridge", "beach", "pier", "dock", "docks", "marina", "trailhead", "campground", "lodge", "inn", "church", "homestead", "property", "dairy", "orchard", "pasture", "quarry", "mine",
        "station", "building", "stadium", "library", "harbor", "harbour", "overlook", "arena"]);

    /// <summary>Premises that join a place before them in text whose case says nothing: "KENAI RIVER", "mesa jail", "the boise airport".</summary>
    private static readonly WordSet CaselessPremises = new(["jail", "prison", "detention", "station", "bridge", "mall", "hospital", "courthouse", "river", "lake", "creek", "harbor", "harbour", "marina",
        "airport", "stadium", "arena", "casino", "library", "cemetery", "campground", "trailhead", "fairgrounds", "reservoir", "terminal", "pier", "wharf"]);

    /// <summary>
    /// A name or place followed by a premise in lower case: "the Real Bird place", "the Dorrance exit", "Horseneck
    /// beach". A person's name becomes a place only after "the" and before a premise of a family ("farm", "place").
    /// </summary>
    private int NamedPremise(List<PiiSpan> spans, PiiSpan span, int last)
    {
        var k = last + 1;
        if (span.Label is not (PiiLabel.Location or PiiLabel.Person) || !IsWord(k) || !tokens[k].Has(TokenFlags.Lower) || !Spaced(last, k) || !In(PremiseNouns, k)
            || Overlaps(spans, tokens[k].Start, tokens[k].End))
        {
            return -1;
        }

        // "the Route 2 bridge" is the route's; "a new Croatian place" no premise.
        var first = FirstToken(span.Start);
        var afterThe = Eq(first - 1, "the");
        var place = span.Label == PiiLabel.Location && tokens[last].Kind != TokenKind.Number && (afterThe || !Eq(k, "place"));
        return place || afterThe && (!tokens[first].Has(TokenFlags.Lower) || caseless) ? k : -1;
    }

    /// <summary>A plate written in groups is one span: "reg 7734 UM", "RI 4418 K": a group of one to three capitals after it joins it.</summary>
    private void PlateGroups(List<PiiSpan> spans)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            var plate = spans[n];
            if (plate.Label != PiiLabel.Plate)
            {
                continue;
            }

            var last = TokenEnding(plate.End);
            var k = last + 1;
            if (IsWord(k) && Spaced(last, k) && tokens[k].Has(TokenFlags.AllCaps) && tokens[k].Length <= 3 && !tokens[k].Is(Lex.Stop | Lex.StateCode | Lex.Brand | Lex.Measure | Lex.Keyword | Lex.AgencyAcronym)
                && !tokens[k].Lex.Has(LexExtra.NotPii) && !EqAny(k, "suv", "atv", "utv", "rv", "van", "car", "pu", "dl", "vin") && !tokens[k].Has(TokenFlags.NewlineBefore)
                && !(k + 1 < count && tokens[k + 1].Kind != TokenKind.Punct && tokens[k + 1].Has(TokenFlags.AllCaps)) && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                spans[n] = plate with { End = tokens[k].End };
            }
        }
    }

    /// <summary>
    /// "a crash at Warren and Schaefer", "en route from Tropicana and Koval": two places or names found after "at",
    /// "from", "near", "on" or "of", joined by "and" or "&amp;", are one intersection (the words between leaked).
    /// </summary>
    private void JoinIntersections(List<PiiSpan> spans)
    {
        for (var n = spans.Count - 2; n >= 0; n--)
        {
            var (a, b) = (spans[n], spans[n + 1]);
            if (a.Label is not (PiiLabel.Location or PiiLabel.Person or PiiLabel.Address) || b.Label is not (PiiLabel.Location or PiiLabel.Person or PiiLabel.Address))
            {
                continue;
            }

            var first = FirstToken(a.Start);
            var join = TokenEnding(a.End) + 1;
            if (a.Label == PiiLabel.Address && b.Label == PiiLabel.Address && join + 1 < count && tokens[join + 1].Start == b.Start && (Eq(join, "at") || P(join, '@'))
                && tokens[TokenEnding(a.End)].Is(Lex.StreetSuffix) && tokens[TokenEnding(b.End)].Is(Lex.StreetSuffix))
            {
                // "W WARREN AVE AT GREENFIELD RD": two streets named in full at their crossing.
                spans[n] = new PiiSpan(a.Start, b.End, PiiLabel.Address);
                spans.RemoveAt(n + 1);
                continue;
            }

            if (join + 1 >= count || tokens[join + 1].Start != b.Start || !(Eq(join, "and") || P(join, '&')) || !EqAny(first - 1, "at", "from", "near", "on", "of", "to")
                || TokenEnding(b.End) - FirstToken(b.Start) > 2 || TokenEnding(a.End) - first > 2 || IsWord(TokenEnding(b.End) + 1) && tokens[TokenEnding(b.End) + 1].Has(TokenFlags.Capitalized))
            {
                continue;
            }

            spans[n] = new PiiSpan(a.Start, b.End, PiiLabel.Address);
            spans.RemoveAt(n + 1);
        }

        SlashedCorners(spans);

        // A street's direction before it, in capitals too: "W WARREN AVE", "ne 3rd st"; a saint's or a fort's place
        // before the rest of its name: "st landry parish SO", "fort belknap tribal pd".
        for (var n = 0; n < spans.Count; n++)
        {
            var first = FirstToken(spans[n].Start);
            var d = first - 1;
            var head = P(d, '.') && tokens[d].Start == tokens[d - 1 >= 0 ? d - 1 : 0].End ? d - 1 : d;
            if (spans[n].Label is PiiLabel.Agency or PiiLabel.Location && IsWord(head) && Spaced(d, first) && EqAny(head, "st", "ft", "mt", "fort", "saint", "mount")
                && !(IsWord(head - 1) && tokens[head - 1].Has(TokenFlags.Capitalized | TokenFlags.AllCaps)) && !(head >= 1 && tokens[head - 1].Kind == TokenKind.Number)
                && (n == 0 || spans[n - 1].End <= tokens[head].Start))
            {
                spans[n] = spans[n] with { Start = tokens[head].Start };
                continue;
            }

            if (spans[n].Label == PiiLabel.Address && IsWord(d) && Spaced(d, first) && EqAny(d, "n", "s", "e", "w", "ne", "nw", "se", "sw") && !IsWord(d - 1) && !P(d - 1, '\'') && !P(d - 1, '’')
                && (n == 0 || spans[n - 1].End <= tokens[d].Start))
            {
                spans[n] = spans[n] with { Start = tokens[d].Start };
            }
        }
    }

    /// <summary>"Back in '19", "not '21": a year of two digits after an apostrophe (not a quoted code: "'10-33'").</summary>
    private void ShortYears(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(2, 2))
        {
            return; // (a short year is two digits)
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if ((P(k, '\'') || P(k, '’')) && tokens[k].Has(TokenFlags.SpaceBefore) && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length == 2
                && tokens[k + 1].Start == tokens[k].End && !(k + 2 < count && tokens[k + 2].Start == tokens[k + 1].End && !P(k + 2, ',') && !P(k + 2, '.') && !P(k + 2, ';') && !P(k + 2, ')'))
                && !Overlaps(spans, tokens[k].Start, tokens[k + 1].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.Date));
            }
        }
    }

    /// <summary>
    /// The other of two numbers a writer is unsure of, after "or": "2017 or 2018", "2022 or 23", "52 or 53", "district 22
    /// or 23": the same kind as the first, found.
    /// </summary>
    private void Alternatives(List<PiiSpan> spans, List<PiiSpan> added)
    {
        foreach (var span in spans)
        {
            var last = TokenEnding(span.End);
            if (last < 0 || last + 2 >= count || tokens[last].Kind != TokenKind.Number || tokens[last].End != span.End || !Eq(last + 1, "or"))
            {
                continue;
            }

            var other = last + 2;
            var length = tokens[other].Length;
            if (tokens[other].Kind == TokenKind.Number && (length == tokens[last].Length || span.Label == PiiLabel.Date && tokens[last].Length == 4 && length == 2)
                && !(other + 1 < count && (tokens[other + 1].Start == tokens[other].End && !P(other + 1, ',') && !P(other + 1, '.') && !P(other + 1, ')') || IsWord(other + 1) && tokens[other + 1].Is(Lex.Measure)))
                && !Overlaps(spans, tokens[other].Start, tokens[other].End))
            {
                added.Add(new PiiSpan(tokens[other].Start, tokens[other].End, span.Label));
            }
        }
    }
    /// <summary>
    /// A month named alone, as officers write it in any case: "in june", "since like august", "jan or feb of 2021", "come
    /// up in sept"; months that are also words ("may", "march", "august") only after "in", "since", "during" or "or" and
    /// before the end of a clause, "and", "or", "of" or a year (in speech without stops, the next clause's pronoun: "since
    /// may so it's"). "of" and a year after a month join it ("feb of 2021").
    /// </summary>
    private void MonthsAlone(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasLex(Lex.Month))
        {
            return;
        }

        for (var k = 1; k < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Is(Lex.Month) || Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            var lead = Eq(k - 1, "like") ? k - 2 : k - 1;
            var closes = k + 1 >= count || tokens[k + 1].Kind == TokenKind.Punct || tokens[k + 1].Has(TokenFlags.NewlineBefore) || EqAny(k + 1, "and", "or", "of", "when", "before", "after")
                || tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length == 4
                || caseless && Spaced(k, k + 1) && EqAny(k + 1, "he", "she", "i", "we", "they", "so", "it", "it's", "uh", "um"); // speech runs on: "back in april he had"
            var word = lexicon.IsEnglish(W(k), tokens[k].Lex) || tokens[k].Is(Lex.GivenName | Lex.Surname);
            if (!closes || !(EqAny(lead, "in", "since", "during", "or") || !word && EqAny(lead, "early", "late", "mid", "last", "next", "this", "until", "til", "thru", "through")))
            {
                continue;
            }

            var end = Eq(k + 1, "of") && k + 2 < count && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length == 4 ? k + 2 : k;
            var month = new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Date);
            if (AddInPlace(spans, added, month))
            {
                k = end;
            }
        }
    }
}
