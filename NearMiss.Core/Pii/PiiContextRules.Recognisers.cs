namespace NearMiss.Core.Pii;

/// <summary>The context recognisers for agencies, places, addresses, call signs, names with ages and times.</summary>
internal sealed partial class PiiContextRules
{
    private bool AgencyTail(int k) =>
        Eq(k, "sheriff") || Eq(k, "sheriff's") || Eq(k, "sheriffs") || Eq(k, "police") || Eq(k, "marshal") || Eq(k, "marshals") || Eq(k, "pd") || Eq(k, "so")
        || Eq(k, "department") || Eq(k, "services") || Eq(k, "service") || Eq(k, "office") || Eq(k, "dps") || Eq(k, "patrol");

    /// <summary>
    /// An agency cut short: "Ada County" + "Sheriff", "Collins Police Services" after "Fort", "Cherokee Nation" before
    /// "Marshal Service": the span grows over capitalised agency words after it and place words before it.
    /// </summary>
    private void ExtendAgencies(List<PiiSpan> spans)
    {
        for (var n = 0; n < spans.Count; n++)
        {
            var span = spans[n];
            if (span.Label != PiiLabel.Agency)
            {
                continue;
            }

            var first = FirstToken(span.Start);
            var last = TokenEnding(span.End);
            var end = last;
            while (end + 1 < count && IsWord(end + 1) && !tokens[end + 1].Has(TokenFlags.Lower) && AgencyTail(end + 1) && !tokens[end + 1].Has(TokenFlags.NewlineBefore))
            {
                end++;
            }

            var start = first;
            while (start - 1 >= 0 && IsWord(start - 1) && !tokens[start - 1].Has(TokenFlags.Lower) && !tokens[start].Has(TokenFlags.NewlineBefore)
                && (lexicon.PhrasePopulation(string.Concat(W(start - 1).ToString().ToLowerInvariant(), " ", W(start).ToString().ToLowerInvariant())) >= 0
                    || tokens[start - 1].Has(TokenFlags.Capitalized) && !English(start - 1) && !tokens[start - 1].Is(Lex.Rank | Lex.Stop | Lex.Role) && !tokens[start - 1].Has(TokenFlags.SentenceStart)))
            {
                start--;
            }

            // A place found just before a kind of agency is its name: "Leech Lake" + "Tribal Police".
            if (start == first && first > 0 && In(AgencyKinds, first) && Spaced(first - 1, first) && !tokens[first].Has(TokenFlags.NewlineBefore)
                && spans.FindIndex(s => s.Label == PiiLabel.Location && s.End == tokens[first - 1].End) is >= 0 and var place && !tokens[first - 1].Has(TokenFlags.Lower))
            {
                start = FirstToken(spans[place].Start);
            }

            if (start < first || end > last)
            {
                var grown = new PiiSpan(tokens[start].Start, tokens[end].End, PiiLabel.Agency);
                RemoveOthersOverlapping(spans, span, grown);
                n = spans.IndexOf(span);
                spans[n] = grown;
            }
        }
    }

    /// <summary>Words that open an agency's name after the place it serves ("Tribal Police", "Metro Transit Police").</summary>
    private static readonly WordSet AgencyKinds = new(["tribal", "municipal", "regional", "metro", "transit", "port", "village", "nation", "parish", "borough", "township", "airport", "harbor", "harbour", "university", "campus"]);

    /// <summary>The letters of a phrase being looked up, kept for the thread's next text (a text's length and more).</summary>
    [ThreadStatic]
    private static char[]? _phrase;

    /// <summary>
    /// Bare city and town names from the gazetteer, where the context says place: after "in", "near", "from", "of", "to"
    /// ("in St. Paul", "from Amarillo"), or a large city on its own. Ordinary words and given names need the context.
    /// </summary>
    private void BarePlaces(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 0; k < count; k++)
        {
            if (!IsWord(k) || tokens[k].Has(TokenFlags.Lower) || tokens[k].Is(Lex.Stop | Lex.Month | Lex.Weekday | Lex.Rank) || tokens[k].Lex.Has(LexExtra.NotPii | LexExtra.Model))
            {
                continue;
            }

            // The longest gazetteer phrase of up to three words starting here ("St. Paul", "Casa Grande", "Fort Collins").
            // Every phrase's first word is listed as a place head, with its dot where it has one ("st."): an ASCII word
            // neither listed so nor followed by a dot opens none, and the phrases need not be looked up.
            var end = -1;
            var population = -1;
            var opensPhrase = tokens[k].Is(Lex.PlaceHead) || tokens[k].Has(TokenFlags.NonAscii) || P(k + 1, '.') && tokens[k + 1].Start == tokens[k].End;
            // The phrase in lower case, built in one buffer (its words and dots, one space between words: at most 4 more than the text).
            var phrase = _phrase is { } kept && kept.Length >= text.Length + 8 ? kept : _phrase = new char[Math.Max(text.Length + 8, 1024)];
            var length = opensPhrase ? W(k).ToLowerInvariant(phrase) : 0;
            for (var j = k + 1; opensPhrase && j < count && j <= k + 4; j++)
            {
                if (P(j, '.') && tokens[j].Start == tokens[j - 1].End)
                {
                    phrase[length++] = '.';
                    continue;
                }

                if (!IsWord(j) || tokens[j].Has(TokenFlags.Lower) || tokens[j].Has(TokenFlags.NewlineBefore))
                {
                    break;
                }

                phrase[length++] = ' ';
                length += W(j).ToLowerInvariant(phrase.AsSpan(length));
                var pop = lexicon.PhrasePopulation(phrase.AsSpan(0, length));
                if (pop >= 1000)
                {
                    end = j;
                    population = pop;
                }
            }

            var single = end < 0;
            if (single)
            {
                end = k;
                population = tokens[k].Is(Lex.Place) ? tokens[k].Lex.PlacePopulation : -1;
                if (population < 1000 || English(k) || tokens[k].Is(Lex.Common | Lex.State | Lex.Country) || IsWord(k + 1) && !tokens[k + 1].Has(TokenFlags.Lower))
                {
                    continue;
                }
            }

            var p = k - 1;
            var locative = IsWord(p) && tokens[p].Is(Lex.Locative) && !Eq(p, "and") && tokens[p].Has(TokenFlags.Lower);
            var nameLike = single && (tokens[k].Lex.GivenCount >= 5_000 || tokens[k].Lex.SurnameCount >= 5_000);
            if (!(locative && (!nameLike || population >= 100_000) || population >= 200_000 && !nameLike))
            {
                continue;
            }

            if (!Overlaps(spans, tokens[k].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Location));
            }

            k = end;
        }
    }

    /// <summary>
    /// "near Fairview and Orchard", "at Milwaukee and Ashland", "off colfax and race": two bare street names joined after
    /// a street preposition; in lower case, one of them at least no ordinary word.
    /// </summary>
    private void Intersections(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 1; k + 2 < count; k++)
        {
            if (!(Eq(k + 1, "and") || P(k + 1, '&') || P(k + 1, '/')) || !(Eq(k - 1, "at") || Eq(k - 1, "near") || Eq(k - 1, "off") || Eq(k - 1, "of") && Eq(k - 2, "intersection"))
                || !(StreetLike(k) && StreetLike(k + 2) || AnyStreetLike(k) && AnyStreetLike(k + 2) && (NamedStreetWord(k) || NamedStreetWord(k + 2))))
            {
                continue;
            }

            if (IsWord(k + 3) && tokens[k + 3].Has(TokenFlags.Capitalized))
            {
                continue;
            }

            // Bare names read as a place or a person inside the intersection give way to it.
            int start = tokens[k].Start, end = tokens[k + 2].End;
            if (OnlyBarePartsWithin(spans, start, end))
            {
                RemoveWithin(spans, start, end);
                added.Add(new PiiSpan(start, end, PiiLabel.Address));
            }
        }
    }

    /// <summary>A word no list holds as ordinary and that does not read as English: "colfax", "kalakaua".</summary>
    private bool NamedStreetWord(int k) => !English(k) && !lexicon.LooksEnglish(W(k), compounds: true);

    /// <summary>A street's name in lower case, or in caseless text as the true-caser left it ("at Belmonte and orchid").</summary>
    private bool AnyStreetLike(int k) => LowerStreetLike(k) || caseless && StreetLike(k) && !tokens[k].Is(Lex.Measure | Lex.Brand) && !lexicon.IsChain(W(k));

    private bool LowerStreetLike(int k) =>
        IsWord(k) && tokens[k].Has(TokenFlags.Lower) && tokens[k].Length >= 3 && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Measure | Lex.Brand)
        && !tokens[k].Lex.Has(LexExtra.NotPii | LexExtra.Model) && !lexicon.IsChain(W(k));

    private bool StreetLike(int k) =>
        IsWord(k) && tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday)
        && !tokens[k].Lex.Has(LexExtra.NotPii) && tokens[k].Lex.GivenCount < 5_000;

    /// <summary>The first of one to three number words said before "hundred" or "thousand" at <paramref name="k"/> ("fifty two hundred"), or -1.</summary>
    private int SaidHundredStart(int k)
    {
        var j = k;
        while (j - 1 >= 0 && k - j < 3 && IsNumberWord(j - 1) && Spaced(j - 1, j))
        {
            j--;
        }

        return j < k ? j : -1;
    }

    private static readonly WordSet BlockWords = new(["block", "blk"]);

    /// <summary>
    /// "the 2200 block of North Peoria Avenue", "3100 block of reach st", "fifty two hundred block of west ostrowski
    /// avenue", "the eighteen thousand block of greenlawn street", "the 1200 block of West Delmar": the whole block
    /// address.
    /// </summary>
    private void BlockAddresses(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 63) && !TextHasWord("hundred") && !TextHasWord("thousand") || !TextHas(BlockWords))
        {
            return; // (a block is numbered, in digits or in words, and named "block" or "blk")
        }

        for (var k = 0; k + 3 < count; k++)
        {
            // "block of", "blk of", "blk", after a number in digits or said up to "hundred".
            var blk = Eq(k + 1, "blk");
            var said = tokens[k].Length is 7 or 8 && EqAny(k, "hundred", "thousand") ? SaidHundredStart(k) : -1;
            if (tokens[k].Kind != TokenKind.Number && said < 0 || !(Eq(k + 1, "block") && Eq(k + 2, "of") || blk))
            {
                continue;
            }

            var from = blk && !Eq(k + 2, "of") ? k + 2 : k + 3;
            var end = -1;
            for (var j = from; j < count && j <= from + 4; j++)
            {
                if (!IsWord(j) && !(P(j, '.') && j > from))
                {
                    break;
                }

                if (IsWord(j) && tokens[j].Is(Lex.StreetSuffix) && j > from)
                {
                    end = P(j + 1, '.') && tokens[j + 1].Start == tokens[j].End && tokens[j].Length <= 4 && tokens[j].Is(Lex.Abbreviation) ? j + 1 : j;
                    break;
                }

                if (IsWord(j) && tokens[j].Is(Lex.Stop) && !Eq(j, "n"))
                {
                    break;
                }
            }

            end = end >= 0 ? end : BlockStreetEnd(from, said: Eq(from - 1, "of"));
            if (end < 0)
            {
                continue;
            }

            var grown = new PiiSpan(tokens[said >= 0 ? said : k].Start, tokens[end].End, PiiLabel.Address);
            RemoveStreetParts(spans, grown);
            if (!Overlaps(spans, grown.Start, grown.End))
            {
                added.Add(grown);
            }
        }
    }

    /// <summary>
    /// A street named without its type after "block of": a direction allowed, then one word, or two capitalised ("the
    /// 1200 block of West Delmar", "forty five hundred block of maize i'll"), and nothing more of the name after it (or,
    /// <paramref name="said"/> "block of", a name that is no word before a word in lower case: "thirty one hundred block
    /// of lamar target was"; "173 BLK SILVERADO" is a black truck).
    /// Its last token, or -1.
    /// </summary>
    private int BlockStreetEnd(int from, bool said)
    {
        var j = from;
        if (EqAny(from, "north", "south", "east", "west", "n", "s", "e", "w"))
        {
            j = P(from + 1, '.') && tokens[from + 1].Start == tokens[from].End ? from + 2 : from + 1; // "S. Pulaski"
        }

        if (!IsWord(j) || tokens[j].Is(Lex.Stop | Lex.Measure | Lex.Brand) || IsFiller(j) || IsNumberWord(j) || tokens[j].Has(TokenFlags.NewlineBefore))
        {
            return -1; // (nor a make: "VEH 1 BLK CHEVY TAHOE" is a black one)
        }

        if (IsWord(j + 1) && tokens[j].Has(TokenFlags.Capitalized) && tokens[j + 1].Has(TokenFlags.Capitalized) && !tokens[j + 1].Is(Lex.Stop) && Spaced(j, j + 1) && !tokens[j + 1].Has(TokenFlags.NewlineBefore))
        {
            j++;
        }

        // (in speech with no marks the next word may go straight on: "block of lamar target was", a name no word)
        return ClauseEnds(j + 1) || said && !English(j) && IsWord(j + 1) && !tokens[j + 1].Has(TokenFlags.Capitalized) ? j : -1;
    }

    private static readonly string[] AgencyHeads =
        ["police", "department", "patrol", "investigation", "investigations", "wildlife", "marshals", "services", "sheriff", "authority", "corrections", "troopers"];

    /// <summary>The <see cref="AgencyHeads"/> as a set: a token's bit answers without comparing it to each head.</summary>
    private static readonly WordSet AgencyHeadWords = new(AgencyHeads);

    /// <summary>
    /// Agencies named in full: a run of capitalised words (with "of", "and", "the" inside) ending in an agency head
    /// ("Oklahoma State Bureau of Investigation", "Texas Parks and Wildlife", "DULUTH POLICE DEPARTMENT", "MBTA Transit
    /// Police", "Port of Seattle Police"), with a place, an acronym or a "Bureau/Department of" in it; it replaces the
    /// shorter spans inside it.
    /// </summary>
    private void AgencyPhrases(List<PiiSpan> spans)
    {
        AgencyRuns(spans);
        NamedSubUnits(spans);
    }

    /// <summary>The runs of capitalised words that end in an agency head (<see cref="AgencyPhrases"/>).</summary>
    private void AgencyRuns(List<PiiSpan> spans)
    {
        // Every run ends in one of the heads: a text with none has no run.
        if (!TextHas(AgencyHeadWords))
        {
            return;
        }

        var head = NextAgencyHead(0);
        for (var k = 0; k < count; k++)
        {
            // A run reaches at most 8 tokens past its first: with no head that near, it cannot end in one.
            if (head < k)
            {
                head = NextAgencyHead(k);
            }

            if (head - k > 8 || !IsWord(k) || tokens[k].Has(TokenFlags.Lower) || tokens[k].Is(Lex.Stop | Lex.Rank))
            {
                continue;
            }

            var j = k;
            var evidence = false;
            var lastHead = -1;
            while (j < count && j - k < 9)
            {
                if (IsWord(j) && !tokens[j].Has(TokenFlags.Lower) && !tokens[j].Is(Lex.Rank) && (j == k || !tokens[j].Has(TokenFlags.NewlineBefore)))
                {
                    evidence |= PlaceOrAcronym(j) || Eq(j, "bureau") || Eq(j, "port");
                    if (AgencyHeadWords.Contains(text, tokens[j]))
                    {
                        lastHead = j;
                    }

                    j++;
                }
                else if ((Eq(j, "of") || Eq(j, "and") || Eq(j, "the") || P(j, '.') && tokens[j].Start == tokens[j - 1].End && tokens[j - 1].Length == 1) && IsWord(j + 1) && !tokens[j + 1].Has(TokenFlags.Lower))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (lastHead < 0 || !evidence || lastHead == k)
            {
                continue;
            }

            // "Sheriff's Office", "Police Department" may follow the head.
            var end = lastHead;
            var grown = new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Agency);
            if (!OnlyNamesWithin(spans, grown))
            {
                k = end;
                continue;
            }

            RemoveOverlapping(spans, grown.Start, grown.End);
            spans.Add(grown);
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            k = end;
        }
    }

    /// <summary>Sub-units named after an agency or on their own: "the Gilcrease Division", "Chinle District", "Adam Sector".</summary>
    private void NamedSubUnits(List<PiiSpan> spans)
    {
        // "division", "district", "sector" and "precinct" are all listed sub-units: a text with no sub-unit word has none.
        if (!Shapes.HasLex(Lex.SubUnit))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            // The sub-unit word after it is tested first: its flag is the cheapest test, and most words have none.
            if (tokens[k + 1].Is(Lex.SubUnit) && IsWord(k) && tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Month | Lex.Weekday) && !tokens[k].Lex.Has(LexExtra.NotPii)
                && IsWord(k + 1) && tokens[k + 1].Has(TokenFlags.Capitalized) && (Eq(k + 1, "division") || Eq(k + 1, "district") || Eq(k + 1, "sector") || Eq(k + 1, "precinct"))
                && (Eq(k - 1, "the") || P(k - 1, ',') && EndsAgency(spans, tokens[k - 1].Start))
                && !Overlaps(spans, tokens[k].Start, tokens[k + 1].End) && !English(k))
            {
                spans.Add(new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.Agency));
                spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            }
        }
    }

    /// <summary>The first word from <paramref name="k"/> on, not in lower case, that is one of the <see cref="AgencyHeads"/>, or <see cref="count"/>.</summary>
    private int NextAgencyHead(int k)
    {
        while (k < count && !(tokens[k].Length >= 6 && IsWord(k) && !tokens[k].Has(TokenFlags.Lower) && AgencyHeadWords.Contains(text, tokens[k])))
        {
            k++;
        }

        return k;
    }

    private bool PlaceOrAcronym(int j) =>
        tokens[j].Is(Lex.Place | Lex.State | Lex.County | Lex.PlaceHead | Lex.AgencyAcronym) && !English(j)
        || tokens[j].Has(TokenFlags.AllCaps) && tokens[j].Length <= 5 && !English(j) && !Eq(j, "police")
        || tokens[j].Is(Lex.State);

    /// <summary>Unit call signs: "2K14 ENRT", "1A23 OS", "(U-14)", "Ofc. Malia Tuiasosopo, P-31)".</summary>
    private void CallSigns(List<PiiSpan> added)
    {
        if (!Shapes.Alnum && !Shapes.HasPunct('-'))
        {
            return; // ("1A23", or "K-12" with its hyphen)
        }

        for (var k = 0; k < count; k++)
        {
            var w = W(k);
            if (tokens[k].Kind == TokenKind.Alnum && w.Length == 4 && char.IsAsciiDigit(w[0]) && char.IsAsciiLetterUpper(w[1]) && char.IsAsciiDigit(w[2]) && char.IsAsciiDigit(w[3]))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.BadgeId));
            }
            else if (IsWord(k) && w.Length == 1 && char.IsAsciiLetterUpper(w[0]) && P(k + 1, '-') && k + 2 < count && tokens[k + 2].Kind == TokenKind.Number
                && tokens[k + 2].Length is 2 or 3 && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End
                && (P(k - 1, '(') || P(k - 1, ',')) && P(k + 3, ')'))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k + 2].End, PiiLabel.BadgeId));
            }
        }
    }

    /// <summary>
    /// News style "Tou Vang, 24, of Clovis" and "Hunter Rose (17)": capitalised words before an age are a name; so is
    /// one word after a role ("his son Colt, 24.").
    /// </summary>
    private void NamesWithAge(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 2) || !Shapes.HasPunct(',') && !Shapes.HasPunct('('))
        {
            return; // (an age of one or two digits after a comma or in brackets)
        }

        for (var k = 1; k + 2 < count; k++)
        {
            var parens = P(k, '(') && P(k + 2, ')');
            var closed = P(k, ',') && P(k + 2, ',') || parens;
            if (!(closed || P(k, ',') && (P(k + 2, '.') || k + 3 >= count)) || tokens[k + 1].Kind != TokenKind.Number || tokens[k + 1].Length > 2 || !IsWord(k - 1) || !tokens[k - 1].Has(TokenFlags.Capitalized))
            {
                continue;
            }

            var start = k - 1;
            while (start - 1 >= 0 && k - start < 3 && IsWord(start - 1) && tokens[start - 1].Has(TokenFlags.Capitalized) && !tokens[start - 1].Is(Lex.Rank | Lex.Stop) && !tokens[start].Has(TokenFlags.NewlineBefore))
            {
                start--;
            }

            var named = false;
            for (var j = start; j < k; j++)
            {
                if (tokens[j].Is(Lex.Rank | Lex.Stop | Lex.Place | Lex.Month | Lex.Weekday) && !tokens[j].Is(Lex.Surname | Lex.GivenName) || tokens[j].Lex.Has(LexExtra.NotPii))
                {
                    named = false;
                    break;
                }

                named |= tokens[j].Is(Lex.Surname | Lex.GivenName) && !English(j) || tokens[j].Lex.Flags == Lex.None && !English(j);
            }

            if (!named && parens && k - start == 2 && tokens[start].Is(Lex.GivenName) && tokens[start + 1].Is(Lex.Surname | Lex.GivenName)
                && !tokens[start].Lex.Has(LexExtra.NotPii) && !tokens[start + 1].Lex.Has(LexExtra.NotPii))
            {
                // "Hunter Rose (17)", "Grant Young (52)": a given name and a surname with an age is a name, ordinary words or not.
                named = !tokens[start].Is(Lex.Rank | Lex.Stop | Lex.Place | Lex.Month | Lex.Weekday) || tokens[start].Is(Lex.GivenName);
            }

            named &= closed;

            // "his son Colt, 24.", "her boyfriend Will (31)": one word after a role, with an age, is a name even as a
            // word; so are its later capitalised mentions.
            var afterRole = !named && start == k - 1 && IsWord(start - 1) && tokens[start - 1].Is(Lex.Role) && tokens[start - 1].Has(TokenFlags.Lower)
                && !tokens[start].Has(TokenFlags.SentenceStart) && !tokens[start].Is(Lex.Stop | Lex.Month | Lex.Weekday | Lex.Rank | Lex.Role) && !tokens[start].Lex.Has(LexExtra.NotPii);
            if ((named || afterRole) && !Overlaps(spans, tokens[start].Start, tokens[k - 1].End))
            {
                added.Add(new PiiSpan(tokens[start].Start, tokens[k - 1].End, PiiLabel.Person));
                added.Add(new PiiSpan(tokens[k + 1].Start, tokens[k + 1].End, PiiLabel.Age));
                if (afterRole)
                {
                    LaterMentions(spans, added, start);
                }
            }
        }
    }

    /// <summary>Every later capitalised mention of the word at <paramref name="name"/>, as a person.</summary>
    private void LaterMentions(List<PiiSpan> spans, List<PiiSpan> added, int name)
    {
        for (var k = name + 1; k < count; k++)
        {
            if (IsWord(k) && tokens[k].Has(TokenFlags.Capitalized) && W(k).SequenceEqual(W(name)) && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>
    /// Nicknames glossed by a name: "Sully (Kevin Sullivan, 26)", "Declan Flaherty ("Dec")": the nickname is the person,
    /// and so are its later capitalised mentions.
    /// </summary>
    private void Nicknames(List<PiiSpan> spans, List<PiiSpan> added)
    {
        HashSet<string>? nicknames = null;
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.Person)
            {
                continue;
            }

            var first = FirstToken(span.Start);
            var after = FirstToken(span.End);
            // Before the gloss: "Sully (Kevin", "'chuy' (jesus maldonado" (decision 045: quoted, and in caseless text).
            var nick = (P(first - 2, '\'') || P(first - 2, '"')) && (P(first - 4, '\'') || P(first - 4, '"')) ? first - 3 : first - 2;
            if (P(first - 1, '(') && IsWord(nick) && (tokens[nick].Has(TokenFlags.Capitalized) || caseless) && !tokens[nick].Is(Lex.Stop | Lex.Rank | Lex.Role) && (!English(nick) || nick == first - 3)
                && !In(AgeSubjects, nick) && !In(StepKin, nick) && !Overlaps(spans, tokens[nick].Start, tokens[nick].End)) // (not kin: "stepdad (darnell pike, 52)")
            {
                (nicknames ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(nick).ToString());
            }

            // After the name: ("Dec") or "Dec".
            var q = after;
            if (P(q, '('))
            {
                q++;
            }

            if (q < count && (P(q, '"') || text[tokens[q].Start] is '“') && IsWord(q + 1) && tokens[q + 1].Has(TokenFlags.Capitalized) && q + 2 < count && (P(q + 2, '"') || text[tokens[q + 2].Start] is '”'))
            {
                (nicknames ??= new HashSet<string>(StringComparer.Ordinal)).Add(W(q + 1).ToString());
            }
        }

        if (nicknames is null)
        {
            return;
        }

        var lookup = nicknames.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < count; k++)
        {
            if (IsWord(k) && (tokens[k].Has(TokenFlags.Capitalized) || caseless) && lookup.Contains(W(k)) && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>"1105 HRS", "0147 hours": a 24-hour time with its unit.</summary>
    private void HoursTimes(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(4, 4))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            if (tokens[k].Kind != TokenKind.Number || tokens[k].Length != 4 || !(Eq(k + 1, "hrs") || Eq(k + 1, "hours") || Eq(k + 1, "hr")))
            {
                continue;
            }

            var w = W(k);
            var hh = (w[0] - '0') * 10 + (w[1] - '0');
            var mm = (w[2] - '0') * 10 + (w[3] - '0');
            if (hh <= 23 && mm <= 59)
            {
                var overlapping = IndexOfTimeAround(spans, tokens[k].Start, tokens[k].End);
                if (overlapping >= 0)
                {
                    spans[overlapping] = spans[overlapping] with { End = Math.Max(spans[overlapping].End, tokens[k + 1].End) };
                }
                else
                {
                    added.Add(new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.Time));
                }
            }
        }
    }
}
