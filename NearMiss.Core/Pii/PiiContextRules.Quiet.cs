namespace NearMiss.Core.Pii;

/// <summary>
/// The quiet filters of the last stage: the detector's own placeholders, words never PII alone, vehicle and weapon
/// models, ordinary lower-case words read as names, radio and aviation positions, kinds of premise and of agency, and
/// titles of courses.
/// </summary>
internal sealed partial class PiiContextRules
{
    private PiiSpan? Quiet(PiiSpan span)
    {
        // The detector's own placeholders after a redaction: "[LOCATION]", "[OTHER_ID]".
        if (InPlaceholder(span.Start))
        {
            return null;
        }

        if (span.Label == PiiLabel.Address && IsKindOfRoad(span))
        {
            return null;
        }

        if (span.Label == PiiLabel.Person && (IsShorthandLetter(span) || IsModalAlone(span)))
        {
            return null;
        }

        // "[+00:41]", "T+01:10": time elapsed since a start, not a time of day.
        if (span.Label == PiiLabel.Time && span.Start > 0 && text[span.Start - 1] == '+')
        {
            return null;
        }

        var first = FirstToken(span.Start);
        var last = TokenEnding(span.End);

        // "a 55 zone": a speed limit, not an age.
        if (span.Label == PiiLabel.Age && first == last && EqAny(last + 1, "zone", "mph"))
        {
            return null;
        }

        // "a Ruger 10/22", "Glock 17 Gen 5": a model's number after its make, not a date or an address (a day's name
        // stays one: "a spear gun Monday").
        if (span.Label is PiiLabel.Date or PiiLabel.Address && first > 0 && IsWord(first - 1) && tokens[first - 1].Is(Lex.Brand | Lex.Weapon) && !IsWord(first))
        {
            return null;
        }

        if (first > last || first >= count)
        {
            return span;
        }

        // A dispatcher called by the radio's name for it ("and Central, tell the transport guys", "copy Central").
        if (span.Label == PiiLabel.Location && first == last && In(Dispatchers, first) && (P(last + 1, ',') && (first == 0 || !P(first - 1, ',')) || Eq(first - 1, "copy")))
        {
            return null;
        }

        // A post of the incident command system read as an agency ("the Command Post").
        if (span.Label == PiiLabel.Agency && IsCommandPost(text, tokens.AsSpan(0, count), first, last))
        {
            return null;
        }

        // A maker before its gear: "Danner boots", "a Hi-Point carbine", "an ASP Talon baton".
        if (span.Label is PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency or PiiLabel.Address && IsGearMaker(text, tokens.AsSpan(0, count), first, last))
        {
            return null;
        }

        if (span.Label is not (PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency))
        {
            return span;
        }

        if (span.Label != PiiLabel.Agency && IsRegionPart(text, tokens.AsSpan(0, count), first, last, lexicon))
        {
            return null;
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
        if (span.Label == PiiLabel.Person && words >= 2 && !tokens[last].Is(Lex.GivenName | Lex.Surname) && IsAbstractNoun(last)
            && !(IsWord(first - 1) && tokens[first - 1].Has(TokenFlags.Capitalized | TokenFlags.AllCaps)))
        {
            return null;
        }

        // Vocabulary in title case: "Unannounced Contact", "Hostile Vehicle Mitigation".
        if (lexicon.IsVocabulary(text, tokens.AsSpan(0, count), first, last))
        {
            return null;
        }

        // A title of ordinary words joined by "of": "Rules of Engagement", "Control of Conflict" (but "Division of Conservation").
        if (IsTitleOfWords(first, last))
        {
            return null;
        }

        // Radio and aviation positions: "Local Controller", "Ground Control", "Approach".
        if (span.Label == PiiLabel.Person && IsWord(last) && (Eq(last, "control") || Eq(last, "controller") || Eq(last, "tower") || Eq(last, "approach") || Eq(last, "departure")))
        {
            return null;
        }

        // A lower-case ordinary word is not a name by propagation: "traffic", "officers", "task"; but it is when said to
        // be one ("his name is hunter", "a lady named holly").
        if (lowerEnglish == words && span.Label == PiiLabel.Person && !((EqAny(first - 1, "is", "was") && Eq(first - 2, "name") || Eq(first - 1, "named")) && tokens[first].Is(Lex.GivenName)))
        {
            return null;
        }

        // "my partner will tell you", "the lieutenant will grant the overtime": a modal and its verb, not a first name and
        // a rare surname, nor one before an object.
        if (span.Label == PiiLabel.Person && words == 2 && last == first + 1 && (Eq(first, "will") || Eq(first, "may")) && (caseless || tokens[first].Has(TokenFlags.Lower))
            && (caseless || tokens[last].Has(TokenFlags.Lower)) && English(last)
            && (tokens[last].Lex.SurnameCount < 5_000 && !tokens[last].Is(Lex.GivenName) || EqAny(last + 1, "the", "a", "an", "him", "her", "them", "us", "me", "it", "that", "this", "his", "their")))
        {
            return null;
        }

        // "the Sally Port": a jail's vehicle gate, not a person.
        if (span.Label == PiiLabel.Person && (Eq(last, "sally") && Eq(last + 1, "port") || Eq(first, "sally") && Eq(last, "port")))
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

        if (IsVehicleModel(first, last, words, model))
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
            // (the flags are tested before the look-up of an ordinary word)
            while (k < last && IsWord(k) && !tokens[k].Is(Lex.GivenName | Lex.Surname | Lex.Rank) && tokens[k].Has(TokenFlags.Capitalized) && English(k))
            {
                k++;
            }

            if (k == last && IsWord(k) && !tokens[k].Is(Lex.GivenName | Lex.Surname) && English(k))
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

    /// <summary>"Command Post", "Incident Command", "Command Center": places and roles of the incident command system.</summary>
    internal static bool IsCommandPost(string text, ReadOnlySpan<Token> tokens, int first, int last) =>
        last == first + 1 && tokens[first].Kind == TokenKind.Word && tokens[last].Kind == TokenKind.Word
        && (CommandFirst.Contains(text, tokens[first]) && CommandSecond.Contains(text, tokens[last]));

    private static readonly WordSet CommandFirst = new(["command", "incident", "unified", "forward", "mobile"]);

    private static readonly WordSet CommandSecond = new(["post", "center", "centre", "staff", "command", "vehicle", "bus", "trailer", "van"]);

    /// <summary>Whether the text has a "[" at all, read on the first question: a text without one has no placeholder.</summary>
    private bool? hasBracket;

    private bool InPlaceholder(int start)
    {
        if (!(hasBracket ??= text.Contains('[')))
        {
            return false;
        }

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

    /// <summary>
    /// The span lies in a run of capitalised ordinary words joined by "of" (and "and", "the", "to", "for"), with no
    /// capitalised word either side: a title ("Rules of Engagement"), not a name.
    /// </summary>
    private bool IsTitleOfWords(int first, int last)
    {
        // A word of the span itself that is no title word rules the title out before the run is grown ("Jane Doe").
        for (var k = first; k <= last; k++)
        {
            if (!IsJoiner(k) && IsWord(k) && !IsTitleWord(k))
            {
                return false;
            }
        }

        var start = first;
        while (start >= 2 && IsJoiner(start - 1) && IsTitleWord(start - 2))
        {
            start -= 2;
        }

        var end = last;
        while (end + 2 < count && IsJoiner(end + 1) && IsTitleWord(end + 2))
        {
            end += 2;
        }

        var joined = false;
        for (var k = start; k <= end; k++)
        {
            if (IsJoiner(k))
            {
                joined |= Eq(k, "of");
            }
            else if (IsWord(k) && !IsTitleWord(k))
            {
                return false;
            }
        }

        return joined && !(IsWord(start - 1) && tokens[start - 1].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) && !tokens[start - 1].Is(Lex.Stop))
            && !(IsWord(end + 1) && tokens[end + 1].Has(TokenFlags.Capitalized | TokenFlags.AllCaps));
    }

    private bool IsJoiner(int k) => IsWord(k) && tokens[k].Has(TokenFlags.Lower) && (Eq(k, "of") || Eq(k, "and") || Eq(k, "the") || Eq(k, "to") || Eq(k, "for"));

    /// <summary>A capitalised ordinary word that names no one and heads no agency, premise or place.</summary>
    private bool IsTitleWord(int k) =>
        IsWord(k) && tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Is(Lex.GivenName | Lex.Surname | Lex.Place | Lex.County | Lex.State
            | Lex.Country | Lex.SubUnit | Lex.OrgSuffix | Lex.PremiseSuffix | Lex.PlaceHead | Lex.StreetSuffix | Lex.AgencyAcronym | Lex.Rank)
        && English(k) && !AgencyHeadWords.Contains(text, tokens[k]) && !Eq(k, "office") && !Eq(k, "bureau");

    /// <summary>An ordinary word with the ending of an abstract noun or a gerund: "Awareness", "Operations", "Breaching", "Safety".</summary>
    private bool IsAbstractNoun(int k) => PiiLexicon.HasAbstractEnding(W(k));

    /// <summary>Words that only say what kind an agency is: "County Sheriff's Office", "Tribal Police Department".</summary>
    /// <summary>"Small SO", "Rural Sheriff's Office": the size or setting of an agency, which no agency is named by.</summary>
    private static readonly WordSet AgencySizeWords = new(["small", "large", "big", "tiny", "rural", "local", "medium", "midsize", "mid-sized", "suburban", "urban"]);

    /// <summary>
    /// Words of where an agency is, in lower case after an article: "a regional transit police department", "the
    /// neighbouring tribal police" (a "Regional Transit Police" is named).
    /// </summary>
    private static readonly WordSet AgencyNearWords = new(["regional", "nearby", "neighboring", "neighbouring", "adjacent", "surrounding"]);

    private static readonly WordSet AgencyKindWords = new(["county", "city", "town", "township", "tribal", "state", "municipal", "campus", "university", "college", "school", "hospital", "transit", "police", "sheriff", "sheriffs", "sheriff's", "office", "department", "dept", "patrol", "highway", "fire", "public", "safety", "corrections", "correctional", "housing", "authority", "marshal", "marshals", "constable", "constables", "agency", "district", "s", "so", "pd", "sd"]);

    /// <summary>"a County Sheriff's Office", "a Tribal Police Department": an agency of a kind after "a", not a named one ("a Metro Transit police officer" is named).</summary>
    /// <summary>
    /// Tokens first to last are a region of the country or part of one with the word beside them ("Upper Midwest",
    /// "Mountain" of "Mountain West"): too wide to say where anyone is.
    /// </summary>
    internal static bool IsRegionPart(string text, ReadOnlySpan<Token> tokens, int first, int last, PiiLexicon lexicon)
    {
        var start = tokens[first].Start;
        var end = tokens[last].End;
        if (lexicon.IsRegion(text.AsSpan(start, end - start)))
        {
            return true;
        }

        // (the word before may be joined by a hyphen: "Atlantic" of "Mid-Atlantic")
        var before = first >= 2 && tokens[first - 1].Kind == TokenKind.Punct && text[tokens[first - 1].Start] == '-' && tokens[first - 1].End == start ? first - 2 : first - 1;
        return before >= 0 && tokens[before].Kind == TokenKind.Word && start - tokens[before].End <= 1 && lexicon.IsRegion(text.AsSpan(tokens[before].Start, end - tokens[before].Start))
            || last + 1 < tokens.Length && tokens[last + 1].Kind == TokenKind.Word && tokens[last + 1].Start == end + 1 && lexicon.IsRegion(text.AsSpan(start, tokens[last + 1].End - start));
    }

    /// <summary>"Divided Highway", "Wrong-Way", "Two-Lane Road": words for a kind of road before its kind, no road's name.</summary>
    private bool IsKindOfRoad(PiiSpan span)
    {
        var first = FirstToken(span.Start);
        var last = TokenEnding(span.End);
        for (var k = first; k <= last && k < count; k++)
        {
            if (!(In(RoadKinds, k) || P(k, '-') || IsWord(k) && tokens[k].Is(Lex.StreetSuffix) && k == last))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly WordSet RoadKinds = new(["divided", "undivided", "wrong", "way", "two", "four", "lane", "limited", "access", "rural", "dirt", "gravel", "paved", "unpaved",
        "nighttime", "darkened", "unlit", "frontage", "service", "private", "residential", "interstate", "state", "county", "federal"]);

    private bool AgencyOfAKind(PiiSpan span) =>
        span.Label == PiiLabel.Agency && (IsAgencyOfAKind(text, tokens.AsSpan(0, count), FirstToken(span.Start), TokenEnding(span.End)) || IsPoliceTitle(FirstToken(span.Start), TokenEnding(span.End)));


    /// <summary>Tokens first to last are words of an agency's kind after "a" or "an", and no officer of it follows.</summary>
    internal static bool IsAgencyOfAKind(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        // "a Tribal Police Department" read as "Police Department" alone: the kind words before it go with it.
        while (first >= 2 && AgencyKindWords.Contains(text.AsSpan(tokens[first - 1].Start, tokens[first - 1].Length)))
        {
            first--;
        }

        var sized = first < tokens.Length && (AgencySizeWords.Contains(text.AsSpan(tokens[first].Start, tokens[first].Length))
            || tokens[first].Has(TokenFlags.Lower) && AgencyNearWords.Contains(text.AsSpan(tokens[first].Start, tokens[first].Length))
            && first >= 1 && (WordIs(text, tokens[first - 1], "a") || WordIs(text, tokens[first - 1], "an") || WordIs(text, tokens[first - 1], "the") || WordIs(text, tokens[first - 1], "another")));
        if (first < 1 || last >= tokens.Length || !(sized || WordIs(text, tokens[first - 1], "a") || WordIs(text, tokens[first - 1], "an") || IsFieldColon(text, tokens, first - 1)))
        {
            return false;
        }

        for (var k = first; k <= last; k++)
        {
            if (!(AgencyKindWords.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length)) || k == first && sized || tokens[k].Kind == TokenKind.Punct && text[tokens[k].Start] is '\'' or '’'))
            {
                return false;
            }
        }

        // (In lower case the words say only a kind, whoever follows: "a university police officer responded".)
        var next = last + 1 < tokens.Length ? tokens[last + 1] : default;
        return last + 1 >= tokens.Length || tokens[first].Has(TokenFlags.Lower) && tokens[last].Has(TokenFlags.Lower) || !(next.Is(Lex.Rank | Lex.Role) || WordIs(text, next, "officer") || WordIs(text, next, "officers") || WordIs(text, next, "deputy") || WordIs(text, next, "trooper") || WordIs(text, next, "agent"));
    }

    /// <summary>
    /// "Airport PD, mid shift", "AIRPORT PD - RADIO TRAFFIC": the police of an airport no word names are a kind of agency,
    /// as many airports have one; they are the agency only as the short name of one the text names ("Los Angeles Airport
    /// Police … an Airport Police spokesperson").
    /// </summary>
    private void UnnamedAirportPolice(List<PiiSpan> spans)
    {
        if (!TextHasWord("airport"))
        {
            return;
        }

        var named = spans.Exists(s => s.Label == PiiLabel.Agency && AirportPoliceStart(text, tokens.AsSpan(0, count), TokenEnding(s.End)) > FirstToken(s.Start));
        if (!named)
        {
            spans.RemoveAll(s => s.Label == PiiLabel.Agency && IsBareAirportPolice(text, tokens.AsSpan(0, count), FirstToken(s.Start), TokenEnding(s.End)));
        }
    }

    /// <summary>The token "Airport" of "Airport PD", "Airport Police" or "Airport Police Department" ending at <paramref name="last"/>, or -1.</summary>
    private static int AirportPoliceStart(string text, ReadOnlySpan<Token> tokens, int last) =>
        (IsWordAt(text, tokens, last, "pd") || IsWordAt(text, tokens, last, "police")) && IsWordAt(text, tokens, last - 1, "airport") ? last - 1
        : (IsWordAt(text, tokens, last, "department") || IsWordAt(text, tokens, last, "dept")) && IsWordAt(text, tokens, last - 1, "police") && IsWordAt(text, tokens, last - 2, "airport") ? last - 2
        : -1;

    /// <summary>
    /// Are tokens <paramref name="first"/> to <paramref name="last"/> only "Airport PD", "Airport Police" or "Airport
    /// Police Department", with no name before them (after a line's start, a mark or a word such as "the")?
    /// </summary>
    internal static bool IsBareAirportPolice(string text, ReadOnlySpan<Token> tokens, int first, int last) =>
        AirportPoliceStart(text, tokens, last) == first
        && (first == 0 || tokens[first - 1].Kind == TokenKind.Punct || tokens[first].Has(TokenFlags.NewlineBefore) || tokens[first - 1].Is(Lex.Stop)); // (not "msp airport pd")

    /// <summary>
    /// Spans that are codes or a department's letters alone: "Code Red", "the PD channel", "AIRPORT PD:" (a speaker's
    /// label), "WINCHESTER 147 GR." (a cartridge's make and grain), "Sierra, Hotel, Romeo" (radio letters), "AR
    /// fifteen" (a rifle), "Oh", "Yeah" and the "Ma" of "Ma'am".
    /// </summary>
    private bool CodesAndLetters(PiiSpan span) => IsCodeOrLetters(text, tokens.AsSpan(0, count), FirstToken(span.Start), TokenEnding(span.End), span.Label);

    /// <summary>Tokens <paramref name="first"/> to <paramref name="last"/> are a code or a department's letters alone (for the rules' spans and the tagger's).</summary>
    internal static bool IsCodeOrLetters(string text, ReadOnlySpan<Token> tokens, int first, int last, PiiLabel label) =>
        label == PiiLabel.BadgeId && first == last && tokens[first].Kind == TokenKind.Number && text.AsSpan(tokens[first].Start, tokens[first].Length) is "911" // (the emergency line, no unit)
        || label is PiiLabel.Person or PiiLabel.Location && first == last && (IsWordAt(text, tokens, first - 1, "code") || IsWordAt(text, tokens, first - 1, "signal"))
        || label is PiiLabel.Agency or PiiLabel.Person && first == last && (IsWordAt(text, tokens, first, "pd") || IsWordAt(text, tokens, first, "so") || IsWordAt(text, tokens, first, "sd"))
        || label is PiiLabel.Location or PiiLabel.Address && tokens[first].Kind == TokenKind.Word && tokens[first].Lex.Has(LexExtra.Model)
            && (IsGrain(text, tokens, last + 1) || last + 1 < tokens.Length && tokens[last + 1].Kind == TokenKind.Number && IsGrain(text, tokens, last + 2))
        || label is PiiLabel.Person or PiiLabel.Location && first == last && IsSideOrTeamLetter(text, tokens, first)
        || label is PiiLabel.Person or PiiLabel.Location && first == last && PhoneticLetters.Contains(text, tokens[first])
            && (!tokens[first].Has(TokenFlags.NewlineBefore) && RadioLetterOnly(text, tokens, first - (first >= 1 && tokens[first - 1].Kind == TokenKind.Punct && text[tokens[first - 1].Start] == ',' ? 2 : 1))
                || RadioLetterOnly(text, tokens, first + (first + 1 < tokens.Length && tokens[first + 1].Kind == TokenKind.Punct && text[tokens[first + 1].Start] == ',' ? 2 : 1)) && !tokens[Math.Min(tokens.Length - 1, first + 1)].Has(TokenFlags.NewlineBefore))
        || label is PiiLabel.Person or PiiLabel.Location && first == last && !tokens[first].Has(TokenFlags.AllCaps)
            && (Interjections.Contains(text, tokens[first]) && OpensSentence(text, tokens, first)
                    && first + 1 < tokens.Length && !tokens[first + 1].Has(TokenFlags.NewlineBefore)
                    && (tokens[first + 1].Kind == TokenKind.Punct && text[tokens[first + 1].Start] is ',' or '!' || InterjectionFollowers.Contains(text, tokens[first + 1]))
                || IsWordAt(text, tokens, first, "ma") && first + 2 < tokens.Length && tokens[first + 1].Kind == TokenKind.Punct && IsWordAt(text, tokens, first + 2, "am")) // "Oh and", "Yeah, this is", "Ma'am"
        || label == PiiLabel.Location && first == last && IsWordAt(text, tokens, first, "ar")
            && (IsWordAt(text, tokens, last + 1, "fifteen") || IsWordAt(text, tokens, last + 1, "ten") || last + 1 < tokens.Length && text.AsSpan(tokens[last + 1].Start, tokens[last + 1].Length) is "15" or "10");

    /// <summary>A cartridge's weight: "gr", "grain", "gn".</summary>
    private static bool IsGrain(string text, ReadOnlySpan<Token> tokens, int k) =>
        IsWordAt(text, tokens, k, "gr") || IsWordAt(text, tokens, k, "grain") || IsWordAt(text, tokens, k, "grains") || IsWordAt(text, tokens, k, "gn");

    private static bool IsWordAt(string text, ReadOnlySpan<Token> tokens, int k, string word) =>
        k >= 0 && k < tokens.Length && tokens[k].Kind == TokenKind.Word && WordIs(text, tokens[k], word);

    /// <summary>"Agency Type: County Sheriff's Office": the colon of a form's field whose name says it holds a kind.</summary>
    private static bool IsFieldColon(string text, ReadOnlySpan<Token> tokens, int k) =>
        k >= 1 && tokens[k].Kind == TokenKind.Punct && text[tokens[k].Start] == ':' && (WordIs(text, tokens[k - 1], "type") || WordIs(text, tokens[k - 1], "kind") || WordIs(text, tokens[k - 1], "agency"));

    private static bool WordIs(string text, in Token token, string word) => text.AsSpan(token.Start, token.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>"Tahoes", "Chargers": a make or model with a plural ending.</summary>
    private bool IsPluralOfModel(int k)
    {
        var w = W(k);
        return IsWord(k) && w.Length > 3 && w[^1] is 's' or 'S'
            && ((lexicon.Get(w[..^1]).Extra & LexExtra.Model) != 0 || w.Length > 4 && w[^2] is 'e' or 'E' && (lexicon.Get(w[..^2]).Extra & LexExtra.Model) != 0);
    }

    /// <summary>
    /// A name or place made only of words that are never PII alone ("Warning", "Care", "Summary") or of a speaker's
    /// fillers in lower case ("um"); not a state's code before its plate, one of <paramref name="plates"/>.
    /// </summary>
    private bool NeverPiiAlone(PiiSpan span, List<PiiSpan> plates)
    {
        if (span.Label is not (PiiLabel.Person or PiiLabel.Location))
        {
            return false;
        }

        var words = 0;
        var first = FirstToken(span.Start);
        if (Eq(first, "new") && tokens[first].End == span.End && EqAny(first + 1, "paragraph", "line"))
        {
            return true; // "period New paragraph": what a dictating officer says to the app
        }

        if (span.Label == PiiLabel.Location && IsWord(first) && tokens[first].Length == 2 && (IsWord(first + 1) && EqAny(first + 1, PlateWords)
            && (tokens[first].Has(TokenFlags.AllCaps) || first + 2 < count && (tokens[first + 2].Digits > 0 || tokens[first + 2].Has(TokenFlags.AllCaps)))
            || first + 1 < count && StartsSpan(plates, tokens[first + 1].Start, PiiLabel.Plate, PiiLabel.Plate)))
        {
            return false; // "OK tag LHJ-482", "ok tag JHV-882", "SILVERADO OK JKL-442": a state's code before its plate, though "ok" alone is chat
        }

        for (var k = first; k < count && tokens[k].Start < span.End; k++)
        {
            if (tokens[k].Kind is TokenKind.Number or TokenKind.Alnum || IsWord(k) && !tokens[k].Lex.Has(LexExtra.NotPii) && !(IsFiller(k) && tokens[k].Has(TokenFlags.Lower)))
            {
                return false;
            }

            words += IsWord(k) ? 1 : 0;
        }

        return words > 0;
    }
}
