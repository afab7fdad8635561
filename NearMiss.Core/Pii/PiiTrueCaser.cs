namespace NearMiss.Core.Pii;

/// <summary>
/// Case-proofing, the first recogniser stage: rewrites ALL-CAPS text, all-lower-case text, title-case headlines and
/// section headings into the ordinary case the rules read, letter for letter (same length, same offsets), so one set
/// of rules serves every case. Names are capitalised only on evidence: a name or place list word that is not an
/// ordinary English word, a rank or role before it, "me and X", a "(given surname)" gloss, a following surname.
/// </summary>
internal static partial class PiiTrueCaser
{
    /// <summary>The recased text, or null when nothing changed; <paramref name="lowerText"/> when the original is lower-case prose.</summary>
    public static string? Recase(string text, Token[] tokens, int count, PiiLexicon lexicon, out bool lowerText, out List<(int Start, int End)>? names, out bool caseless)
    {
        int letters = 0, upper = 0, caps = 0;
        int lineLetters = 0, lineCaps = 0, lineUpper = 0, bodyLetters = 0, bodyUpper = 0;
        for (var k = 0; k <= count; k++)
        {
            if (k == count || tokens[k].Has(TokenFlags.NewlineBefore | TokenFlags.SentenceStart) && k > 0)
            {
                // A line or sentence in capitals ("WSP DIST 5 — TPR LUCAS FOX") says nothing of the case of the prose after it.
                if (!(lineLetters >= 3 && lineCaps * 10 > lineLetters * 6))
                {
                    bodyLetters += lineLetters;
                    bodyUpper += lineUpper;
                }

                lineLetters = lineCaps = lineUpper = 0;
                if (k == count)
                {
                    break;
                }
            }

            ref var t = ref tokens[k];
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }

            letters++;
            lineLetters++;
            if (PiiScan.IsSpeakerLabel(text, tokens.AsSpan(0, count), k))
            {
                continue;
            }

            if (t.Has(TokenFlags.AllCaps))
            {
                caps++;
                upper++;
                lineCaps++;
                lineUpper++;
            }
            else if (t.Has(TokenFlags.Capitalized))
            {
                upper++;
                lineUpper++;
            }
        }

        var capsDoc = letters > 8 && caps * 10 > letters * 6;
        var lowerDoc = !capsDoc && (letters > 8 && upper * 12 < letters || bodyLetters > 20 && bodyUpper * 12 < bodyLetters);
        lowerText = letters > 8 && upper * 50 < letters;
        caseless = capsDoc || lowerDoc;
        var c = new Casing(text, tokens, count, lexicon);
        if (capsDoc)
        {
            c.Caps();
        }
        else
        {
            if (lowerDoc)
            {
                c.Lower();
            }

            c.Headlines();
        }

        names = null;
        foreach (var k in c.Evidence)
        {
            (names ??= []).Add((tokens[k].Start, tokens[k].End));
        }

        return c.Result is { } chars ? new string(chars) : null;
    }

    /// <summary>The class that keeps the recasing's word lists (<see cref="LocalPiiDetector.WordSetOwners"/>).</summary>
    internal static Type CasingType => typeof(Casing);

    private sealed partial class Casing(string text, Token[] tokens, int count, PiiLexicon lexicon)
    {
        public char[]? Result { get; private set; }

        private ReadOnlySpan<char> W(int i) => text.AsSpan(tokens[i].Start, tokens[i].Length);

        private bool IsWord(int i) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Word;

        private bool P(int i, char ch) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Punct && text[tokens[i].Start] == ch;

        private bool Eq(int i, string w) => i >= 0 && i < count && tokens[i].Length == w.Length && W(i).Equals(w, StringComparison.OrdinalIgnoreCase);

        private bool English(int i) => lexicon.IsEnglish(W(i), tokens[i].Lex);

        private bool NameListed(int i) => tokens[i].Is(Lex.GivenName | Lex.Surname);

        private bool PlaceListed(int i) => tokens[i].Is(Lex.Place | Lex.County | Lex.State | Lex.Country | Lex.PlaceHead);

        /// <summary>A listed name or place that is not an ordinary word: safe to capitalise without context.</summary>
        private bool ProperOnItsOwn(int i) =>
            IsWord(i) && tokens[i].Length > 2 && (NameListed(i) || PlaceListed(i)) && !English(i)
            && !tokens[i].Is(Lex.Common | Lex.Stop | Lex.Rank | Lex.Measure | Lex.Month | Lex.Weekday | Lex.Role | Lex.StreetSuffix)
            && !tokens[i].Lex.Has(LexExtra.NotPii);

        /// <summary>A word no list knows and that does not read as English ("GUNPOINT", "stairwell", "Containment" do).</summary>
        private bool Unknown(int i) => IsWord(i) && tokens[i].Lex.Flags == Lex.None && !English(i) && tokens[i].Length > 2 && !tokens[i].Lex.Has(LexExtra.NotPii) && !lexicon.LooksEnglish(W(i), compounds: true);

        /// <summary>"goes", "pats", "walks": an ordinary word with a verb ending, not a name continued.</summary>
        private bool VerbForm(int i)
        {
            var w = W(i);
            return w.Length > 3 && (w.EndsWith("es", StringComparison.OrdinalIgnoreCase) && lexicon.Get(w[..^2]).IsEnglish || w[^1] is 's' && lexicon.Get(w[..^1]).IsEnglish);
        }

        private char[] Chars => Result ??= text.ToCharArray();

        private void Set(int i, bool capital, bool restUpper = false)
        {
            ref var t = ref tokens[i];
            var chars = Chars;
            for (var k = t.Start; k < t.End; k++)
            {
                var ch = chars[k];
                chars[k] = (k == t.Start && capital) || restUpper ? char.ToUpperInvariant(ch) : char.ToLowerInvariant(ch);
            }
        }

        private bool SentenceStart(int i) => tokens[i].Has(TokenFlags.SentenceStart | TokenFlags.NewlineBefore) || i == 0;

        /// <summary>Previous word token, skipping quotes and parentheses.</summary>
        private int PrevWord(int i)
        {
            var j = i - 1;
            while (j >= 0 && tokens[j].Kind == TokenKind.Punct && (P(j, '"') || P(j, '(') || P(j, '“')))
            {
                j--;
            }

            return j;
        }

        /// <summary>Is token k just after a rank's or a title's abbreviation and its full stop ("DEP." of "DEP. BROOKS", "MR. BUSH")?</summary>
        private bool AfterRankStop(int k) =>
            k >= 2 && P(k - 1, '.') && tokens[k - 1].Start == tokens[k - 2].End && IsWord(k - 2)
            && (tokens[k - 2].Is(Lex.Rank) && !tokens[k - 2].Is(Lex.Stop) || Eq(k - 2, "mr") || Eq(k - 2, "mrs") || Eq(k - 2, "ms") || Eq(k - 2, "dr")); // ("MR. BUSH")

        /// <summary>"WILL CONFIRM", "MAY REQUIRE": a modal verb, then a verb in its base form (no -ed, -s or -ing ending).</summary>
        private bool ModalBeforeVerb(int i)
        {
            if (!(Eq(i, "will") || Eq(i, "may") || Eq(i, "can") || Eq(i, "must") || Eq(i, "shall")) || !IsWord(i + 1) || !English(i + 1) || NameListed(i + 1))
            {
                return false;
            }

            var w = W(i + 1);
            return !(w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || w.EndsWith("s", StringComparison.OrdinalIgnoreCase));
        }

        private bool IsRankEvidence(int i) =>
            IsWord(i) && (tokens[i].Is(Lex.Rank) && !tokens[i].Is(Lex.Stop) || Eq(i, "mr") || Eq(i, "mrs") || Eq(i, "tfo") || Eq(i, "canine") || Eq(i, "partner") || Eq(i, "subj")) || Eq(i, "k9");

        /// <summary>Tokens made names by evidence (rank, role, partner, gloss, earlier mention), for the last stage to flag.</summary>
        public HashSet<int> Evidence { get; } = [];

        // -------------------------------------------------------------- ALL-CAPS
        public void Caps()
        {
            var proper = new bool[count];
            for (var i = 0; i < count; i++)
            {
                ref var t = ref tokens[i];
                if (t.Kind != TokenKind.Word)
                {
                    continue;
                }

                if (KeepUpper(i))
                {
                    Set(i, capital: true, restUpper: true);
                    continue;
                }

                var evidence = CapsEvidence(i, proper);
                if (evidence)
                {
                    Evidence.Add(i);
                }

                proper[i] = evidence || ProperOnItsOwn(i) && (!AfterDeterminer(i) || IsWord(i + 1) && tokens[i + 1].Is(Lex.PremiseSuffix)) || PlaceEvidence(i) || StoreChain(i) || UnknownPlace(i);
                Set(i, capital: proper[i] || SentenceStart(i) || tokens[i].Is(Lex.Rank) && t.Length > 1 || StreetWord(i) || Eq(i, "co") && IsWord(i - 1) && PlaceListed(i - 1));
            }

            for (var i = 1; i < count; i++)
            {
                if (!IsWord(i) || proper[i] || KeepUpper(i))
                {
                    continue;
                }

                var p = PrevWord(i);
                // A surname after a capitalised name ("TERRANCE LOVE", "DESHAWN "DRE" BISHOP"), a county or premise word after a place.
                if (p >= 0 && IsWord(p) && proper[p] && (tokens[i].Is(Lex.Surname) && !tokens[i].Is(Lex.Stop) && tokens[i].Lex.SurnameCount >= 10_000 && !tokens[p].Is(Lex.Rank)
                    || Eq(i, "county") || tokens[i].Is(Lex.PremiseSuffix | Lex.StreetSuffix)))
                {
                    proper[i] = true;
                    Set(i, capital: true);
                    if (Evidence.Contains(p) && tokens[i].Is(Lex.Surname))
                    {
                        Evidence.Add(i);
                    }
                }
            }

            // Unknown words before a listed surname after a role ("SUBJ TUAN MINH NGUYEN", "TO HUONG TRAN").
            for (var i = count - 1; i > 0; i--)
            {
                if (IsWord(i) && proper[i] && tokens[i].Is(Lex.Surname | Lex.GivenName) && !English(i))
                {
                    var k = i - 1;
                    while (k >= 0 && i - k <= 2 && IsWord(k) && !proper[k] && (Unknown(k) || NameListed(k) && !English(k)) && !KeepUpper(k))
                    {
                        proper[k] = true;
                        Set(k, capital: true);
                        k--;
                    }
                }
            }

            NamedPlaceHeads(proper);
            StreetsWithoutNumbers(proper);
        }

        /// <summary>
        /// "CHECK, BLACK WOLF HOLLOW RD,", "TOWARD JACK SPRINGS RD": one to three words and a street's abbreviation after a
        /// comma, a colon or a word of place, without a house number.
        /// </summary>
        private void StreetsWithoutNumbers(bool[] proper)
        {
            for (var s = 1; s < count; s++)
            {
                if (!IsWord(s) || !StreetAbbreviations.Contains(text, tokens[s]) || Eq(s, "dr") && IsWord(s + 1) && !tokens[s + 1].Has(TokenFlags.NewlineBefore))
                {
                    continue;
                }

                var k = s - 1;
                while (k >= 0 && s - k <= 3 && IsWord(k) && !tokens[k].Is(Lex.Stop | Lex.Locative | Lex.Rank) && !KeepUpper(k) && !tokens[k].Has(TokenFlags.NewlineBefore))
                {
                    k--;
                }

                if (k == s - 1 || k < 0 || !(P(k, ',') || P(k, ':') || IsWord(k) && (tokens[k].Is(Lex.Locative) || Eq(k, "toward") || Eq(k, "onto") || Eq(k, "on"))))
                {
                    continue;
                }

                for (var m = k + 1; m <= s; m++)
                {
                    proper[m] = true;
                    Set(m, capital: true);
                }
            }
        }

        private static readonly WordSet StreetAbbreviations = new(["rd", "dr", "ln", "ave", "blvd", "pkwy", "ct", "cir", "hwy"]);

        /// <summary>A store chain's name that is no ordinary word, with or without "THE": "AT THE SHEETZ", "WAWA ON RT 73".</summary>
        private bool StoreChain(int i) => tokens[i].Length > 3 && lexicon.IsChain(W(i)) && !English(i) && !tokens[i].Lex.Has(LexExtra.NotPii);

        /// <summary>
        /// A word of five letters or more that no list knows and that does not read as English, after "FROM", "NEAR",
        /// or "TO" after a journey ("FROM BETHEL TO NAPAKIAK", "RESPONDED TO"), never a verb after "TO" ("BEGAN TO UNZIP").
        /// </summary>
        private bool UnknownPlace(int i)
        {
            if (tokens[i].Length < 5 || !Unknown(i) || tokens[i].Has(TokenFlags.NewlineBefore) || PrevWord(i) is var p && p < 0)
            {
                return false;
            }

            return Eq(p, "from") || Eq(p, "near") || Eq(p, "toward") || Eq(p, "towards")
                || Eq(p, "to") && PrevWord(p) is var v && v >= 0 && (Eq(v - 1, "from") || Journeys.Contains(text, tokens[v]));
        }

        private static readonly WordSet Journeys = new(["responded", "responding", "drove", "driving", "went", "going", "headed", "heading", "transported", "traveled",
            "travelled", "traveling", "travelling", "returned", "returning", "enroute", "enrt", "route", "dispatched", "sent", "moved", "fled", "back", "way", "trip", "flew"]);

        /// <summary>
        /// Before a capitalised place or premise, "ST", "MT", "FT" and words no list knows: "ST. HERMAN HARBOR", "VAN DAMME STATE PARK".
        /// </summary>
        private void NamedPlaceHeads(bool[] proper)
        {
            for (var i = count - 1; i > 0; i--)
            {
                if (!IsWord(i) || !(proper[i] && (PlaceListed(i) || tokens[i].Is(Lex.Surname | Lex.GivenName)) || tokens[i].Is(Lex.PremiseSuffix)))
                {
                    continue;
                }

                var k = P(i - 1, '.') ? i - 2 : i - 1;
                if (proper[i] && IsWord(k) && !proper[k] && (Eq(k, "st") || Eq(k, "mt") || Eq(k, "ft")) && Spaced(k, i))
                {
                    proper[k] = true;
                    Set(k, capital: true);
                    continue;
                }

                if (!tokens[i].Is(Lex.PremiseSuffix))
                {
                    continue;
                }

                // Before the premise "STATE PARK": the name no list knows, and a particle before it ("VAN", "DE", "LA").
                var first = i;
                while (first > 0 && IsWord(first - 1) && (proper[first - 1] || PlaceKinds.Contains(text, tokens[first - 1])))
                {
                    first--;
                }

                k = first - 1;
                if (IsWord(k) && !proper[k] && (Unknown(k) || NameListed(k) && !English(k)) && !KeepUpper(k))
                {
                    for (var m = k; m <= i; m++)
                    {
                        proper[m] = true;
                        Set(m, capital: true);
                    }

                    if (IsWord(k - 1) && !proper[k - 1] && (Eq(k - 1, "van") || Eq(k - 1, "de") || Eq(k - 1, "la") || Eq(k - 1, "el") || Eq(k - 1, "del") || Eq(k - 1, "le")))
                    {
                        proper[k - 1] = true;
                        Set(k - 1, capital: true);
                    }
                }
            }
        }

        private static readonly WordSet PlaceKinds = new(["state", "national", "regional", "county", "memorial", "recreation", "rec", "wildlife", "historic", "boat", "public"]);

        private bool Spaced(int a, int b) => tokens[b].Start - tokens[a].End <= 2 && !tokens[b].Has(TokenFlags.NewlineBefore);

        /// <summary>"A BLOCKER", "THE HUNTER": a word after an article or possessive is a noun, not a name.</summary>
        private bool AfterDeterminer(int i)
        {
            var p = i - 1;
            return IsWord(p) && (Eq(p, "a") || Eq(p, "an") || Eq(p, "the") || Eq(p, "his") || Eq(p, "her") || Eq(p, "my") || Eq(p, "our") || Eq(p, "their") || Eq(p, "this") || Eq(p, "that"));
        }

        /// <summary>The population of tokens a to b in lower case as one gazetteer phrase, -1 when unknown (no string made).</summary>
        private int PhrasePopulation(int a, int b)
        {
            if (!MayStartPhrase(a, b))
            {
                return -1;
            }

            var phrase = text.AsSpan(tokens[a].Start, tokens[b].End - tokens[a].Start);
            Span<char> lower = phrase.Length <= 128 ? stackalloc char[phrase.Length] : new char[phrase.Length];
            phrase.ToLowerInvariant(lower);
            return lexicon.PhrasePopulation(lower);
        }

        /// <summary>
        /// False when word a, followed by a space, cannot open a phrase of the gazetteer: every phrase's first word (up to
        /// its first space) is marked <see cref="Lex.PlaceHead"/>, and an ASCII word's entry is that word's, case aside
        /// (a word beyond ASCII may read otherwise in lower case, and a number has no entry, so those are looked up).
        /// </summary>
        private bool MayStartPhrase(int a, int b) =>
            tokens[a].Is(Lex.PlaceHead) || tokens[a].Kind != TokenKind.Word || tokens[a].Has(TokenFlags.NonAscii)
            || tokens[a].End >= tokens[b].End || text[tokens[a].End] != ' ';

        /// <summary>
        /// The population of tokens a and a + 1 in lower case as the gazetteer writes a saint's place, a full stop after a
        /// first word ending "st" and a space ("st louis" as "st. louis"); -1 when unknown or not of that shape (no string made).
        /// </summary>
        private int SaintPhrasePopulation(int a)
        {
            var phrase = text.AsSpan(tokens[a].Start, tokens[a + 1].End - tokens[a].Start);
            Span<char> dotted = phrase.Length < 128 ? stackalloc char[phrase.Length + 1] : new char[phrase.Length + 1];
            phrase.ToLowerInvariant(dotted);
            var split = tokens[a].Length;
            if (dotted[split] != ' ' || !dotted[..split].EndsWith("st", StringComparison.Ordinal))
            {
                return -1;
            }

            dotted[split..phrase.Length].CopyTo(dotted[(split + 1)..]);
            dotted[split] = '.';
            return lexicon.PhrasePopulation(dotted);
        }

        private bool PlaceEvidence(int i)
        {
            // Two-word places ("GARDEN GROVE", "PINE RIDGE") and "X COUNTY".
            if (i + 1 < count && IsWord(i + 1) && tokens[i + 1].Start == tokens[i].End + 1 && PhrasePopulation(i, i + 1) >= 0)
            {
                return true;
            }

            if (i > 0 && IsWord(i - 1) && tokens[i].Start == tokens[i - 1].End + 1 && PhrasePopulation(i - 1, i) >= 0)
            {
                return true;
            }

            if (tokens[i].Is(Lex.County) && (Eq(i + 1, "county") || Eq(i + 1, "co")))
            {
                return true;
            }

            // A listed place after "IN", "FROM", "OF", "TO", "NEAR" ("ENRT FROM AMARILLO", "HOUSE IN VEGA").
            var p = i - 1;
            return PlaceListed(i) && IsWord(p) && tokens[p].Is(Lex.Locative) && !tokens[i].Is(Lex.Stop | Lex.Common) && !tokens[i].Lex.Has(LexExtra.NotPii)
                && (tokens[i].Lex.PlacePopulation >= 1000 || !English(i));
        }

        private bool CapsEvidence(int i, bool[] proper)
        {
            var p = PrevWord(i);
            if (p < 0 || tokens[i].Is(Lex.Stop | Lex.Measure | Lex.Locative) || tokens[i].Lex.Has(LexExtra.NotPii))
            {
                return false;
            }

            // Rank or role before: "DEP YOUNG", "TPR ROSE", "OFC T. HUYNH", "K9 DUKE", "SUBJ TUAN"; not a modal verb
            // before its verb ("THE SHIFT SUPERVISOR WILL CONFIRM").
            if (IsRankEvidence(p) && (NameListed(i) || Unknown(i)) && !tokens[i].Is(Lex.Rank) && !ModalBeforeVerb(i))
            {
                return true;
            }

            // A rank, or a given name, and an initial without its full stop: "OFC T CHASE", "MICHAEL J PRICE" ("A" and "I"
            // only before a word that is no English word: "SGT A GUN" is none).
            if (IsWord(p) && tokens[p].Length == 1 && char.IsAsciiLetter(W(p)[0]) && PrevWord(p) is var q and >= 0 && IsWord(q)
                && (IsRankEvidence(q) || proper[q] && tokens[q].Is(Lex.GivenName) && !tokens[q].Is(Lex.Rank) && tokens[i].Is(Lex.Surname))
                && (NameListed(i) || Unknown(i)) && !tokens[i].Is(Lex.Rank | Lex.Role))
            {
                return !(Eq(p, "a") || Eq(p, "i")) || !English(i);
            }

            if (P(i - 1, '.') && IsWord(i - 2) && tokens[i - 2].Length == 1 && IsRankEvidence(i - 3))
            {
                return NameListed(i) || Unknown(i);
            }

            // "DEP. BROOKS WAS", "SGT. DEACON HAS": one word after a rank's abbreviation and its full stop.
            if (AfterRankStop(i) && tokens[i].Length > 1 && (NameListed(i) || Unknown(i)) && !tokens[i].Is(Lex.Rank)
                && (i + 1 >= count || tokens[i + 1].Kind == TokenKind.Punct || tokens[i + 1].Is(Lex.Stop)))
            {
                return true;
            }

            if (tokens[p].Is(Lex.Role) && (NameListed(i) && !English(i) || Unknown(i)))
            {
                return true;
            }

            // Continuation of a name: "DESHAWN "DRE"", "TUAN MINH NGUYEN"; after a rank, a listed surname too: "DEP. GRANT STORY".
            return proper[p] && IsWord(p) && tokens[p].Is(Lex.GivenName) && !tokens[p].Is(Lex.Rank)
                && (NameListed(i) && (!English(i) || tokens[i].Is(Lex.Surname) && (AfterRankStop(p) || PrevWord(p) is var r && r >= 0 && IsRankEvidence(r))) || Unknown(i))
                && !tokens[i].Is(Lex.Common | Lex.Stop);
        }

        private bool KeepUpper(int i)
        {
            ref var t = ref tokens[i];
            if (t.Is(Lex.AgencyAcronym) || t.Length == 1)
            {
                return true;
            }

            if (t.Is(Lex.StateCode) && (P(i - 1, ',') || i + 1 < count && tokens[i + 1].Kind != TokenKind.Word))
            {
                return t.Length == 2;
            }

            // "MULTNOMAH CO SO", "POTTER CO SO", "GRESHAM PD": the agency code after a county or place.
            if ((Eq(i, "so") || Eq(i, "pd") || Eq(i, "sd")) && i > 0 && (Eq(i - 1, "co") || PlaceListed(i - 1)))
            {
                return true;
            }

            // Short codes that are not words: PD, SE, DL, SUBJ, MCDC.
            return t.Length <= 4 && !English(i) && !NameListed(i) && !PlaceListed(i) && !t.Is(Lex.Stop | Lex.Rank | Lex.Measure | Lex.Month | Lex.Weekday | Lex.Abbreviation);
        }
    }
}
