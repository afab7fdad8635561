namespace NearMiss.Core.Pii;

/// <summary>
/// Agencies in any case (decision 045): a county or place before "sheriff's office" or "pd" is the agency, an agency
/// runs on over its sub-unit ("mpd 4th precinct", "LAPD 77th Street Division", "apd southeast area command", "WSP DIST
/// 5"), and a nation or tribe names the agency after it ("navajo nation police", "oglala sioux tribe dps").
/// </summary>
internal sealed partial class PiiContextRules
{
    private static readonly string[] SubUnitHeads = ["precinct", "district", "dist", "division", "area", "command", "post", "sector", "zone", "troop", "beat", "detachment", "barracks", "substation", "unit"];

    private bool SubUnitHead(int k) => IsWord(k) && EqAny(k, SubUnitHeads);

    /// <summary>The number or letter of a sub-unit: "1", "4th", "C", "b-2", "016TH", "two".</summary>
    private int SubUnitId(int k)
    {
        if (k >= count || tokens[k].Has(TokenFlags.NewlineBefore))
        {
            return k;
        }

        if (tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 3)
        {
            return k + 1;
        }

        if (IsWord(k) && Spaced(k - 1, k) && SpelledNumber(k, out var said, spaced: true) is >= 1 and <= 99 && !In(Counted, said + 1))
        {
            return said + 1; // "district two", as said
        }

        if (IsWord(k) && tokens[k].Length == 1)
        {
            return P(k + 1, '-') && k + 2 < count && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Start == tokens[k + 1].End ? k + 3 : k + 1;
        }

        return tokens[k].Kind == TokenKind.Alnum && tokens[k].Length <= 5 ? k + 1 : k;
    }

    /// <summary>A word that may name a sub-unit before its head: capitalised, an ordinal, or any plain word in caseless text.</summary>
    private bool SubUnitName(int k) =>
        k < count && !tokens[k].Has(TokenFlags.NewlineBefore)
        && (tokens[k].Kind == TokenKind.Alnum && tokens[k].Has(TokenFlags.DigitFirst)
            || IsWord(k) && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday) && !tokens[k].Lex.Has(LexExtra.NotPii) && tokens[k].Length > 1
               && (tokens[k].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) || caseless));

    /// <summary>
    /// A post or a district named by its place, as state police and sheriffs name them: "Bethel post", "the Welch
    /// detachment", "Kyle district", "laredo sector"; not "Bethel post office" or "the Denver district attorney".
    /// </summary>
    private bool PlacedSubUnit(int k) =>
        EqAny(k, "post", "detachment", "barracks", "substation", "district", "precinct", "sector") && Spaced(k - 1, k) && (caseless || !tokens[k].Has(TokenFlags.AllCaps) || tokens[k - 1].Has(TokenFlags.AllCaps))
        && !EqAny(k + 1, "office", "attorney", "attorneys", "court", "judge", "manager", "commander", "line", "road", "rd", "lake", "school", "schools");

    private void AgencySubUnits(List<PiiSpan> spans)
    {
        var changed = false;

        // "denver pd", "phx pd" in caseless text: a place, or a word no list knows, before the department's letters.
        for (var k = 1; caseless && k < count; k++)
        {
            if ((Eq(k, "pd") || Eq(k, "dps")) && IsWord(k - 1) && Spaced(k - 1, k) && !tokens[k - 1].Is(Lex.Stop | Lex.Rank | Lex.Role) && !tokens[k - 1].Lex.Has(LexExtra.NotPii)
                && (tokens[k - 1].Is(Lex.Place | Lex.County) && tokens[k - 1].Lex.PlacePopulation >= 10_000 || tokens[k - 1].Lex.Flags == Lex.None && !English(k - 1) && tokens[k - 1].Length >= 3)
                && !Overlaps(spans, tokens[k - 1].Start, tokens[k].End))
            {
                spans.Add(new PiiSpan(tokens[k - 1].Start, tokens[k].End, PiiLabel.Agency));
                changed = true;
            }
        }

        if (changed)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }

        for (var n = 0; n < spans.Count; n++)
        {
            var span = spans[n];
            if (span.Label is not (PiiLabel.Location or PiiLabel.Agency))
            {
                continue;
            }

            var last = TokenEnding(span.End);
            var end = last;
            var label = span.Label;
            if (label == PiiLabel.Location)
            {
                // "franklin county sheriff's office", "denver pd": a place before the words of an agency.
                while (end + 1 < count && IsWord(end + 1) && (AgencyTail(end + 1) || Eq(end + 1, "dept")) && !tokens[end + 1].Has(TokenFlags.NewlineBefore)
                    && !(Eq(end + 1, "office") && end == last) && !(Eq(end + 1, "service") && end == last) && !(Eq(end + 1, "so") && !tokens[end + 1].Has(TokenFlags.AllCaps)))
                {
                    end++;
                }

                if (end == last && !PlacedSubUnit(last + 1))
                {
                    continue;
                }

                if (end == last)
                {
                    end = SubUnitId(last + 2) - 1; // "Bethel post", "Kyle district 2"
                }

                label = PiiLabel.Agency;
            }

            // "sheriff's office" after the tail found, in any case, with the apostrophe a token of its own.
            if (Eq(end, "sheriff") && P(end + 1, '\'') && Eq(end + 2, "s") && tokens[end + 1].Start == tokens[end].End && (Eq(end + 3, "office") || Eq(end + 3, "department") || Eq(end + 3, "dept")))
            {
                end += 3;
            }

            while (end + 1 < count && IsWord(end + 1) && (Eq(end + 1, "office") || Eq(end + 1, "department") || Eq(end + 1, "dept") || Eq(end + 1, "service")) && (Eq(end, "sheriff's") || Eq(end, "sheriffs") || Eq(end, "police") || Eq(end, "marshal") || Eq(end, "marshals")))
            {
                end++;
            }

            // The sub-unit: up to three name words, a head, its number or letter.
            var j = end + 1;
            var names = 0;
            while (names < 3 && SubUnitName(j) && !SubUnitHead(j))
            {
                j++;
                names++;
            }

            if (SubUnitHead(j) && Spaced(j - 1, j) && !(Eq(j, "unit") && names == 0) && (caseless || !tokens[j].Has(TokenFlags.Lower)))
            {
                if (SubUnitHead(j + 1) && (Eq(j, "area") && Eq(j + 1, "command")))
                {
                    j++;
                }

                var id = SubUnitId(j + 1);
                if (names > 0 || id > j + 1)
                {
                    end = id > j + 1 ? id - 1 : j;
                }
            }

            if (end > last || label != span.Label)
            {
                var grown = new PiiSpan(span.Start, tokens[end].End, PiiLabel.Agency);
                RemoveOthersOverlapping(spans, span, grown);
                n = spans.IndexOf(span);
                spans[n] = grown;
                changed = true;
            }
        }

        // "TPR J. MARTINEZ, TROOP D.", "/ district 4 /": a sub-unit on its own between separators, in caseless text.
        for (var k = 1; caseless && k + 1 < count; k++)
        {
            if (!EqAny(k, "troop", "district", "dist", "zone", "sector", "precinct"))
            {
                continue;
            }

            var id = SubUnitId(k + 1);
            if (id > k + 1 && (P(k - 1, ',') || P(k - 1, '—') || P(k - 1, '/') || P(k - 1, '('))
                && (id >= count || tokens[id].Kind == TokenKind.Punct) && !Overlaps(spans, tokens[k].Start, tokens[id - 1].End))
            {
                spans.Add(new PiiSpan(tokens[k].Start, tokens[id - 1].End, PiiLabel.Agency));
                changed = true;
            }
        }

        // "navajo nation police", "oglala sioux tribe dps", "Cherokee Nation Marshal Service".
        for (var k = 1; k + 1 < count; k++)
        {
            if (!(Eq(k, "nation") || Eq(k, "tribe") || Eq(k, "tribal")) || !IsWord(k - 1) || tokens[k - 1].Is(Lex.Stop) || English(k - 1) && !tokens[k - 1].Is(Lex.Place | Lex.County))
            {
                continue;
            }

            var end = k + 1;
            if (!(AgencyTail(end) || Eq(end, "marshal") || Eq(end, "marshals") || Eq(end, "rangers")))
            {
                continue;
            }

            while (end + 1 < count && IsWord(end + 1) && (AgencyTail(end + 1) || Eq(end + 1, "dept")) && !tokens[end + 1].Has(TokenFlags.NewlineBefore))
            {
                end++;
            }

            var start = k - 1;
            if (IsWord(start - 1) && !tokens[start - 1].Is(Lex.Stop | Lex.Rank | Lex.Role) && !English(start - 1) && Spaced(start - 1, start))
            {
                start--;
            }

            var grown = new PiiSpan(tokens[start].Start, tokens[end].End, PiiLabel.Agency);
            if (OverlapsBeyond(spans, grown))
            {
                continue;
            }

            RemoveOverlapping(spans, grown.Start, grown.End);
            spans.Add(grown);
            changed = true;
            k = end;
        }

        if (changed)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>Words of a task force's name that say only what it hunts or who joins it ("US Marshals Task Force" names none).</summary>
    private static readonly WordSet TaskForceKinds = new(["fugitive", "fugitives", "violent", "regional", "joint", "safe", "streets", "gang", "gangs", "drug", "narcotics", "multi", "agency",
        "interagency", "federal", "state", "county", "metro", "area", "crime", "crimes", "major", "apprehension", "strike", "the", "a", "an", "our", "local", "u", "s", "us",
        "marshals", "marshal", "usms", "fbi", "dea", "atf", "hsi", "service", "police"]);

    /// <summary>
    /// A task force by its name: "North Star Fugitive Task Force", "the Eastern Kentucky Fugitive Task Force", "twin
    /// cities violent fugitive task force" in a text all in lower case. Up to six words before "Task Force",
    /// capitalised (in lower case only where the text is), one of them more than a kind ("Regional Fugitive Task Force"
    /// names none). It replaces a place or agency found inside it.
    /// </summary>
    private void TaskForces(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("task") || !TextHasWord("force"))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!Eq(k, "task") || !Eq(k + 1, "force") || !Spaced(k, k + 1) || !caseless && tokens[k].Has(TokenFlags.Lower))
            {
                continue; // (in a text with capitals, "USMS task force" names the marshals, not a task force)
            }

            var first = k;
            var named = false;
            while (first - 1 >= 0 && k - first < 6 && IsWord(first - 1) && Spaced(first - 1, first) && (caseless || !tokens[first - 1].Has(TokenFlags.Lower))
                && !tokens[first - 1].Is(Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday) && !(tokens[first - 1].Is(Lex.Stop) && !In(TaskForceKinds, first - 1))
                && !IsNumberWord(first - 1) && !IsFiller(first - 1) && !EqAny(first - 1, "period", "comma", "paragraph", "rescue")
                && (tokens[first - 1].Length > 1 || EqAny(first - 1, "u", "s")) && !P(first - 2, '\''))
            {
                first--;
                named |= !In(TaskForceKinds, first);
            }

            while (first < k && In(TaskForceKinds, first) && tokens[first].Is(Lex.Stop) && !EqAny(first, "u", "us"))
            {
                first++; // "the", "our" open the phrase but are no part of the name
            }

            if (named && AddInPlace(spans, added, new PiiSpan(tokens[first].Start, tokens[k + 1].End, PiiLabel.Agency)))
            {
                k++;
            }
        }
    }

    /// <summary>What after "fire" says it is a thing, not the fire department: "fire hydrant", "fire lane".</summary>
    private static readonly WordSet FireThings = new(["hydrant", "hydrants", "extinguisher", "alarm", "alarms", "lane", "road", "rd", "escape", "pit", "exit", "door", "hose", "ant", "ants", "season", "danger", "ban", "watch", "weather", "call", "calls", "scene", "line", "trail"]);

    private static readonly WordSet Fire = new(["fire"]);

    /// <summary>
    /// Fire departments by their place: "phoenix fire came for the cut", "LOS PINOS FIRE (ENGINE 2)", "portland fire
    /// &amp; rescue": a place found, or a town of the gazetteer in caseless text, before "fire".
    /// </summary>
    private void FireAgencies(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(Fire))
        {
            return;
        }

        for (var k = 1; k < count; k++)
        {
            if (!Eq(k, "fire") || !IsWord(k - 1) || !Spaced(k - 1, k) || In(FireThings, k + 1))
            {
                continue;
            }

            var place = IndexEndingAt(spans, tokens[k - 1].End, PiiLabel.Location);
            var start = place >= 0 ? spans[place].Start
                : caseless && tokens[k - 1].Is(Lex.Place) && tokens[k - 1].Lex.PlacePopulation >= 10_000 && !English(k - 1) && !Overlaps(spans, tokens[k - 1].Start, tokens[k - 1].End) ? tokens[k - 1].Start
                : -1;
            if (start < 0)
            {
                continue;
            }

            var end = k;
            if ((P(k + 1, '&') || Eq(k + 1, "and")) && Eq(k + 2, "rescue"))
            {
                end = k + 2;
            }
            else if (EqAny(k + 1, "department", "dept", "rescue", "district", "authority", "protection"))
            {
                end = k + 1;
            }

            if (Overlaps(spans, tokens[k].Start, tokens[end].End))
            {
                continue;
            }

            if (place >= 0)
            {
                spans.RemoveAt(place);
            }

            added.Add(new PiiSpan(start, tokens[end].End, PiiLabel.Agency));
        }
    }

    /// <summary>
    /// An agency's letters said one at a time, as speech-to-text writes them ("a z d p s found it", "t p w d", "the d e a
    /// task force", "b i a police"), with its state before it ("texas d p s"): the letters joined must be an acronym the
    /// word lists know as an agency's. Whether one was found.
    /// </summary>
    private bool SpelledAgencies(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (Shapes.LetterRun < 3)
        {
            return false; // (the letters are three words of one letter, or more, in a row)
        }

        var found = false;
        Span<char> joined = stackalloc char[6];
        for (var k = 0; k + 2 < count; k++)
        {
            if (!IsLetterWord(k))
            {
                continue;
            }

            var end = k;
            while (IsLetterWord(end + 1) && Spaced(end, end + 1))
            {
                end++;
            }

            // ("a" and "i" open a run of four or more: "a z d p s", not "call a p d".)
            var letters = end - k + 1;
            if (letters is < 3 or > 6 || letters == 3 && EqAny(k, "a", "i") || Overlaps(spans, tokens[k].Start, tokens[end].End))
            {
                k = end;
                continue;
            }

            for (var i = 0; i < letters; i++)
            {
                joined[i] = char.ToLowerInvariant(text[tokens[k + i].Start]);
            }

            // (Not an id's letters, nor a road's: "h c s o dash twenty four …", "b i a twenty seven".)
            var id = end + 1 < count && (tokens[end + 1].Kind is TokenKind.Number or TokenKind.Alnum || IsNumberWord(end + 1) || Eq(end + 1, "dash") || P(end + 1, '-') || P(end + 1, '#'));
            if (!id && lexicon.Get(joined[..letters]).Flags.HasFlag(Lex.AgencyAcronym) && !Overlaps(added, tokens[k].Start, tokens[end].End))
            {
                var first = k > 0 && IsWord(k - 1) && tokens[k - 1].Is(Lex.State) && Spaced(k - 1, k) && !Overlaps(spans, tokens[k - 1].Start, tokens[k - 1].End) ? k - 1 : k;
                var last = Eq(end + 1, "police") && Spaced(end, end + 1) ? end + 1 : end;
                spans.Add(new PiiSpan(tokens[first].Start, tokens[last].End, PiiLabel.Agency));
                found = true;
            }

            k = end;
        }

        return found;
    }

    /// <summary>The parts of a police agency said with their number: "district four", "the ninth district", "sector four".</summary>
    private static readonly WordSet NumberedSubUnits = new(["district", "precinct", "sector", "zone", "division", "post", "troop"]);

    /// <summary>
    /// A police district, precinct, sector, post or troop said with its number in words, in caseless text or every word
    /// capitalised: "working out of district four", "i'm in the ninth district", "my partner from the sector four car",
    /// "out of District Two", "at post eleven", "we never told eleventh district". The word before it must be one that
    /// names where one works or whom one tells ("of", "the", "in", "from", "to", "at", "told", "called", "with", "for",
    /// "by"); a count after it is none ("district four times").
    /// </summary>
    private void SaidSubUnits(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) && !TextHas(OrdinalWords))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!IsWord(k) || tokens[k].Length < 4 || !NumberedSubUnits.Contains(text, tokens[k]))
            {
                continue;
            }

            int start, end;
            if (IsNumberWord(k + 1) && !Eq(k + 1, "oh") && Spaced(k, k + 1))
            {
                (start, end) = (k, IsNumberWord(k + 2) && Spaced(k + 1, k + 2) ? k + 2 : k + 1);
                if (In(Counted, end + 1) || IsNumberWord(end + 1))
                {
                    continue;
                }
            }
            else if (In(OrdinalWords, k - 1) && Spaced(k - 1, k))
            {
                (start, end) = (In(NumberWords, k - 2) && Spaced(k - 2, k - 1) ? k - 2 : k - 1, k);
            }
            else
            {
                continue;
            }

            // (in text with its case, every word capitalised: "out of District Two")
            var cased = caseless || tokens[start].Has(TokenFlags.Capitalized) && tokens[end].Has(TokenFlags.Capitalized);
            if (cased && EqAny(start - 1, "of", "the", "in", "from", "to", "at", "told", "called", "with", "for", "by")
                && AddInPlace(spans, added, new PiiSpan(tokens[start].Start, tokens[end].End, PiiLabel.Agency)))
            {
                k = end;
                continue;
            }

            k = end;
        }
    }

    /// <summary>
    /// Words that only say a kind of agency, with nothing that names one: "county p d", "sheriff's office" (the tagger's
    /// "s office"). The letters of "p d" and "s o" count as such words.
    /// </summary>
    internal static bool IsAgencyKindOnly(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            var w = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (!(AgencyKindWords.Contains(w) || tokens[k].Kind == TokenKind.Punct && w[0] is '\'' or '’' || w.Length == 1 && (w[0] | 0x20) is 'p' or 'd' or 's' or 'o'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words of a title that make "police" a rank's: "Senior Police Officer", "Reserve Police Officer".</summary>
    private static readonly WordSet TitleWords = new(["senior", "reserve", "auxiliary", "retired", "probationary", "master", "special"]);

    /// <summary>"Senior Police" of "Senior Police Officer": a title before "police" and an officer's word after it is a rank, not an agency.</summary>
    private bool IsPoliceTitle(int first, int last) =>
        last == first + 1 && In(TitleWords, first) && Eq(last, "police") && (EqAny(last + 1, "officer", "officers", "sergeant", "lieutenant", "captain") || IsWord(last + 1) && tokens[last + 1].Is(Lex.Rank));

    /// <summary>What a state's department is "of", in any case (the true-caser may lower a heading's words): "Texas Department of criminal justice".</summary>
    private static readonly string[][] DepartmentDomains =
    [
        .. new[]
        {
            "criminal justice", "juvenile justice", "public safety", "corrections", "correction", "correctional services", "fish and wildlife", "fish and game", "natural resources",
            "homeland security", "transportation", "motor vehicles", "conservation", "parks and wildlife", "game and fish", "wildlife and fisheries", "justice", "probation", "parole",
        }.Select(static domain => domain.Split(' ')),
    ];

    /// <summary>
    /// An agency found up to its "Department", "Division", "Bureau", "Office" or "Board" takes in "of" and what it is of,
    /// from <see cref="DepartmentDomains"/>: "Texas Department" + "of Criminal Justice".
    /// </summary>
    private void DepartmentsOf(List<PiiSpan> spans)
    {
        for (var s = 0; s < spans.Count; s++)
        {
            var last = TokenEnding(spans[s].End);
            if (spans[s].Label != PiiLabel.Agency || last < 0 || tokens[last].End != spans[s].End || !EqAny(last, "department", "dept", "division", "bureau", "office", "board", "commission")
                || !Eq(last + 1, "of") || tokens[last + 1].Has(TokenFlags.NewlineBefore))
            {
                continue;
            }

            foreach (var domain in DepartmentDomains)
            {
                var end = PhraseEnd(last + 2, domain);
                if (end > 0 && !Overlaps(spans, tokens[last + 1].Start, tokens[end - 1].End))
                {
                    spans[s] = new PiiSpan(spans[s].Start, tokens[end - 1].End, PiiLabel.Agency);
                    break;
                }
            }
        }
    }

    /// <summary>The token after the words of <paramref name="phrase"/> said from <paramref name="k"/> on one line, or -1.</summary>
    private int PhraseEnd(int k, string[] phrase)
    {
        foreach (var word in phrase)
        {
            if (!Eq(k, word) || tokens[k].Has(TokenFlags.NewlineBefore))
            {
                return -1;
            }

            k++;
        }

        return k;
    }

    /// <summary>"Cherokee Nation Marshal Service ... CNMS": initials of an agency found in the text are the agency.</summary>
    private void AgencyInitials(List<PiiSpan> spans, List<PiiSpan> added)
    {
        HashSet<string>? initials = null;
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.Agency)
            {
                continue;
            }

            var sb = new System.Text.StringBuilder();
            var words = 0;
            for (var k = FirstToken(span.Start); k < count && tokens[k].Start < span.End; k++)
            {
                if (IsWord(k) && !Eq(k, "of") && !Eq(k, "the") && !Eq(k, "and"))
                {
                    sb.Append(char.ToUpperInvariant(text[tokens[k].Start]));
                    words++;
                }
            }

            if (words >= 3)
            {
                (initials ??= new HashSet<string>(StringComparer.Ordinal)).Add(sb.ToString());
            }
        }

        if (initials is null)
        {
            return;
        }

        var lookup = initials.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < count; k++)
        {
            if (IsWord(k) && tokens[k].Has(TokenFlags.AllCaps) && lookup.Contains(W(k)))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Agency));
            }
        }
    }

    /// <summary>"PO giuseppe amato 75 precinct", "the 77th pct": a precinct by its number in figures, in any case.</summary>
    private void NumberedPrecincts(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("precinct") && !TextHasWord("pct"))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            if ((tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 3 || tokens[k].Kind == TokenKind.Alnum && tokens[k].Length <= 5 && PiiRecogniser.IsOrdinalWord(W(k)))
                && EqAny(k + 1, "precinct", "pct") && Spaced(k, k + 1) && !Overlaps(spans, tokens[k].Start, tokens[k + 1].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.Agency));
                k++;
            }
        }
    }

    /// <summary>
    /// "officer Nate Pelletier Millinocket PD": a name of three words or more that ends in a place before an agency's
    /// word ("PD", "police", "sheriff's") gives the place back to the agency; before "PD" or "police", even a place that
    /// is a surname too ("officer brynlee jeppson blanding pd").
    /// </summary>
    private void PlacesCutFromNames(List<PiiSpan> spans)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            var first = FirstToken(spans[n].Start);
            var last = TokenEnding(spans[n].End);
            if (spans[n].Label != PiiLabel.Person || last - first < 2 || !tokens[last].Is(Lex.Place | Lex.County) || tokens[last].Is(Lex.GivenName | Lex.Surname) && !(Eq(last + 1, "pd") || Eq(last + 1, "police"))
                || !IsWord(last - 1) || !Spaced(last - 1, last) || !IsWord(last + 1) || !Spaced(last, last + 1) || !AgencyTail(last + 1) || Eq(last + 1, "office") || Eq(last + 1, "service") || Eq(last + 1, "services"))
            {
                continue;
            }

            spans[n] = new PiiSpan(spans[n].Start, tokens[last - 1].End, PiiLabel.Person);
            spans.Insert(n + 1, new PiiSpan(tokens[last].Start, tokens[last].End, PiiLabel.Location));
            n++;
        }
    }
}
