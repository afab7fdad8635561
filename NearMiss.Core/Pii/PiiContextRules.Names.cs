namespace NearMiss.Core.Pii;

/// <summary>
/// The context recognisers that complete and spread names (decision 045): a name found is grown over the name words
/// beside it, a word glossed by a call sign or followed by "and I" is a name, an animal named after "my horse," or
/// "K9 partner," is an OTHER_ID, and a name found on evidence is found again at its other mentions in any case.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// Words after which an ordinary word is a noun or an adjective, not a name ("the young", "a grant"), a number, or a
    /// hyphen joined to the word ("ex-chase"); not a list's dash before it ("- Chase took the stairs").
    /// </summary>
    private bool NounLead(int p) =>
        IsWord(p) && (IsDeterminer(p) || Eq(p, "an") || Eq(p, "these") || Eq(p, "those") || Eq(p, "your") || Eq(p, "very") || Eq(p, "so") || Eq(p, "too")
            || Eq(p, "more") || Eq(p, "most") || Eq(p, "how") || Eq(p, "as") || Eq(p, "to") && !EqAny(p - 1, "talk", "talking", "talked", "speak", "speaking", "spoke") || Eq(p, "u") || Eq(p, "bike")
            || Eq(p, "fog") || Eq(p, "of") || Eq(p, "some") || Eq(p, "any") || Eq(p, "no"))
        || p >= 0 && p < count && tokens[p].Kind == TokenKind.Number || P(p, '-') && p + 1 < count && tokens[p + 1].Start == tokens[p].End;

    /// <summary>A word that may be part of a name here: listed as a name and not an ordinary word, or known to no list.</summary>
    private bool NameWord(int k) =>
        IsWord(k) && tokens[k].Length > 1 && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.State | Lex.StateCode | Lex.Measure | Lex.Keyword | Lex.StreetSuffix | Lex.PremiseSuffix | Lex.OrgSuffix | Lex.AgencyAcronym | Lex.SubUnit)
        && !tokens[k].Lex.Has(LexExtra.NotPii | LexExtra.Model) && !tokens[k].Is(Lex.Brand) && !English(k)
        && (tokens[k].Is(Lex.GivenName | Lex.Surname) || tokens[k].Lex.Flags == Lex.None && tokens[k].Length > 2);

    /// <summary>A capitalised word inside a sentence that is listed as a name, ordinary word or not ("Park Ji-hoon").</summary>
    private bool CapitalNameWord(int k) =>
        IsWord(k) && tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Has(TokenFlags.SentenceStart | TokenFlags.NewlineBefore) && tokens[k].Is(Lex.GivenName | Lex.Surname)
        && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.State | Lex.Place | Lex.Common | Lex.StreetSuffix | Lex.PremiseSuffix | Lex.OrgSuffix)
        && !tokens[k].Lex.Has(LexExtra.NotPii | LexExtra.Model);

    /// <summary>
    /// A word before a name found that belongs to it: a name word capitalised inside a sentence (in caseless text any
    /// name word), not after another capitalised word that stays outside ("Letter Carrier Rosa").
    /// </summary>
    private bool LeftNameWord(int k) =>
        tokens[k].Length > 2 && (caseless ? NameWord(k) || FrequentGivenName(k) : (NameWord(k) && tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Has(TokenFlags.SentenceStart | TokenFlags.NewlineBefore) || CapitalNameWord(k)
            || FrequentGivenName(k) && tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Has(TokenFlags.SentenceStart | TokenFlags.NewlineBefore))
            && !(IsWord(k - 1) && tokens[k - 1].Has(TokenFlags.Capitalized) && !tokens[k - 1].Has(TokenFlags.SentenceStart)));

    /// <summary>A frequent given name, ordinary word or not ("Chase", "ray", "rose"), beside a name found.</summary>
    private bool FrequentGivenName(int k) =>
        IsWord(k) && tokens[k].Lex.GivenCount >= 20_000 && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.State | Lex.Keyword) && !tokens[k].Lex.Has(LexExtra.NotPii | LexExtra.Model);

    /// <summary>The closing quote of a nickname of one to three words after token <paramref name="end"/> ("DRE", "T-MAC", "BIG J"), or 0.</summary>
    private int QuotedNicknameEnd(int end)
    {
        if (!(P(end + 1, '"') || P(end + 1, '\'') || end + 1 < count && text[tokens[end + 1].Start] == '“'))
        {
            return 0;
        }

        for (var k = end + 2; k < count && k <= end + 6; k++)
        {
            if (P(k, '"') || P(k, '\'') || text[tokens[k].Start] == '”')
            {
                return k > end + 2 ? k : 0;
            }

            if (!(IsWord(k) || P(k, '-') || P(k, '.')) || tokens[k].Has(TokenFlags.NewlineBefore))
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>A rank or a role just before token <paramref name="k"/>, its full stop allowed: "Sgt. ", "Officer ", "inmate ".</summary>
    private bool IsRankBefore(int k)
    {
        var p = P(k - 1, '.') ? k - 2 : k - 1;
        return IsWord(p) && (tokens[p].Is(Lex.Rank) && !tokens[p].Is(Lex.Stop) || EqAny(p, "officer", "deputy", "trooper", "inmate", "detainee", "ofc", "dep", "tpr", "agent", "warden", "ranger", "constable", "marshal")
            || caseless && p == k - 1 && Eq(p, "co")); // (a corrections officer, where case shows nothing: "CO HUNTER FREED HIMSELF"; not "lucas co. house")
    }

    /// <summary>Words after "officer" that are not a name even when they are a surname: "the officer will", "officer down".</summary>
    private static readonly WordSet NotAfterRank = new(["will", "may", "can", "must", "should", "would", "could", "said", "says", "was", "is", "had", "has", "down", "safety", "involved", "white", "black", "male", "female"]);

    /// <summary>
    /// A frequent surname written in lower case after a rank: "backup was officer brown in car 7", "dep young took the
    /// door", or a frequent given name and surname, "officer grant young". The true-caser leaves them lower case, as
    /// "officer" is also a noun; names this frequent are the name.
    /// </summary>
    private void LowerSurnamesAfterRank(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 1; k < count; k++)
        {
            // (the name's frequency first: most words are no frequent name, and the rank before is the dearer test)
            if (!IsWord(k) || !tokens[k].Has(TokenFlags.Lower) || tokens[k].Lex.SurnameCount < 30_000 && tokens[k].Lex.GivenCount < 5_000
                || !IsRankBefore(k) || !Spaced(k - 1, k) || tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Measure) || In(NotAfterRank, k))
            {
                continue;
            }

            // "officer grant young": a given name and a surname, both frequent, are the name whole.
            var pair = tokens[k].Lex.GivenCount >= 5_000 && IsLowerSurname(k + 1) && Spaced(k, k + 1) && !Eq(k - 1, "co") ? k + 1 : k;
            if ((pair > k || tokens[k].Lex.SurnameCount >= 30_000) && !Overlaps(spans, tokens[k].Start, tokens[pair].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[pair].End, PiiLabel.Person));
            }
            else if (pair > k && StartsSpan(spans, tokens[k].Start, PiiLabel.Person, PiiLabel.Person) && !Overlaps(spans, tokens[pair].Start, tokens[pair].End))
            {
                added.Add(new PiiSpan(tokens[pair].Start, tokens[pair].End, PiiLabel.Person)); // (the given name was found alone)
            }
        }
    }

    /// <summary>A frequent surname in lower case that is no word of grammar or speech after a name ("young", not "said" or "down").</summary>
    private bool IsLowerSurname(int k) =>
        IsWord(k) && tokens[k].Has(TokenFlags.Lower) && tokens[k].Lex.SurnameCount >= 5_000 && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Measure) && !In(NotAfterRank, k);

    /// <summary>
    /// The end of a name after a rank in mixed-case prose: up to three more capitalised words, a capitalised short word
    /// inside it only before another ("Kills In Water"); never a date word, a rank, a role or a premise.
    /// </summary>
    private int CapitalisedRunEnd(List<PiiSpan> spans, int end)
    {
        var k = end + 1;
        var last = end;
        while (k < count && k - end <= 3 && IsWord(k) && Spaced(k - 1, k) && tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Has(TokenFlags.SentenceStart)
            && !tokens[k].Is(Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.StreetSuffix | Lex.PremiseSuffix | Lex.OrgSuffix | Lex.SubUnit | Lex.State | Lex.Keyword)
            && !tokens[k].Lex.Has(LexExtra.NotPii | LexExtra.Model) && !Overlaps(spans, tokens[k].Start, tokens[k].End))
        {
            if (!tokens[k].Is(Lex.Stop))
            {
                last = k;
            }

            k++;
        }

        return last;
    }

    private bool Spaced(int a, int b) => b < count && tokens[b].Start - tokens[a].End == 1 && !tokens[b].Has(TokenFlags.NewlineBefore);

    /// <summary>
    /// "Pao Vang", "Park Ji-hoon", "HUONG TRAN", "arturo "spider" gomez": a person found is grown over the name words
    /// just before it and over a quoted nickname and the surname after it.
    /// </summary>
    private void CompleteNames(List<PiiSpan> spans)
    {
        var changed = false;
        for (var n = 0; n < spans.Count; n++)
        {
            var span = spans[n];
            if (span.Label != PiiLabel.Person)
            {
                continue;
            }

            var first = FirstToken(span.Start);
            var last = TokenEnding(span.End);
            var start = first;
            while (start - 1 >= 0 && first - start < 2 && Spaced(start - 1, start) && LeftNameWord(start - 1)
                && !Overlaps(spans, tokens[start - 1].Start, tokens[start - 1].End) && !IsDeterminer(start - 2) && !Eq(start - 2, "an")
                && !(Eq(start - 1, "will") && tokens[start - 1].Has(TokenFlags.Lower)
                    && EqAny(start - 2, "nobody", "somebody", "everybody", "anybody", "he", "she", "it", "i", "you", "we", "they", "who", "that", "which", "this", "there"))) // ("nobody will Ding you": the verb)
            {
                start--;
            }

            // A name that opens with a number, as many Lakota and Crow names do: "Two Bulls", "TWO CROW".
            if (start == first && start >= 1 && Spaced(start - 1, start) && IsWord(start - 1) && NumberWords.Value(text, tokens[start - 1]) is >= 2 and <= 10
                && (tokens[start - 1].Has(TokenFlags.AllCaps) ? tokens[first].Has(TokenFlags.AllCaps) : tokens[start - 1].Has(TokenFlags.Capitalized) && tokens[first].Has(TokenFlags.Capitalized))
                && !Overlaps(spans, tokens[start - 1].Start, tokens[start - 1].End))
            {
                start--;
                if (start - 1 >= 0 && Spaced(start - 1, start) && LeftNameWord(start - 1) && !Overlaps(spans, tokens[start - 1].Start, tokens[start - 1].End) && !IsDeterminer(start - 2))
                {
                    start--; // "Dale Three Irons"
                }
            }

            var end = last;
            // A quoted nickname and a surname: "DESHAWN "DRE" BISHOP", "arturo "spider" gomez", "TERRENCE "T-MAC" MCNAIR".
            if (QuotedNicknameEnd(end) is var close and > 0 && IsWord(close + 1) && (tokens[close + 1].Is(Lex.Surname | Lex.GivenName) || NameWord(close + 1))
                && !tokens[close + 1].Is(Lex.Stop | Lex.Rank) && !Overlaps(spans, tokens[end + 1].Start, tokens[close].End))
            {
                end = close + 1;

                // The surname may already open a longer person span ("mcallister lol"): the name takes it whole.
                var at = IndexStartingAt(spans, tokens[end].Start, PiiLabel.Person);
                end = at >= 0 && spans[at].End > tokens[end].End ? TokenEnding(spans[at].End) : end;
                RemovePersonsFrom(spans, tokens[close + 1].Start, tokens[end].End);
                n = spans.IndexOf(span);
            }
            else if (last == first && Spaced(end, end + 1) && NameWord(end + 1) && tokens[end + 1].Is(Lex.Surname) && !Overlaps(spans, tokens[end + 1].Start, tokens[end + 1].End))
            {
                end++;
            }

            // "Officer Leroy Kills In Water", "Deputy Lance Three Irons": after a rank, a name runs on over capitalised words.
            if (!caseless && IsRankBefore(start))
            {
                end = CapitalisedRunEnd(spans, end);
            }

            // "Ana Lucía de la Cruz", "Vincent van der Berg": a particle and the surname after it.
            var particle = end + 1;
            while (particle < end + 3 && IsWord(particle) && tokens[particle].Has(TokenFlags.Lower) && EqAny(particle, "de", "la", "del", "van", "von", "der", "den", "da", "dos", "du", "le", "bin", "al"))
            {
                particle++;
            }

            if (particle > end + 1 && !caseless && IsWord(particle) && tokens[particle].Has(TokenFlags.Capitalized) && !tokens[particle].Is(Lex.Stop | Lex.Rank) && Spaced(particle - 1, particle)
                && !Overlaps(spans, tokens[end + 1].Start, tokens[particle].End))
            {
                end = particle;
            }

            // "o'neill", "D'Angelo": the prefix with its apostrophe.
            if (P(start - 1, '\'') && IsWord(start - 2) && (Eq(start - 2, "o") || Eq(start - 2, "d")) && tokens[start].Start == tokens[start - 1].End && tokens[start - 1].Start == tokens[start - 2].End)
            {
                start -= 2;
            }

            if (start < first || end > last)
            {
                spans[n] = new PiiSpan(tokens[start].Start, tokens[end].End, PiiLabel.Person);
                changed = true;
            }
        }

        // "MARTINEZ-REYES", "Daniel "Danny Boy" Arredondo": parts of one name found apart are one span.
        for (var n = spans.Count - 1; n > 0; n--)
        {
            var a = spans[n - 1];
            var b = spans[n];
            if (a.Label == PiiLabel.Person && b.Label == PiiLabel.Person && b.Start > a.End && b.Start - a.End <= 3 && Joins(a.End, b.Start))
            {
                spans[n - 1] = a with { End = b.End };
                spans.RemoveAt(n);
            }
        }

        if (changed)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>
    /// "grant (3-Frank-24)", "Hassan (U-22)": a name glossed by its call sign. "Hunter and I": a name-listed word before
    /// "and I" (a police dog's where the text speaks of one and the word is also an ordinary word).
    /// </summary>
    private void NamesByGloss(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('(') && !(TextHasWord("and") && (TextHasWord("me") || Shapes.HasLetter("i"))))
        {
            return; // (a name before a bracket, or before "and i", "and me")
        }

        bool? dogText = null;
        for (var k = 0; k + 3 < count; k++)
        {
            if (!IsWord(k) || tokens[k].Length < 3 || !(P(k + 1, '(') || Eq(k + 1, "and") && (Eq(k + 2, "i") || Eq(k + 2, "me"))) || tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Keyword | Lex.UnitDesignator)
                || tokens[k].Lex.Has(LexExtra.NotPii) || NounLead(k - 1) || Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            var listed = tokens[k].Is(Lex.GivenName | Lex.Surname) || NameWord(k);
            if (P(k + 1, '(') && listed)
            {
                var close = k + 2;
                while (close < count && close < k + 8 && !P(close, ')'))
                {
                    close++;
                }

                if (P(close, ')') && Overlaps(spans, tokens[k + 2].Start, tokens[close - 1].End) && IsCallSign(spans, tokens[k + 2].Start, tokens[close - 1].End))
                {
                    added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Person));
                }
            }
            else if (Eq(k + 1, "and") && (Eq(k + 2, "i") || Eq(k + 2, "me")) && tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Lex.Has(LexExtra.Model) && !tokens[k].Is(Lex.Brand)
                && (caseless ? NameWord(k) : listed || tokens[k].Is(Lex.Common) && (dogText ??= SpeaksOfAnimals())))
            {
                var dog = tokens[k].Is(Lex.Common) && (dogText ??= SpeaksOfAnimals());
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, dog ? PiiLabel.OtherId : PiiLabel.Person));
            }
        }
    }

    private bool SpeaksOfAnimals()
    {
        for (var k = 0; k < count; k++)
        {
            if (Eq(k, "k9") || Eq(k, "canine") || Eq(k, "dog") || Eq(k, "horse"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Only a hyphen, or quotes and spaces with a quote among them, between two parts of a name.</summary>
    private bool Joins(int from, int to)
    {
        var between = text.AsSpan(from, to - from);
        if (between is "-")
        {
            return true;
        }

        return between.IndexOfAny("\"“”") >= 0 && !between.ContainsAnyExcept(" \"“”");
    }

    /// <summary>The words that open a nickname's shape in <see cref="Nicknamed"/>: "calls her", "goes by", "aka", "known as", "big mike", "calls rusty real name".</summary>
    private static readonly WordSet NicknameOpeners = new(["her", "him", "me", "by", "aka", "as", "big", "lil", "little", "calls", "call"]);

    /// <summary>Who calls someone by a nickname: "a guy they call moose", "this guy everybody calls skip".</summary>
    private static readonly WordSet Callers = new(["they", "we", "everybody", "everyone", "people", "folks", "yall", "guys"]);

    /// <summary>Who is called so: "a guy they call moose", "the kid everybody calls skip".</summary>
    private static readonly WordSet CalledPeople = new(["guy", "man", "dude", "kid", "woman", "lady", "girl", "boy", "fella", "one", "gentleman", "brother", "cousin", "uncle"]);

    /// <summary>
    /// Nicknames said to be nicknames: "(everybody calls her fab)", "goes by chuy", "aka "bird"", "sarge (wolf)", "me and
    /// big mike", "everybody calls rusty real name russell", "a guy they call moose".
    /// </summary>
    private void Nicknamed(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // Every shape opens with "(" or one of the opening words: a text with neither has none.
        if (!TextHas(NicknameOpeners) && !text.Contains('('))
        {
            return;
        }

        for (var k = 1; k < count; k++)
        {
            // Only words that open one of the shapes below: her/him/me, by, aka, as, "(", big/lil/little.
            if (!(P(k, '(') || In(NicknameOpeners, k)))
            {
                continue;
            }

            var j = -1;
            if ((Eq(k, "her") || Eq(k, "him") || Eq(k, "me")) && (Eq(k - 1, "calls") || Eq(k - 1, "call") || Eq(k - 1, "called"))
                || Eq(k, "by") && (Eq(k - 1, "goes") || Eq(k - 1, "went") || Eq(k - 1, "go") || Eq(k - 1, "going"))
                || Eq(k, "aka") || Eq(k, "as") && Eq(k - 1, "known") || Eq(k, "calls") && Eq(k + 2, "real") && Eq(k + 3, "name")
                || (Eq(k, "call") || Eq(k, "calls")) && In(Callers, k - 1) && IsWord(k - 2) && (In(CalledPeople, k - 2) || tokens[k - 2].Is(Lex.Role)))
            {
                j = k + 1;
                if (P(j, '"') || P(j, '\'') || j < count && text[tokens[j].Start] == '“')
                {
                    j++;
                }
            }
            else if (P(k, '(') && IsWord(k - 1) && (tokens[k - 1].Is(Lex.Rank) || Eq(k - 1, "sarge") || Eq(k - 1, "lt") || Eq(k - 1, "cap")) && P(k + 2, ')'))
            {
                j = k + 1;
            }
            else if (P(k, '(') && IsWord(k + 1) && (P(k + 2, ')') || Eq(k + 2, "to") && (Eq(k + 3, "everyone") || Eq(k + 3, "everybody") || Eq(k + 3, "all")))
                && !tokens[k + 1].Has(TokenFlags.Lower) && EndsPerson(spans, tokens[k - 1].End))
            {
                // "Warden Pete Dutchak (Dutch)", "Danny Kim (DK to everyone)": a name's nickname in brackets after it.
                j = k + 1;
            }
            else if ((Eq(k, "big") || Eq(k, "lil") || Eq(k, "little")) && IsWord(k + 1) && tokens[k + 1].Lex.GivenCount >= 20_000
                && ((Eq(k - 1, "and") || Eq(k - 1, "n")) && Eq(k - 2, "me") || Eq(k - 1, "with")
                    || !caseless && tokens[k].Has(TokenFlags.Capitalized) && tokens[k + 1].Has(TokenFlags.Capitalized) && !tokens[k].Has(TokenFlags.SentenceStart | TokenFlags.NewlineBefore)))
            {
                var found = IndexStartingAt(spans, tokens[k + 1].Start, PiiLabel.Person);
                if (found >= 0)
                {
                    spans[found] = spans[found] with { Start = tokens[k].Start };
                }
                else
                {
                    added.Add(new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.Person));
                }

                continue;
            }

            if (j > 0 && IsWord(j) && P(j + 1, '-') && IsWord(j + 2) && tokens[j + 1].Start == tokens[j].End && tokens[j + 2].Start == tokens[j + 1].End
                && !Overlaps(spans, tokens[j].Start, tokens[j + 2].End))
            {
                // "called him t-boy": a hyphenated nickname is one name.
                added.Add(new PiiSpan(tokens[j].Start, tokens[j + 2].End, PiiLabel.Person));
            }
            else if (j > 0 && IsWord(j) && tokens[j].Length > 1 && !tokens[j].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.AgencyAcronym | Lex.StateCode) && !tokens[j].Lex.Has(LexExtra.NotPii)
                && !Overlaps(spans, tokens[j].Start, tokens[j].End))
            {
                added.Add(new PiiSpan(tokens[j].Start, tokens[j].End, PiiLabel.Person));
            }
        }
    }

    private static bool EndsPerson(List<PiiSpan> spans, int end)
    {
        foreach (var s in spans)
        {
            if (s.End == end && s.Label == PiiLabel.Person)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCallSign(List<PiiSpan> spans, int start, int end)
    {
        foreach (var s in spans)
        {
            if (s.Start >= start && s.End <= end && s.Label == PiiLabel.BadgeId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words an animal's name follows in <see cref="AnimalNames"/>.</summary>
    private static readonly WordSet AnimalCues = new(["horse", "dog", "partner"]);

    /// <summary>"My horse, Rocco,", "his K9 partner, Ranger,", "K9 partner Ranger was": an animal's name (OTHER_ID).</summary>
    private void AnimalNames(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(AnimalCues))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!In(AnimalCues, k) || !(Eq(k, "horse") || Eq(k, "dog") || Eq(k, "partner") && (Eq(k - 1, "k9") || Eq(k - 1, "canine"))))
            {
                continue;
            }

            var j = k + 1;
            var comma = P(j, ',');
            if (comma)
            {
                j++;
            }

            if (IsWord(j) && tokens[j].Has(TokenFlags.Capitalized) && tokens[j].Length > 2 && !tokens[j].Is(Lex.Stop) && !tokens[j].Lex.Has(LexExtra.NotPii)
                && (comma ? P(j + 1, ',') || P(j + 1, '.') : IsWord(j + 1) && tokens[j + 1].Has(TokenFlags.Lower))
                && (IsDeterminer(k - 1) || Eq(k - 1, "k9") || Eq(k - 1, "canine")) && !Overlaps(spans, tokens[j].Start, tokens[j].End))
            {
                added.Add(new PiiSpan(tokens[j].Start, tokens[j].End, PiiLabel.OtherId));
            }
        }
    }

    [ThreadStatic]
    private static Dictionary<string, PiiLabel>? _spreadNames;

    /// <summary>The thread's table of name words for <see cref="SpreadNames"/>, emptied: made once, not per text.</summary>
    private static Dictionary<string, PiiLabel> SpreadNamesBuffer()
    {
        var names = _spreadNames ??= new Dictionary<string, PiiLabel>(64, StringComparer.OrdinalIgnoreCase);
        names.Clear();
        if (names.EnsureCapacity(0) > 1024)
        {
            names.TrimExcess(64);
        }

        return names;
    }

    /// <summary>
    /// Other mentions of a name or an animal found: in any case ("DESHAWN YOUNG" ... "YOUNG STEPPED BACK", "grant
    /// (3-Frank-24)" ... "waited for grant"), but an ordinary word only where it reads as a name (not after "the" or a
    /// number, not before "up" or a noun it would describe).
    /// </summary>
    private void SpreadNames(List<PiiSpan> spans)
    {
        Dictionary<string, PiiLabel>? names = null;
        HashSet<string>? pairs = null; // "Two Bulls" of "Hunter Two Bulls": the word before a name's part goes with it
        foreach (var span in spans)
        {
            if (span.Label is not (PiiLabel.Person or PiiLabel.OtherId))
            {
                continue;
            }

            var first = FirstToken(span.Start);
            var last = TokenEnding(span.End);
            for (var k = first; k <= last; k++)
            {
                if (IsWord(k) && tokens[k].Length >= 3 && !tokens[k].Is(Lex.Stop | Lex.Role) && !(tokens[k].Is(Lex.Rank) && span.Label == PiiLabel.Person) && !tokens[k].Lex.Has(LexExtra.NotPii | LexExtra.Model)
                    && (span.Label == PiiLabel.OtherId ? first == last : last > first || NameWord(k) || tokens[k].Is(Lex.GivenName | Lex.Surname)))
                {
                    // (looked up by the word itself: a string is made only for a name not yet held)
                    (names ??= SpreadNamesBuffer()).GetAlternateLookup<ReadOnlySpan<char>>().TryAdd(W(k), span.Label);
                    if (k > first && IsWord(k - 1) && Spaced(k - 1, k) && span.Label == PiiLabel.Person)
                    {
                        (pairs ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).GetAlternateLookup<ReadOnlySpan<char>>()
                            .Add(text.AsSpan(tokens[k - 1].Start, tokens[k].End - tokens[k - 1].Start));
                    }
                }
            }
        }

        if (names is null)
        {
            return;
        }

        // The first letters and the lengths of the names, one bit each: most words are ruled out before the look-up.
        var initials = 0L;
        var lengths = 0L;
        foreach (var name in names.Keys)
        {
            initials |= 1L << (char.ToLowerInvariant(name[0]) & 63);
            lengths |= 1L << Math.Min(name.Length, 63);
        }

        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var pairLookup = pairs?.GetAlternateLookup<ReadOnlySpan<char>>();
        var grown = false;
        var s = 0;
        var original = spans.Count;
        for (var k = 0; k < count; k++)
        {
            if (!IsWord(k) || tokens[k].Length < 3 || (lengths & (1L << Math.Min(tokens[k].Length, 63))) == 0
                || (initials & (1L << (char.ToLowerInvariant(text[tokens[k].Start]) & 63))) == 0)
            {
                continue;
            }

            // A word inside a span found (the name's own mentions, mostly) is passed over before the look-up.
            while (s < original && spans[s].End <= tokens[k].Start)
            {
                s++;
            }

            if (s < original && spans[s].Start < tokens[k].End || !lookup.TryGetValue(W(k), out var label))
            {
                continue;
            }

            // In ordinary case a lower-case ordinary word is that word ("young officers"); capitals are the rules' own, and
            // so is a word in capitals amid lower-case words ("had PRICE show both hands").
            if (English(k) && !((caseless || tokens[k].Has(TokenFlags.Capitalized)) && ReadsAsName(k) || CapsAmidLower(k)))
            {
                continue;
            }

            var start = pairLookup is { } pairsOf && k > 0 && IsWord(k - 1) && Spaced(k - 1, k) && (s == 0 || spans[s - 1].End <= tokens[k - 1].Start)
                && pairsOf.Contains(text.AsSpan(tokens[k - 1].Start, tokens[k].End - tokens[k - 1].Start)) ? tokens[k - 1].Start : tokens[k].Start;
            spans.Add(new PiiSpan(start, tokens[k].End, label));
            grown = true;
        }

        if (grown)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    private bool EqAny(int i, params ReadOnlySpan<string> words)
    {
        if (i < 0 || i >= count)
        {
            return false;
        }

        var w = W(i);
        foreach (var word in words)
        {
            // (the first letters, their case set aside, before the whole word: most words differ there)
            if (w.Length == word.Length && (w[0] | 0x20) == (word[0] | 0x20) && w.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
