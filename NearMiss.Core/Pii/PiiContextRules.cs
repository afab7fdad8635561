namespace NearMiss.Core.Pii;

/// <summary>
/// The last recogniser stage, over the spans the rules found: first the quiet filters (the detector's own
/// placeholders, words that are never PII alone, vehicle and weapon models, ordinary lower-case words read as names,
/// radio and aviation positions), then the context recognisers that need the found spans (an age after a name,
/// AP-style state abbreviations and datelines, agency initials defined in the text, 24-hour times with "hrs").
/// </summary>
internal sealed partial class PiiContextRules(string text, Token[] tokens, int count, PiiLexicon lexicon, bool caseless = false)
{
    private readonly string text = text;
    private readonly Token[] tokens = tokens;
    private readonly int count = count;
    private readonly PiiLexicon lexicon = lexicon;

    /// <summary>The text was ALL-CAPS or lower case throughout: its case says nothing of names.</summary>
    private readonly bool caseless = caseless;

    private ReadOnlySpan<char> W(int i) => text.AsSpan(tokens[i].Start, tokens[i].Length);

    private bool IsWord(int i) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Word;

    private bool P(int i, char ch) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Punct && text[tokens[i].Start] == ch;

    private bool Eq(int i, string w) => i >= 0 && i < count && W(i).Equals(w, StringComparison.OrdinalIgnoreCase);

    private bool English(int i) => lexicon.IsEnglish(W(i), tokens[i].Lex);

    /// <summary>An ordinary word, or its verb form in -s/-es ("goes", "pats").</summary>
    private bool EnglishLoose(int i)
    {
        if (English(i))
        {
            return true;
        }

        var w = W(i);
        return w.Length > 3 && w.EndsWith("es", StringComparison.OrdinalIgnoreCase) && lexicon.Get(w[..^2]).IsEnglish
            || w.Length > 3 && w[^1] is 's' && lexicon.Get(w[..^1]).IsEnglish;
    }

    private bool IsDeterminer(int p) =>
        IsWord(p) && (Eq(p, "a") || Eq(p, "an") || Eq(p, "the") || Eq(p, "his") || Eq(p, "her") || Eq(p, "my") || Eq(p, "our") || Eq(p, "their") || Eq(p, "this") || Eq(p, "that"));

    public List<PiiSpan> Apply(List<PiiSpan> spans, List<(int Start, int End)>? names = null)
    {
        var kept = new List<PiiSpan>(spans.Count + 4);
        foreach (var span in spans)
        {
            if (Quiet(span) is { } s)
            {
                kept.Add(s);
            }
        }

        var added = new List<PiiSpan>();
        if (names is not null)
        {
            EvidencedNames(kept, names);
        }

        ExtendAgencies(kept);
        CompleteNames(kept);
        SpanTails(kept);
        Premises(kept);
        Ages(kept, added);
        Datelines(kept, added);
        BarePlaces(kept, added);
        Intersections(kept, added);
        BlockAddresses(kept, added);
        AgencyPhrases(kept);
        AgencySubUnits(kept);
        FireAgencies(kept, added);
        CallSigns(added);
        NamesWithAge(kept, added);
        Nicknames(kept, added);
        AgencyInitials(kept, added);
        HoursTimes(kept, added);
        Merge(kept, added);
        NamesByGloss(kept, added);
        Nicknamed(kept, added);
        NicknamesByUse(kept, added);
        AnimalNames(kept, added);
        LogTimes(kept, added);
        CodedAges(added);
        PlateStates(kept, added);
        SpokenAges(kept, added);
        SexSlashAge(added);
        RadioCallSigns(kept, added);
        LogCallSigns(kept, added);
        SpacedPlates(kept, added);
        EstimatedTimes(added);
        SpokenTimes(kept, added);
        SpokenIds(kept, added);
        DaysOfMonth(added);
        LowerAgencies(kept);
        SpeakersAndAddressees(kept, added);
        TimedSpeakers(kept, added);
        DecadeAges(added);
        KinAges(added);
        AgencyCaseNumbers(added);
        Chains(kept, added);
        PlacesBeside(kept, added);
        Rooms(kept, added);
        TakenToPlaces(kept, added);
        Merge(kept, added);
        SurnameFirst(kept);
        JoinHyphenated(kept);
        DaysWithDates(kept);
        PlateGroups(kept);
        JoinIntersections(kept);
        SpanTails(kept);
        Premises(kept);
        SpreadNames(kept);

        // The context stages add names and places from evidence; none may be made of words never PII alone.
        kept.RemoveAll(NeverPiiAlone);
        kept.RemoveAll(AgencyOfAKind);
        return kept;
    }

    /// <summary>
    /// Words before a premise that only say what kind it is: "Gas", "Apartment", "Unlit Rear" (a word of the trade may
    /// take an ordinary word with it; "Old Mill" may not); never a place, a surname or a given name.
    /// </summary>
    private bool IsGenericRun(int first, int last)
    {
        for (var k = first; k < last; k++)
        {
            if (!IsWord(k) || tokens[k].Is(Lex.Place | Lex.Surname | Lex.GivenName)
                || !(tokens[k].Lex.Has(LexExtra.GenericModifier) || tokens[k].Lex.Has(LexExtra.NotPii) || English(k) && tokens[k].Is(Lex.PremiseSuffix) || k > first && English(k) && tokens[first].Lex.Has(LexExtra.NotPii)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An ordinary word with the ending of an abstract noun or a gerund: "Awareness", "Operations", "Breaching", "Safety".</summary>
    private bool IsAbstractNoun(int k) => PiiLexicon.HasAbstractEnding(W(k));

    /// <summary>Words that only say what kind an agency is: "County Sheriff's Office", "Tribal Police Department".</summary>
    private static readonly WordSet AgencyKindWords = new(["county", "city", "town", "township", "tribal", "state", "municipal", "campus", "university", "college", "school", "hospital", "transit", "police", "sheriff", "sheriffs", "sheriff's", "office", "department", "dept", "patrol", "highway", "fire", "public", "safety", "corrections", "correctional", "marshal", "marshals", "constable", "constables", "agency", "district", "s"]);

    /// <summary>"a County Sheriff's Office", "a Tribal Police Department": an agency of a kind after "a", not a named one ("a Metro Transit police officer" is named).</summary>
    private bool AgencyOfAKind(PiiSpan span) =>
        span.Label == PiiLabel.Agency && IsAgencyOfAKind(text, tokens.AsSpan(0, count), FirstToken(span.Start), TokenEnding(span.End));

    /// <summary>Tokens first to last are words of an agency's kind after "a" or "an", and no officer of it follows.</summary>
    internal static bool IsAgencyOfAKind(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        // "a Tribal Police Department" read as "Police Department" alone: the kind words before it go with it.
        while (first >= 2 && AgencyKindWords.Contains(text.AsSpan(tokens[first - 1].Start, tokens[first - 1].Length)))
        {
            first--;
        }

        if (first < 1 || last >= tokens.Length || !(WordIs(text, tokens[first - 1], "a") || WordIs(text, tokens[first - 1], "an")))
        {
            return false;
        }

        for (var k = first; k <= last; k++)
        {
            if (!(AgencyKindWords.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length)) || tokens[k].Kind == TokenKind.Punct && text[tokens[k].Start] is '\'' or '’'))
            {
                return false;
            }
        }

        var next = last + 1 < tokens.Length ? tokens[last + 1] : default;
        return last + 1 >= tokens.Length || !(next.Is(Lex.Rank | Lex.Role) || WordIs(text, next, "officer") || WordIs(text, next, "officers") || WordIs(text, next, "deputy") || WordIs(text, next, "trooper") || WordIs(text, next, "agent"));
    }

    private static bool WordIs(string text, in Token token, string word) => text.AsSpan(token.Start, token.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>"Tahoes", "Chargers": a make or model with a plural ending.</summary>
    private bool IsPluralOfModel(int k)
    {
        var w = W(k);
        return IsWord(k) && w.Length > 3 && w[^1] is 's' or 'S'
            && ((lexicon.Get(w[..^1]).Extra & LexExtra.Model) != 0 || w.Length > 4 && w[^2] is 'e' or 'E' && (lexicon.Get(w[..^2]).Extra & LexExtra.Model) != 0);
    }

    /// <summary>A name or place made only of words that are never PII alone ("Warning", "Care", "Summary").</summary>
    private bool NeverPiiAlone(PiiSpan span)
    {
        if (span.Label is not (PiiLabel.Person or PiiLabel.Location))
        {
            return false;
        }

        var words = 0;
        for (var k = FirstToken(span.Start); k < count && tokens[k].Start < span.End; k++)
        {
            if (tokens[k].Kind is TokenKind.Number or TokenKind.Alnum || IsWord(k) && !tokens[k].Lex.Has(LexExtra.NotPii))
            {
                return false;
            }

            words += IsWord(k) ? 1 : 0;
        }

        return words > 0;
    }

    private static void Merge(List<PiiSpan> kept, List<PiiSpan> added)
    {
        if (added.Count == 0)
        {
            return;
        }

        foreach (var a in added)
        {
            if (!Overlaps(kept, a.Start, a.End))
            {
                kept.Add(a);
            }
        }

        added.Clear();
        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>Names the case-proofing stage found on evidence ("me and bishop", "DEP YOUNG"), adjacent words joined.</summary>
    private void EvidencedNames(List<PiiSpan> spans, List<(int Start, int End)> names)
    {
        names.Sort();
        var n = 0;
        var added = false;
        while (n < names.Count)
        {
            var (start, end) = names[n];
            n++;
            while (n < names.Count && names[n].Start - end is >= 1 and <= 3 && text.AsSpan(end, names[n].Start - end).IsWhiteSpace())
            {
                end = names[n].End;
                n++;
            }

            if (!Overlaps(spans, start, end) && Quiet(new PiiSpan(start, end, PiiLabel.Person)) is { } quiet)
            {
                spans.Add(quiet);
                added = true;
            }
        }

        if (added)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    private static bool Overlaps(List<PiiSpan> spans, int start, int end)
    {
        foreach (var s in spans)
        {
            if (s.Start < end && start < s.End)
            {
                return true;
            }
        }

        return false;
    }

    private int FirstToken(int charStart)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= charStart)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int TokenEnding(int charEnd)
    {
        var k = FirstToken(charEnd) - 1;
        return k;
    }

    // ------------------------------------------------------------------ quiet filters
    private PiiSpan? Quiet(PiiSpan span)
    {
        // The detector's own placeholders after a redaction: "[LOCATION]", "[OTHER_ID]".
        if (InPlaceholder(span.Start))
        {
            return null;
        }

        if (span.Label is not (PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency))
        {
            return span;
        }

        var first = FirstToken(span.Start);
        var last = TokenEnding(span.End);
        if (first > last || first >= count)
        {
            return span;
        }

        int words = 0, quiet = 0, lowerEnglish = 0, model = 0;
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Kind is TokenKind.Number or TokenKind.Alnum)
            {
                return span;
            }

            if (!IsWord(k))
            {
                continue;
            }

            words++;
            if (tokens[k].Length == 1)
            {
                return span;
            }

            var lex = tokens[k].Lex;
            if (lex.Has(LexExtra.NotPii) || tokens[k].Is(Lex.Stop) && !tokens[k].Is(Lex.GivenName | Lex.Surname))
            {
                quiet++;
            }

            if (tokens[k].Has(TokenFlags.Lower) && English(k))
            {
                lowerEnglish++;
            }

            if (lex.Has(LexExtra.Model))
            {
                model++;
            }
        }

        // A make before its model is a vehicle, not an agency: "a Ford Police Interceptor Utility".
        if (span.Label == PiiLabel.Agency && tokens[first].Is(Lex.Brand) && IsWord(last + 1) && tokens[last + 1].Lex.Has(LexExtra.Model))
        {
            return null;
        }

        if (words == 0 || span.Label == PiiLabel.Agency)
        {
            return span;
        }

        // "the Tahoes and Explorers": a vehicle or weapon model in the plural.
        if (words == 1 && first == last && IsPluralOfModel(first))
        {
            return null;
        }

        // Words never PII alone ("Summary", "Ground Control", "Narcan", "Polish", "CALLBACK").
        if (quiet == words)
        {
            return null;
        }

        // A generic premise, "Gas Station", "Apartment Complex", "Unlit Rear Yard": kinds of place, not a place.
        if (span.Label == PiiLabel.Location && words is 2 or 3 && last - first == words - 1 && tokens[last].Is(Lex.PremiseSuffix) && IsGenericRun(first, last))
        {
            return null;
        }

        // A course or a heading in title case: "Hazard Awareness", "Ballistic Breaching", "Tactical Operations".
        if (span.Label == PiiLabel.Person && words >= 2 && IsAbstractNoun(last) && !tokens[last].Is(Lex.GivenName | Lex.Surname)
            && !(IsWord(first - 1) && tokens[first - 1].Has(TokenFlags.Capitalized | TokenFlags.AllCaps)))
        {
            return null;
        }

        // Radio and aviation positions: "Local Controller", "Ground Control", "Approach".
        if (span.Label == PiiLabel.Person && IsWord(last) && (Eq(last, "control") || Eq(last, "controller") || Eq(last, "tower") || Eq(last, "approach") || Eq(last, "departure")))
        {
            return null;
        }

        // A lower-case ordinary word is not a name by propagation: "traffic", "officers", "task".
        if (lowerEnglish == words && span.Label == PiiLabel.Person)
        {
            return null;
        }

        // A make and what follows it: "ruger lcp", "Hyundai Santa Fe".
        if (span.Label == PiiLabel.Person && tokens[first].Is(Lex.Brand) && words <= 2
            && (!tokens[first].Is(Lex.GivenName) || last > first && (tokens[last].Lex.Has(LexExtra.Model) || tokens[last].Lex.Flags == Lex.None && tokens[last].Length <= 4)))
        {
            return null;
        }

        // A model in lower case: "sierra reloads".
        if (span.Label == PiiLabel.Person && tokens[first].Has(TokenFlags.Lower) && tokens[first].Lex.Has(LexExtra.Model))
        {
            return null;
        }

        // "benny pats", "rene dropped", "mike rolls": a trailing lower-case ordinary word leaves the name.
        if (span.Label == PiiLabel.Person && words > 1 && IsWord(last) && tokens[last].Has(TokenFlags.Lower) && EnglishLoose(last) && last > first
            && !(tokens[last].Is(Lex.Surname) && tokens[last].Lex.SurnameCount >= 5_000 && W(last)[^1] is not ('s' or 'd')))
        {
            var k = last - 1;
            if (P(k, '-') && tokens[k].Start == tokens[k - 1].End && tokens[last].Start == tokens[k].End)
            {
                // "Somali-speaking", "Ride-alongs": a word joined to an ordinary lower-case word is a compound, not a name.
                k -= 2;
                while (k >= first && !IsWord(k))
                {
                    k--;
                }

                if (k < first)
                {
                    return null;
                }
            }

            return new PiiSpan(span.Start, tokens[k].End, span.Label);
        }

        // A make or model: "GMC Sierra", "Dodge Durango", "sierra reloads", "Springfield XD", "behind the Sierra", "ruger lcp".
        if (words <= 2 && IsWord(first - 1) && tokens[first - 1].Lex.Has(LexExtra.Model) && (!tokens[first - 1].Is(Lex.GivenName) || tokens[first - 1].Is(Lex.Brand))
            && (words == 1 || tokens[first - 1].Is(Lex.Brand)))
        {
            return null;
        }

        if (model == words && words > 1)
        {
            // "Chevy Malibu", "Dodge Durango": a make and its model.
            return null;
        }

        if (model == words && words == 1 && (tokens[first].Has(TokenFlags.Lower) || IsDeterminer(first - 1) || IsDeterminer(first - 2) && IsWord(first - 1) && tokens[first - 1].Has(TokenFlags.Lower)
            || IsDeterminer(first - 3) && IsWord(first - 2) && tokens[first - 2].Has(TokenFlags.Lower) && IsWord(first - 1) && tokens[first - 1].Has(TokenFlags.Lower)
            || IsWord(last + 1) && (tokens[last + 1].Is(Lex.Weapon) || tokens[last + 1].Lex.Has(LexExtra.Model) || tokens[last + 1].Has(TokenFlags.AllCaps) && tokens[last + 1].Length <= 4)))
        {
            return null;
        }

        // An imperative at the start of a bullet ("- Clear clothing away", "- Carry advance warning").
        if (words == 1 && span.Label == PiiLabel.Person && English(first) && first > 0 && (P(first - 1, '-') || P(first - 1, '•') || P(first - 1, '*'))
            && tokens[first - 1].Has(TokenFlags.NewlineBefore))
        {
            return null;
        }

        if (span.Label == PiiLabel.Person && words > 1)
        {
            // Titles before a name: "Attorney Marcia Oyelaran", "Director Harlan Iron Shell", "Public Information Officer".
            var k = first;
            while (k < last && IsWord(k) && English(k) && !tokens[k].Is(Lex.GivenName | Lex.Surname | Lex.Rank) && tokens[k].Has(TokenFlags.Capitalized))
            {
                k++;
            }

            if (k == last && IsWord(k) && English(k) && !tokens[k].Is(Lex.GivenName | Lex.Surname))
            {
                return null;
            }

            if (k > first)
            {
                span = span with { Start = tokens[k].Start };
                first = k;
            }
        }

        // One ordinary capitalised word read as a place with no place before it ("Bulletin", "Now", "Target", "Fires").
        if (span.Label == PiiLabel.Location && words == 1 && first == last && English(first) && tokens[first].Lex.PlacePopulation < 50_000
            && !tokens[first].Is(Lex.Country | Lex.State) && !(IsWord(first - 1) && tokens[first - 1].Is(Lex.Locative)))
        {
            return null;
        }

        return span;
    }

    private bool InPlaceholder(int start)
    {
        var open = text.LastIndexOf('[', start, Math.Min(start + 1, 40));
        if (open < 0)
        {
            return false;
        }

        for (var k = open + 1; k < text.Length && k < open + 40; k++)
        {
            var c = text[k];
            if (c == ']')
            {
                return k > open + 1 && k >= start;
            }

            if (!(char.IsAsciiLetterUpper(c) || c == '_' || c == ' ' && k > open + 1))
            {
                return false;
            }
        }

        return false;
    }

    // ------------------------------------------------------------------ additions
    /// <summary>"CASA GRANDE, Ariz. —", "NILES, Ill." and "Denver, Colo.": the place and its AP state abbreviation.</summary>
    private void Datelines(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 0; k < count; k++)
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

            if (!P(end, '.') && !tokens[k].Is(Lex.State))
            {
                continue;
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

        // "HOUSTON —", "OKLAHOMA CITY —" at the start of a line: upper-case words before a dash, a listed place.
        for (var k = 0; k < count; k++)
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
            if (listed && dash < count && (text[tokens[dash].Start] is '—' or '–' || P(dash, '-') && P(dash + 1, '-')))
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
}
