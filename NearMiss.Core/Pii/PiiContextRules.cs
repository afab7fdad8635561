using System.Collections.Frozen;

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

    /// <summary>
    /// Whether some word of the text may be in one of <paramref name="words"/>: a rule that cannot fire without such a
    /// word asks this first and passes over a text that has none (from <see cref="Shapes"/>, read once per text).
    /// </summary>
    private bool TextHas(params ReadOnlySpan<WordSet> words)
    {
        ref readonly var shapes = ref Shapes;
        foreach (var set in words)
        {
            if (set.MayBeIn(shapes.Sets, shapes.SetsKnown))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some token of the text is <paramref name="word"/> (ignoring case): one pass over the tokens, testing the
    /// length first, for a rule that cannot fire without a word no <see cref="WordSet"/> holds.
    /// </summary>
    private bool TextHasWord(string word)
    {
        if (CueIndex.TryGetValue(word, out var cue))
        {
            cues ??= FindCues();
            return (cues.Value & (1UL << cue)) != 0;
        }

        for (var k = 0; k < count; k++)
        {
            if (tokens[k].Length == word.Length && Eq(k, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words rules ask the whole text for (<see cref="TextHasWord"/>), found in one pass for all of them.</summary>
    private static readonly string[] CueWords =
        ["airport", "and", "between", "dash", "dot", "force", "hundred", "marker", "me", "milepost", "mm", "number", "old", "post", "social", "task", "thousand",
            "wrote", "posted", "reply", "replied", "copy", "what", "name", "car", "time", "mile", "scene", "route", "respond", "copies", "ahead",
            "dispatched", "both", "big", "lil", "little", "k", "working", "unit", "running", "riding", "out", "my", "housing", "from", "code",
            "sign", "callsign", "copied", "radioed", "precinct", "pct", "or"];

    /// <summary>Each of the <see cref="CueWords"/> with its bit's place.</summary>
    private static readonly FrozenDictionary<string, int> CueIndex =
        Enumerable.Range(0, CueWords.Length).ToFrozenDictionary(c => CueWords[c], StringComparer.Ordinal);

    /// <summary>The <see cref="CueWords"/> as one set: its bit passes over every other word at the cost of a test.</summary>
    private static readonly WordSet Cues = new(CueWords);

    /// <summary>Which <see cref="CueWords"/> the text holds, one bit each, once asked.</summary>
    private ulong? cues;

    /// <summary>The <see cref="CueWords"/> by their length, each as its index.</summary>
    private static readonly int[][] CuesByLength =
        [.. Enumerable.Range(0, 11).Select(length => Enumerable.Range(0, CueWords.Length).Where(c => CueWords[c].Length == length).ToArray())];

    private ulong FindCues()
    {
        if (AskEveryRule)
        {
            return ulong.MaxValue;
        }

        var found = 0UL;
        for (var k = 0; k < count; k++)
        {
            var length = tokens[k].Length;
            if (length > 10 || tokens[k].Kind != TokenKind.Word || !Cues.Contains(text, tokens[k]))
            {
                continue;
            }

            var first = (char)(text[tokens[k].Start] | 0x20); // (the cue words are ASCII, in lower case)
            foreach (var c in CuesByLength[length])
            {
                if (CueWords[c][0] == first && Eq(k, CueWords[c]))
                {
                    found |= 1UL << c;
                }
            }
        }

        return found;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool IsWord(int i) => (uint)i < (uint)count && tokens[i].Kind == TokenKind.Word;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool P(int i, char ch) => (uint)i < (uint)count && tokens[i].Kind == TokenKind.Punct && text[tokens[i].Start] == ch;

    private bool Eq(int i, string w) =>
        i >= 0 && i < count && tokens[i].Length == w.Length && (text[tokens[i].Start] | 0x20) == (w[0] | 0x20) && W(i).Equals(w, StringComparison.OrdinalIgnoreCase);

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
        try
        {
            return ApplyRules(spans, names);
        }
        finally
        {
            ReturnTokenIndex();
        }
    }

    private List<PiiSpan> ApplyRules(List<PiiSpan> spans, List<(int Start, int End)>? names)
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

        PlacesCutFromNames(kept);
        ExtendAgencies(kept);
        CompleteNames(kept);
        SpanTails(kept);
        Premises(kept);
        Ages(kept, added);
        Datelines(kept, added);
        BarePlaces(kept, added);
        TownsBeforeStates(kept, added);
        PlacesBetween(kept, added);
        PlacesJoined(kept, added);
        LowerPlacePhrases(kept, added);
        TownsAfterBearings(kept, added);
        Intersections(kept, added);
        BlockAddresses(kept, added);
        LowerNamedStreets(kept, added);
        TransitLines(kept, added);
        AgencyPhrases(kept);
        AgencySubUnits(kept);
        DepartmentsOf(kept);
        FireAgencies(kept, added);
        TaskForces(kept, added);
        CallSigns(added);
        NamesWithAge(kept, added);
        Nicknames(kept, added);
        AgencyInitials(kept, added);
        Handles(kept, added);
        HoursTimes(kept, added);
        Merge(kept, added);
        NamesByGloss(kept, added);
        Nicknamed(kept, added);
        NicknamesByUse(kept, added);
        LowerSurnamesAfterRank(kept, added);
        NicknamesActing(kept, added);
        AnimalNames(kept, added);
        DogNamesByUse(kept, added);
        WeekdayRanges(kept, added);
        ShortDays(kept, added);
        ClockRanges(kept, added);
        LogTimes(kept, added);
        CodedAges(added);
        PlateStates(kept, added);
        PlatesAfterStates(kept, added);
        SpokenAges(kept, added);
        WordedAges(kept, added);
        DescribedAges(kept, added);
        BothAges(kept, added);
        AgesAfterNames(kept, added);
        HomeTownAges(kept, added);
        HowOldAnswers(kept, added);
        NameAnswers(kept);
        SelfNamed(kept, added);
        Vocatives(kept, added);
        BirthDateAnswers(kept, added);
        SexSlashAge(added);
        RadioCallSigns(kept, added);
        SpokenCallSigns(kept, added);
        SpacedLetterCallSigns(kept, added);
        NumberedCallSigns(kept, added);
        DigitTurnSigns(kept, added);
        SpacedDigitCallSigns(kept, added);
        NamedNumberCallSigns(kept, added);
        RepeatedCallSigns(kept, added);
        OwnNumbers(kept, added);
        RiddenCallSigns(kept, added);
        SignOffClocks(kept, added);
        LogCallSigns(kept, added);
        LogUnits(kept, added);
        NamedCallSigns(kept, added);
        UnitsBesidePeople(kept, added);
        UnitsBeforeRanks(kept, added);
        UnitsListed(kept, added);
        BadgesAfterNames(kept, added);
        SpacedPlates(kept, added);
        EstimatedTimes(kept, added);
        SpokenTimes(kept, added);
        WordClockTimes(kept, added);
        ClockFaceTimes(kept, added);
        SpanishNumbersSaid(kept, added);
        SpacedClocks(kept, added);
        DigitByDigitClocks(kept, added);
        SpokenIds(kept, added);
        RadioLetterPlates(kept, added);
        CodesSaidApart(kept, added);
        K9SignsSaid(kept, added);
        CallSignsSaidNamed(kept, added);
        BadgesSaidAfterRankedNames(kept, added);
        SpokenEmails(kept, added);
        SpelledNames(kept, added);
        SpokenSsns(kept, added);
        SpokenDashedIds(kept, added);
        DatesOfBirthSaid(kept, added);
        SpokenMileMarkers(kept, added);
        SpokenRoads(kept, added);
        RoadsSaidByNumber(kept, added);
        SpokenCorners(kept, added);
        LowerCorners(kept, added);
        SpokenVehicles(kept, added);
        FreewaysByNumber(kept, added);
        StateRoutes(kept, added);
        SaidNumbers(kept, added);
        SpacedDigitPhones(kept, added);
        MonthsAlone(kept, added);
        DaysOfMonth(added);
        SpokenDaysOfMonth(kept, added);
        SpokenYears(kept, added); // (after the days said, which a year may follow)
        if (SpelledAgencies(kept, added) | LowerAgencies(kept))
        {
            AgencySubUnits(kept); // (their sub-units: "dallas pd southeast patrol division")
        }

        SaidSubUnits(kept, added);
        NumberedPrecincts(kept, added);
        AgencyKindLetters(kept, added);
        CallSignsSaidAfterAgency(kept, added);
        CallSignsAfterCopy(kept, added);
        CallSignsAfterTheirName(kept, added);
        CallSignsBeforeRadioWords(kept, added);
        SaidK9Names(kept, added);
        HyphenedK9Names(kept, added);
        SpeakersAndAddressees(kept, added);
        NicknameSpeakers(kept, added);
        SignOffs(kept);
        TimedSpeakers(kept, added);
        StampedSpeakers(kept, added);
        RankedSpeakers(kept, added);
        DecadeAges(added);
        KinAges(added);
        TurnedAges(kept, added);
        AgencyCaseNumbers(added);
        MarkedIdNumbers(kept, added);
        Chains(kept, added);
        PlacesBeside(kept, added);
        Rooms(kept, added);
        VehicleNumbers(kept, added);
        VehicleNumbersSaid(kept, added);
        LabelledVehicles(kept, added);
        TakenToPlaces(kept, added);
        HospitalsSaidShort(kept, added);
        SaintsPlaces(kept, added);
        ShopsOfOwners(kept, added);
        ChainStores(kept, added);
        StoresByOwner(kept, added);
        LowerPremises(kept, added);
        ShortYears(kept, added);
        Merge(kept, added);
        CallSignsLikeFound(kept, added);
        IdsSaidAgain(kept, added);
        DigitIdsAgain(kept, added);
        LongNumbers(kept, added);
        CallSignsSaidAsWritten(kept, added);
        RadioClockTimes(kept, added);
        Alternatives(kept, added);
        FieldAnswers(kept, added);
        WordedAgesAfterNames(kept, added);
        Corrections(kept, added);
        NamesRestarted(kept, added);
        LowerStates(kept, added);
        Merge(kept, added);
        StateTollRoads(kept);
        BearingsBeforePlaces(kept);
        CallSignLeads(kept);
        var nameEnds = NameEnds(kept);
        SurnameFirst(kept);
        JoinHyphenated(kept);
        ShortCounties(kept);
        LowerCountyWords(kept);
        DaysWithDates(kept);
        PlateGroups(kept);
        JoinIntersections(kept);
        SpanTails(kept);
        Premises(kept);
        PremiseHeadsAfterPlaces(kept);
        SplitSurnames(kept);
        SpreadNames(kept);
        TwoWordSpeakers(kept);
        MiddleNames(kept);
        DashSignatures(kept);
        DottedRanks(kept);
        SaintSurnames(kept);
        VerbsBeforePlaces(kept);
        IdsAfterRankedNames(kept, added);
        Merge(kept, added);
        if (NameEnds(kept) != nameEnds)
        {
            SpokenAges(kept, added); // (after names grown late: "tyrell two bulls, nineteen,")
            Merge(kept, added);
        }

        CallSignWords(kept);
        SpreadUnits(kept);
        LineClocks(kept);
        ElapsedTimes(kept);

        // The context stages add names and places from evidence; none may be made of words never PII alone.
        var plates = kept.Exists(static span => span.Label == PiiLabel.Plate) ? kept.FindAll(static span => span.Label == PiiLabel.Plate) : NoSpans;
        kept.RemoveAll(span => NeverPiiAlone(span, plates));
        kept.RemoveAll(PersonAfterArticle);
        kept.RemoveAll(CalibreWord);
        kept.RemoveAll(ModelAfterColour);
        kept.RemoveAll(ClockFaceDirection);
        kept.RemoveAll(TrimAfterModel);
        kept.RemoveAll(ModelYear);
        Acknowledgements(kept);
        CrashDiagramUnits(kept);
        kept.RemoveAll(AgencyOfAKind);
        kept.RemoveAll(CodesAndLetters);
        if (text.Contains("r/", StringComparison.Ordinal))
        {
            kept.RemoveAll(IsSubredditName);
        }

        UnnamedAirportPolice(kept);
        return kept;
    }

    private static readonly List<PiiSpan> NoSpans = [];

    /// <summary>The persons' ends summed: changes when a late step grows or adds a name.</summary>
    private static long NameEnds(List<PiiSpan> spans)
    {
        long sum = 0;
        foreach (var span in spans)
        {
            sum += span.Label == PiiLabel.Person ? span.End : 0;
        }

        return sum;
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
            while (n < names.Count && names[n].Start - end is >= 1 and <= 3 && text.AsSpan(end, names[n].Start - end) is var gap && gap.IsWhiteSpace() && !gap.Contains('\n'))
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

    /// <summary>
    /// For each character of the text, the first token ending after it (what <see cref="FirstToken"/> answers), made
    /// on the first question: the rules ask it of every span's ends, many times over.
    /// </summary>
    private int[]? tokenAt;

    /// <summary>The first token ending after <paramref name="charStart"/>, or <see cref="count"/>.</summary>
    private int FirstToken(int charStart)
    {
        if (charStart < 0 || charStart >= text.Length)
        {
            return SearchFirstToken(charStart);
        }

        tokenAt ??= IndexTokens();
        return tokenAt[charStart];
    }

    /// <summary>The first token ending after each character of the text, in an array from the shared pool.</summary>
    private int[] IndexTokens()
    {
        // Token k is the answer from the end of the token before it up to its own end; past the last, none is.
        var index = System.Buffers.ArrayPool<int>.Shared.Rent(text.Length);
        var from = 0;
        for (var k = 0; k < count; k++)
        {
            // (most tokens are a few characters: a plain loop, not a call per token)
            for (var end = tokens[k].End; from < end; from++)
            {
                index[from] = k;
            }
        }

        index.AsSpan(from, text.Length - from).Fill(count);
        return index;
    }

    /// <summary>The first token ending after <paramref name="charStart"/>, by binary search.</summary>
    private int SearchFirstToken(int charStart)
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
}
