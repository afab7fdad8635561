namespace NearMiss.Core.Pii;

/// <summary>
/// Recognisers for the way officers talk and type (decision 049; ages are in <c>PiiContextRules.Ages.cs</c>, radio
/// call signs in <c>PiiContextRules.CallSigns.cs</c>, chat speakers and the person a note is written to in
/// <c>PiiContextRules.Speakers.cs</c>): plates written in two groups ("KS tag 447 LKD"), 24-hour times after "approx"
/// or "bout", case numbers after an agency's initials, agencies typed in lower case, hyphenated names, and a day's
/// name with its date or time.
/// </summary>
internal sealed partial class PiiContextRules
{
    private static readonly WordSet Greetings = new(["hey", "hi", "hello", "dear", "yo", "thanks", "thx"]);

    /// <summary>The spelling alphabets radio call signs are made of ("Adam 12", "charlie 7", "Frank 31").</summary>
    private static readonly WordSet Phonetic = new(["adam", "boy", "charles", "charlie", "david", "edward", "frank", "george", "henry", "ida", "john", "king", "lincoln", "mary", "nora", "ocean", "paul", "queen", "robert", "sam", "tom", "union", "victor", "william", "young", "zebra", "baker", "alpha", "bravo", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "whiskey", "yankee", "zulu"]);

    internal static readonly WordSet TimeLeads = new(["approx", "approximately", "aprx", "appx", "around", "about", "bout", "abt", "~", "maybe", "roughly", "probably", "prob"]);

    /// <summary>"GCSO call 24-0193", "CPD 24-2213", "USMS # 24-0917-WMO": a case number after an agency's initials.</summary>
    private void AgencyCaseNumbers(List<PiiSpan> added)
    {
        // The initials are a word in capitals; the number is two digits, a hyphen and four or more.
        if (!Shapes.HasWord(TokenFlags.AllCaps) || !Shapes.HasPunct('-') || !Shapes.HasNumber(2, 2) || !Shapes.HasNumber(4, 63))
        {
            return;
        }

        for (var k = 0; k + 3 < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Has(TokenFlags.AllCaps) || tokens[k].Length is < 2 or > 5 || !(tokens[k].Is(Lex.AgencyAcronym) || !English(k)))
            {
                continue;
            }

            var n = Eq(k + 1, "call") || Eq(k + 1, "case") || Eq(k + 1, "incident") || Eq(k + 1, "report") || P(k + 1, '#') ? k + 2 : k + 1;
            if (n + 2 < count && tokens[n].Kind == TokenKind.Number && tokens[n].Length == 2 && P(n + 1, '-') && tokens[n + 2].Kind == TokenKind.Number && tokens[n + 2].Length >= 4
                && tokens[n + 1].Start == tokens[n].End && tokens[n + 2].Start == tokens[n + 1].End)
            {
                // A third part after a hyphen, letters or digits: "USMS # 24-0917-WMO".
                var end = P(n + 3, '-') && n + 4 < count && tokens[n + 3].Start == tokens[n + 2].End && tokens[n + 4].Start == tokens[n + 3].End && tokens[n + 4].Length <= 6
                    && (tokens[n + 4].Kind is TokenKind.Number or TokenKind.Alnum || IsWord(n + 4) && tokens[n + 4].Has(TokenFlags.AllCaps)) ? n + 4 : n + 2;
                if (!P(end + 1, '-'))
                {
                    added.Add(new PiiSpan(tokens[n].Start, tokens[end].End, PiiLabel.CaseNumber));
                }
            }
        }
    }

    /// <summary>"Jean-Baptiste", "PIERRE-LOUIS": names on either side of a hyphen are one name, a person's when either side is one; "T-Roy", a capital before a name and a hyphen, too.</summary>
    private void JoinHyphenated(List<PiiSpan> spans)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i].Start;
            if (spans[i].Label == PiiLabel.Person && s >= 2 && text[s - 1] == '-' && char.IsAsciiLetterUpper(text[s - 2]) && (s == 2 || !char.IsLetterOrDigit(text[s - 3]))
                && (i == 0 || spans[i - 1].End <= s - 2))
            {
                spans[i] = new PiiSpan(s - 2, spans[i].End, PiiLabel.Person);
            }
        }

        for (var i = spans.Count - 2; i >= 0; i--)
        {
            var (a, b) = (spans[i], spans[i + 1]);
            // (a place's word and a name's are a name: "oyuki ramírez-landa")
            var person = a.Label is PiiLabel.Person or PiiLabel.Location && b.Label is PiiLabel.Person or PiiLabel.Location && (a.Label == PiiLabel.Person || b.Label == PiiLabel.Person);
            if ((a.Label == b.Label && a.Label is PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency || person) && b.Start == a.End + 1 && text[a.End] == '-'
                && !text.AsSpan(a.Start, a.End - a.Start).Equals("mid", StringComparison.OrdinalIgnoreCase))
            {
                spans[i] = new PiiSpan(a.Start, b.End, person ? PiiLabel.Person : a.Label);
                spans.RemoveAt(i + 1);
            }
        }
    }

    private static readonly WordSet DayNames = new(["mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

    /// <summary>
    /// "sat 11/16", "Saturday 2/17": a day's name and its date with only a space between are one mention, so one span
    /// (a comma between makes two, as the annotation rules say: "Sat, 5/25", "Mon, Sep 9"); a day's name before a time is a date of
    /// its own ("[Sat 11:49 PM]"); "sat" and "sun" count only before a date or a time.
    /// </summary>
    private void DaysWithDates(List<PiiSpan> spans)
    {
        // "Mon, Sep 9": a month's name opens the date too, after a comma (with a space between, the two stay as found).
        bool OpensWithMonth(PiiSpan date) => FirstToken(date.Start) is var m && IsWord(m) && tokens[m].Start == date.Start && tokens[m].Is(Lex.Month);

        for (var i = 0; i < spans.Count; i++)
        {
            var date = spans[i];
            var k = FirstToken(date.Start) - 1;
            k = P(k, ',') ? k - 1 : k;
            if (date.Label == PiiLabel.Time && k >= 0 && char.IsAsciiDigit(text[date.Start]) && In(DayNames, k) && !Overlaps(spans, tokens[k].Start, tokens[k].End)
                && (tokens[k].End == date.Start - 1 || P(k + 1, ',') && tokens[k + 1].End == date.Start - 1))
            {
                spans.Insert(i++, new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Date)); // "[Sat 11:49 PM]", "Sat, 1610 hrs"
                continue;
            }

            if (date.Label != PiiLabel.Date || k < 0 || !(char.IsAsciiDigit(text[date.Start]) || OpensWithMonth(date)) || !In(DayNames, k))
            {
                continue;
            }

            if (P(k + 1, ',') && tokens[k + 1].End == date.Start - 1 && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                spans.Insert(i++, new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Date)); // "Sat, 5/25": two mentions
                continue;
            }

            if (tokens[k].End != date.Start - 1 || text[date.Start - 1] != ' ' || !char.IsAsciiDigit(text[date.Start]))
            {
                continue;
            }

            // (the day's name found alone, as a date or as a name it also is: "Sun 8/3/25")
            var day = i > 0 && spans[i - 1].Label is PiiLabel.Date or PiiLabel.Person && spans[i - 1].Start == tokens[k].Start && spans[i - 1].End == tokens[k].End;
            if (day || !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                spans[i] = new PiiSpan(tokens[k].Start, date.End, PiiLabel.Date);
                if (day)
                {
                    spans.RemoveAt(--i);
                }
            }
        }
    }

    /// <summary>"KS tag 447 LKD", "FL tag QKB J71", "MI EHL 4021", "LA plate 481 BRX": a plate in two groups after its state or "tag".</summary>
    private void SpacedPlates(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // A plate follows a state's code or name (a name of two words opens with a place's first word) or a plate's word,
        // and has a digit in a number or with letters.
        // (Its letters are a word in capitals or in a token with digits.)
        if (!Shapes.HasLex(Lex.StateCode | Lex.State | Lex.PlaceHead) && !TextHas(SpacedPlateWords) || !Shapes.Alnum && !Shapes.HasNumber(2, 4)
            || !Shapes.Alnum && !Shapes.HasWord(TokenFlags.AllCaps))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            if (tokens[k + 1].Length is < 2 or > 4 || tokens[k + 2].Length is < 2 or > 4 || !IsWord(k))
            {
                continue;
            }

            var afterState = tokens[k].Is(Lex.StateCode) && tokens[k].Length == 2 && tokens[k].Has(TokenFlags.AllCaps);
            var afterWord = SpacedPlateWords.Contains(text, tokens[k]);
            var afterStateName = !afterState && !afterWord && !In(SpacedPlateWords, k + 1) && IsStateName(spans, k);
            if (!(afterState || afterWord || afterStateName) || !PlateGroup(k + 1) || !PlateGroup(k + 2) || tokens[k + 2].Has(TokenFlags.NewlineBefore)
                || tokens[k + 1].Length + tokens[k + 2].Length is < 5 or > 8 || afterStateName && tokens[k + 1].Length + tokens[k + 2].Length < 6)
            {
                continue; // (after a state's name, six signs or more: "California AB 109" is a law)
            }

            var digits = tokens[k + 1].Digits + tokens[k + 2].Digits;
            var length = tokens[k + 1].Length + tokens[k + 2].Length;
            if (digits == 0 || digits == length || tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length <= 2)
            {
                continue;
            }

            var grown = new PiiSpan(tokens[k + 1].Start, tokens[k + 2].End, PiiLabel.Plate);
            if (OverlapsBeyond(spans, grown))
            {
                continue;
            }

            RemoveWithin(spans, grown.Start, grown.End);
            added.Add(grown);
        }
    }

    /// <summary>Token <paramref name="k"/> ends a state's name found as a place, capitalised: "South Dakota 2AB 461", "Texas KLM 482".</summary>
    private bool IsStateName(List<PiiSpan> spans, int k)
    {
        if (!tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Has(TokenFlags.AllCaps) || !EndsSpan(spans, tokens[k].End, PiiLabel.Location))
        {
            return false;
        }

        if (tokens[k].Is(Lex.State))
        {
            return true;
        }

        // A state of two words ("South Dakota", "New Mexico"): a place of the gazetteer counted as a state is.
        if (k == 0 || !IsWord(k - 1) || !tokens[k - 1].Is(Lex.PlaceHead) || !Spaced(k - 1, k) || tokens[k].End - tokens[k - 1].Start > 32)
        {
            return false;
        }

        Span<char> lower = stackalloc char[tokens[k].End - tokens[k - 1].Start];
        text.AsSpan(tokens[k - 1].Start, lower.Length).ToLowerInvariant(lower);
        return lexicon.PhrasePopulation(lower) >= PiiLexicon.StatePopulation;
    }

    /// <summary>The words a plate's number follows: "tag 447 LKD", "plate QKB J71".</summary>
    private static readonly WordSet SpacedPlateWords = new(["tag", "plate", "plates", "plt"]);

    /// <summary>Two to four capital letters or digits.</summary>
    private bool PlateGroup(int k)
    {
        if (k >= count || tokens[k].Kind == TokenKind.Punct || tokens[k].Length is < 2 or > 4)
        {
            return false;
        }

        foreach (var c in W(k))
        {
            if (!(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
            {
                return false;
            }
        }

        return !(IsWord(k) && (tokens[k].Is(Lex.StateCode | Lex.Stop | Lex.AgencyAcronym) || English(k) && tokens[k].Length > 2));
    }

    /// <summary>
    /// "approx 2210", "bout 2230", "around 0545": a 24-hour time after a word of estimate, a part of the day, a date, "on
    /// scene" or "TIME:", in a dispatcher's acknowledgement or before a log entry's speaker; "arrived 0320", "at like
    /// 1130", "it was 1315": after a word that places an event in time, unless a name follows ("at 1130 Elm").
    /// </summary>
    private void EstimatedTimes(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(4, 4))
        {
            return; // (a clock time is four digits)
        }

        for (var k = 1; k < count; k++)
        {
            if (!IsClockNumber(k))
            {
                continue;
            }

            // ("0345 in the barn", "1540 in Part 23": "in" is the preposition before a word, not inches.)
            var round = Eq(k - 1, "the") && In(Rounds, k + 1);
            if (!round && k + 1 < count && (tokens[k + 1].Is(Lex.StreetSuffix | Lex.Measure) && !(Eq(k + 1, "in") && IsWord(k + 2) && !In(Extents, k + 2)) || Eq(k + 1, "block") || Eq(k + 1, "blk")))
            {
                continue;
            }

            var estimate = In(TimeLeads, k - 1) || P(k - 1, '~') || P(k - 1, '.') && Eq(k - 2, "approx") || In(DayParts, k - 1) || P(k - 1, ',') && In(DayParts, k - 2) || AfterDate(spans, k)
                || P(k - 1, ':') && Eq(k - 2, "time") || Eq(k - 1, "scene") && Eq(k - 2, "on") || round || Acknowledged(k) || BeforeSpeaker(k)
                || P(k + 1, '-') && Eq(k + 2, "ish") && tokens[k + 1].Start == tokens[k].End; // "1930-ish"
            var placed = (In(ClockLeads, k - 1) || Eq(k - 1, "was") && Eq(k - 2, "it"))
                && !(IsWord(k + 1) && tokens[k + 1].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) && !tokens[k + 1].Is(Lex.Stop) && !Eq(k + 1, "hrs") && !Eq(k + 1, "hours"));
            if (estimate || placed)
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Time));
            }
        }
    }

    /// <summary>Words that place an event at a clock time: "at", "like", "arrived", "until".</summary>
    private static readonly WordSet ClockLeads = new(["at", "like", "arrived", "til", "till", "until", "by", "@", "since", "before", "after"]);

    /// <summary>Times of day that a clock time may follow: "last night 2130", "yesterday 1540", "wed nite 2315", "roll call tmrw 1430".</summary>
    private static readonly WordSet DayParts = new(["night", "tonight", "morning", "yesterday", "today", "nite", "tonite", "evening", "afternoon", "tomorrow", "tmrw", "tmr"]);

    /// <summary>What follows a measure of length: "34 in long".</summary>
    private static readonly WordSet Extents = new(["long", "wide", "tall", "deep", "high", "thick", "across", "barrel", "blade"]);

    private bool Apart(int a, int b) => tokens[b].Start > tokens[a].End;

    /// <summary>What a jail or a shift does at a clock time: "the 0300 round", "the 1500 count".</summary>
    private static readonly WordSet Rounds = new(["round", "rounds", "count", "counts", "headcount", "check", "checks", "briefing", "lineup"]);

    /// <summary>"2/4/2024   2240", "11-02-23 / 1722": a clock number right after a date, across spaces or a separator.</summary>
    private bool AfterDate(List<PiiSpan> spans, int k)
    {
        var p = k - 1;
        if (p >= 1 && (P(p, '/') || P(p, '|') || P(p, ',') || P(p, '-') || P(p, '@')) && Apart(p, k) && Apart(p - 1, p))
        {
            p--;
        }

        return p >= 0 && Apart(p, p + 1) && !tokens[k].Has(TokenFlags.NewlineBefore) && EndsSpan(spans, tokens[p].End, PiiLabel.Date);
    }

    /// <summary>The first word of a place of two or three words the lists know that ends at <paramref name="j"/> ("saint cloud", "salt lake city"), or -1.</summary>
    private int PlacePhraseStart(int j)
    {
        for (var first = j - 2; first < j; first++)
        {
            if (first >= 0 && IsWord(first) && Spaced(first, first + 1) && (first == j - 1 || Spaced(first + 1, j)) && lexicon.PhrasePopulation(text.AsSpan(tokens[first].Start, tokens[j].End - tokens[first].Start)) >= 1000)
            {
                return first;
            }
        }

        return -1;
    }

    /// <summary>A word of one letter.</summary>
    private bool IsLetterWord(int k) => IsWord(k) && tokens[k].Length == 1;

    /// <summary>
    /// The first of up to four letters spelled before <paramref name="head"/>, or <paramref name="head"/>: "a" and "i" are
    /// letters only inside the run or opening one of three ("s a p d", "i s u p d"; not "call a p d").
    /// </summary>
    private int SpelledLettersStart(int head)
    {
        var letters = head;
        while (IsLetterWord(letters - 1) && Spaced(letters - 1, letters) && head - letters < 4
            && (!EqAny(letters - 1, "a", "i") || head - letters >= 2 || IsLetterWord(letters - 2) && Spaced(letters - 2, letters - 1)))
        {
            letters--;
        }

        return letters;
    }

    /// <summary>An id, an address or a spelled name goes on after letters ("e l l i s o n", "y c s o dot m t", "c c s o dash two").</summary>
    private bool LettersGoOn(int k) =>
        IsLetterWord(k) || EqAny(k, "dot", "dash", "at") || IsNumberWord(k) || k < count && tokens[k].Kind is TokenKind.Number or TokenKind.Alnum || P(k, '-') || P(k, '.') && k + 1 < count && tokens[k + 1].Start == tokens[k].End;

    /// <summary>Words that make up agency names but say nothing of which agency alone ("tribal", "county", "transit").</summary>
    private static readonly WordSet AgencyWords = new(["tribal", "indian", "nation", "band", "county", "parish", "city", "town", "township", "village", "borough", "state", "university", "college", "community", "school", "district", "transit", "metro", "metropolitan", "regional", "area", "port", "harbor", "airport", "highway", "railroad", "railway", "valley", "lake", "river", "north", "south", "east", "west", "of", "and", "local", "other", "neighboring", "neighbouring", "nearby", "home", "own", "small", "big", "rural", "same", "next", "adjacent", "outside", "surrounding", "whole", "entire", "new", "old", "main"]);

    private static readonly WordSet LowerAgencyHeads = new(["pd", "so", "police", "sheriff", "sheriffs", "marshals", "dps"]);

    /// <summary>
    /// Agencies typed in lower case: "cherokee indian police department", "bnsf police", "prairie band potawatomi tribal
    /// police", "port of seattle pd", "seattle p d": words before a police or sheriff head, at least one of them a place, a name the
    /// word lists do not know as English, or an acronym; the words that only say what kind of agency ("tribal",
    /// "county") are taken along but are not enough alone ("the campus police", "state police"). Whether one was found.
    /// </summary>
    private bool LowerAgencies(List<PiiSpan> spans)
    {
        if (!Shapes.HasLetter("pdo") && !TextHas(LowerAgencyHeads))
        {
            return false;
        }

        var found = false;
        for (var k = 1; k < count; k++)
        {
            // (the heads below are of one, two, three, six, seven or eight letters)
            if (!IsWord(k) || !tokens[k].Has(TokenFlags.Lower) || tokens[k].Length is > 8 or 4 or 5 || (text[tokens[k].Start] | 0x20) is not ('p' or 's' or 'm' or 'd') && !(tokens[k].Length == 1 && (text[tokens[k].Start] | 0x20) == 'o'))
            {
                continue;
            }

            // "p d" and "s o" as a voice's transcript spells them.
            // "h p" and "s p" (a highway patrol, a state police) only after the state's letters: "o h p", "w s p".
            var patrol = k >= 2 && Eq(k, "p") && (Eq(k - 1, "h") || Eq(k - 1, "s")) && Spaced(k - 1, k);
            var spelled = patrol || k >= 2 && (Eq(k, "d") && Eq(k - 1, "p") || Eq(k, "o") && Eq(k - 1, "s")) && Spaced(k - 1, k);
            var head = spelled ? k - 1 : k;
            var pd = Eq(k, "pd") || spelled && Eq(k, "d");
            var so = Eq(k, "so") || spelled && Eq(k, "o");
            if (!(pd || so || patrol || Eq(k, "police") || Eq(k, "sheriff") || Eq(k, "sheriffs") || Eq(k, "marshals") || Eq(k, "dps")))
            {
                continue;
            }

            // "pd" and "county so" name an agency by whatever words stand before them ("garden grove pd"); "police" and
            // "sheriff's office" need a place, an acronym or an unknown word among them ("the campus police" is none).
            // (and a sheriff's office spelled with its county's letters: "p c s o")
            var strong = pd || so && (Eq(head - 1, "county") || Eq(head - 1, "parish") || Eq(head - 1, "co") || spelled && SpelledLettersStart(head) < head - 1 && !LettersGoOn(k + 1));
            if (so && !strong)
            {
                continue;
            }

            var end = k;
            if (Eq(k + 1, "department") || Eq(k + 1, "dept") || Eq(k + 1, "office"))
            {
                end = k + 1;
            }
            else if (P(k + 1, '\'') && Eq(k + 2, "s") && (Eq(k + 3, "office") || Eq(k + 3, "department") || Eq(k + 3, "dept")))
            {
                end = k + 3;
            }
            else if (Eq(k, "sheriff") || Eq(k, "sheriffs"))
            {
                continue;
            }

            var start = head;
            var evidence = false;

            // "s a p d", "i s u p d": the agency's own letters spelled before the spelled head; not a case number's letters
            // ("h p d two three …").
            var letters = spelled ? SpelledLettersStart(head) : head;
            var lettered = letters < head && !IsNumberWord(k + 1) && !(k + 1 < count && tokens[k + 1].Kind == TokenKind.Number);
            if (patrol && !lettered)
            {
                continue;
            }

            if (lettered)
            {
                (start, evidence) = (letters, true);
            }

            for (var j = start - 1; !lettered && j >= 0 && head - j <= 5 && IsWord(j) && !tokens[j + 1].Has(TokenFlags.NewlineBefore); j--)
            {
                // (spelled, the head is read more strictly: the words before are a place or an acronym, none of a person found)
                // (a city the lists know well, read as a person's name, is the city before a spelled head: "madison p d")
                var known = tokens[j].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Measure) && !In(AgencyWords, j) || tokens[j].Lex.Has(LexExtra.NotPii) || IsFiller(j)
                    || In(ClauseJoins, j) && !In(AgencyWords, j) // "til jackson county sheriffs office"
                    || EqAny(j, "northbound", "southbound", "eastbound", "westbound")
                    || spelled && InSpan(spans, tokens[j].Start, PiiLabel.Person) && !(j == head - 1 && tokens[j].Lex.PlacePopulation >= 50_000);
                if (!known && spelled && PlacePhraseStart(j) is var phrase and >= 0)
                {
                    (evidence, start, j) = (true, phrase, phrase); // "saint cloud p d", "salt lake city p d"
                    continue;
                }

                // (spelled, a word before "county", "township" or "city" is read as their name: "stone county s o", "butler
                // township p d"; or the place found there: "Pinal County S O")
                var named = !known && (PlaceOrAcronym(j) || !English(j) && !tokens[j].Is(Lex.Keyword) && tokens[j].Length > 1
                    || strong && !spelled && !In(AgencyWords, j) && !tokens[j].Is(Lex.Keyword | Lex.Common) && tokens[j].Length > 1
                    || strong && spelled && j + 1 < head && EqAny(j + 1, "county", "parish", "township", "city", "borough", "village") && !In(AgencyWords, j) && tokens[j].Length > 2
                    || InSpan(spans, tokens[j].Start, PiiLabel.Location));
                if (known && (IsFiller(j) || spelled))
                {
                    break;
                }

                if (!named && !In(AgencyWords, j))
                {
                    break;
                }

                evidence |= named;
                start = j;
            }

            while (start < head && (Eq(start, "of") || Eq(start, "and")))
            {
                start++;
            }

            if (!evidence || start == head)
            {
                continue;
            }

            var grown = new PiiSpan(tokens[start].Start, tokens[end].End, PiiLabel.Agency);
            if (OnlyNamesWithin(spans, grown))
            {
                RemoveOverlapping(spans, grown.Start, grown.End);
                spans.Add(grown);
                spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
                found = true;
            }

            k = end;
        }

        return found;
    }

    /// <summary>
    /// A time said as a clock's face reads (decision 086): "ten after three", "quarter past eleven", "quarter to one",
    /// "twenty five till two", "ten after midnight". The minutes are five, ten, twenty, twenty five, a quarter or a half;
    /// the hour one to twelve, midnight or noon. Not a count or a range ("five to ten years", "ten to twelve people"), nor
    /// odds ("ten to one he runs").
    /// </summary>
    private void ClockFaceTimes(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(ClockFaceMinutes))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!In(ClockLinks, k) || !Spaced(k - 1, k) || !Spaced(k, k + 1) || !In(ClockFaceMinutes, k - 1) || Eq(k - 1, "half") && !EqAny(k, "past", "after"))
            {
                continue;
            }

            var start = k - 1;
            start -= Eq(start, "five") && Eq(start - 1, "twenty") && Spaced(start - 1, start) ? 1 : 0; // "twenty five till two"
            var hour = k + 1;
            var clock = EqAny(hour, "midnight", "noon") || SpelledNumber(hour, out var hourEnd) is >= 1 and <= 12 && hourEnd == hour;
            // Odds are said the same way ("ten to one he runs"): minutes before "to" need a word that leads to a time
            // ("about ten to one"), unless they are a quarter or the hour is midnight or noon.
            var odds = !EqAny(k, "after", "past") && !Eq(start, "quarter") && !EqAny(hour, "midnight", "noon") && !(In(TimeLeads, start - 1) || EqAny(start - 1, "at", "like", "til", "till", "until", "by"));
            if (!clock || odds || hour + 1 < count && (In(Counted, hour + 1) || IsWord(hour + 1) && tokens[hour + 1].Is(Lex.Measure) || IsNumberWord(hour + 1))
                || Overlaps(added, tokens[start].Start, tokens[hour].End))
            {
                continue;
            }

            if (AddInPlace(spans, added, new PiiSpan(tokens[start].Start, tokens[hour].End, PiiLabel.Time)))
            {
                k = hour;
            }
        }
    }

    /// <summary>The minutes a clock's face is read by: "ten after", "quarter past", "half past".</summary>
    private static readonly WordSet ClockFaceMinutes = new(["five", "ten", "twenty", "quarter", "half"]);

    /// <summary>What joins the minutes to the hour: "after", "past", "to", "till", "til", "before".</summary>
    private static readonly WordSet ClockLinks = new(["after", "past", "to", "till", "til", "before"]);
}
