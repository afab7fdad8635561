namespace NearMiss.Core.Pii;

/// <summary>
/// Terms of the trade written in Title Case: "the Head Custodian", "our Trail Crew Lead", "at the Entry Post", "Bear
/// Spray", "a Fend-Off Position", "the Alpha side" (Data/terms.txt, decision 064). Their words are names and places
/// elsewhere ("Art", "Bear", "Post"), so the rules and the tagger read them as people, places and agencies. The
/// detector's last steps drop a person, place or agency span that ends in a listed head noun of a job, a post or a piece
/// of gear when every word of it is an ordinary word, and a call-sign word before a side or a team. They keep the span
/// when a rank or title stands before it ("Sgt. Lead"), when the head is itself a common name ("Hunter", "Park"), and
/// when a word of it is a county, a state or a town of 20,000 people or more ("Pike County Jail"). Then a text in which
/// nothing but such terms is left is cleared (<see cref="DropIfOnlyTerms"/>).
/// </summary>
internal static class PiiTerms
{
    /// <summary>A head noun that is a name this often in the Census or SSA lists is not passed over as a term.</summary>
    private const int CommonName = 5_000;

    private const int LargePlace = 20_000;

    /// <summary>The larger list of ordinary words (Data/more-words.txt), read the first time a text may be only terms.</summary>
    private static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> MoreWords = new(static () =>
        new HashSet<string>(PiiLexicon.ReadLines("more-words.txt"), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>Is the word in the larger list of ordinary words (Data/more-words.txt): "brisket", "gaff", "bibs"?</summary>
    public static bool IsMoreWord(ReadOnlySpan<char> word) => MoreWords.Value.Contains(word);

    private static readonly WordSet Greetings = new(["hey", "hi", "hello", "dear", "yo", "thanks", "thx", "morning", "evening"]);

    /// <summary>An ordinary word that is a given name or surname this often is a name enough to keep a text flagged ("Grant", "Young").</summary>
    private const int FrequentGivenName = 20_000;

    private const int FrequentSurname = 30_000;

    private static readonly WordSet NumberWords = new(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety", "hundred", "thousand"]);

    private static readonly Dictionary<string, List<string>> Sections = PiiLexicon.ReadSections("terms.txt");

    private static readonly WordSet Heads = new(new[] { "roles", "places", "gear" }.SelectMany(section => Sections[section]).SelectMany(Split).ToArray());

    /// <summary>Heads of gear and drills, whose modifiers may be words no list knows ("Ballistic Shield", "Takedown Lights").</summary>
    private static readonly WordSet Gear = new(Sections["gear"].SelectMany(Split).ToArray());

    public static List<PiiSpan> Drop(List<PiiSpan> spans, string original, string text, ReadOnlySpan<Token> tokens, PiiLexicon lexicon)
    {
        for (var s = spans.Count - 1; s >= 0; s--)
        {
            var span = spans[s];
            if (IsDiarizationLabel(text, tokens, span))
            {
                spans.RemoveAt(s);
                continue;
            }

            if (span.Label is PiiLabel.Person or PiiLabel.Location or PiiLabel.Address or PiiLabel.Agency && TrimFillers(text, tokens, span) is var trimmed && trimmed != span)
            {
                if (trimmed.Start >= trimmed.End)
                {
                    spans.RemoveAt(s);
                    continue;
                }

                spans[s] = span = trimmed;
            }

            if (span.Label is not (PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency))
            {
                continue;
            }

            var first = PiiProducts.FirstToken(tokens, span.Start);
            var last = PiiProducts.LastToken(tokens, span.End);
            if (first == last && span.Label == PiiLabel.Location && IsLowerWordAfterThe(original, text, tokens, first, lexicon))
            {
                spans.RemoveAt(s);
                continue;
            }

            if (first <= last && (IsTerm(text, tokens, first, last, lexicon) && !Titled(text, tokens, first) || Designation(text, tokens, first, last, span)
                || span.Label == PiiLabel.Person && (Acknowledgement(text, tokens, first, last) || Prefixed(text, tokens, first) || first == last && CaseNamedRule(text, tokens, first))))
            {
                spans.RemoveAt(s);
            }
        }

        return spans;
    }

    /// <summary>
    /// "up onto the mesa", "a party off the quad": a word written in lower case after "the", closing its phrase, is the
    /// thing it names, an ordinary word in either list, not the town of that name, which takes no article; a chain's
    /// store is the one exception ("at the shell on 125th").
    /// </summary>
    private static bool IsLowerWordAfterThe(string original, string text, ReadOnlySpan<Token> tokens, int k, PiiLexicon lexicon)
    {
        if (k == 0 || tokens[k].Kind != TokenKind.Word || !char.IsAsciiLetterLower(original[tokens[k].Start]) || tokens[k - 1].Kind != TokenKind.Word
            || !original.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length).Equals("the", StringComparison.Ordinal))
        {
            return false;
        }

        // (not a chain's store, "at the shell on 125th", nor a name before the thing it names, "the salina office")
        var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
        var next = k + 1 < tokens.Length ? k + 1 : -1;
        var ends = next < 0 || tokens[next].Kind == TokenKind.Punct || tokens[next].Is(Lex.Stop) || tokens[next].Has(TokenFlags.NewlineBefore);
        return ends && !lexicon.IsChain(word) && !lexicon.IsChainWord(word) && !lexicon.IsChainHead(word) && (lexicon.IsEnglish(word, tokens[k].Lex) || MoreWords.Value.Contains(word));
    }

    /// <summary>
    /// A name or place without the speaker's fillers at its edges: "kate donnelly um" is "kate donnelly", "um" alone is
    /// nothing. A filler in capitals is one only in a span all in capitals ("UH MILLBROOK AVENUE"; not "UM Capital
    /// Region"). An empty span (start at its end) when only fillers are left.
    /// </summary>
    private static PiiSpan TrimFillers(string text, ReadOnlySpan<Token> tokens, PiiSpan span)
    {
        var first = PiiProducts.FirstToken(tokens, span.Start);
        var last = PiiProducts.LastToken(tokens, span.End);
        if (first > last || !IsFillerIn(text, tokens, first, span) && !IsFillerIn(text, tokens, last, span))
        {
            return span;
        }

        // (with the commas that set the filler off: "uh, Terrence Holloway")
        while (first <= last && (IsFillerIn(text, tokens, first, span) || first > 0 && IsFillerIn(text, tokens, first - 1, span) && tokens[first].Kind == TokenKind.Punct && text[tokens[first].Start] == ','))
        {
            first++;
        }

        while (last >= first && (IsFillerIn(text, tokens, last, span) || last + 1 < tokens.Length && IsFillerIn(text, tokens, last + 1, span) && tokens[last].Kind == TokenKind.Punct && text[tokens[last].Start] == ','))
        {
            last--;
        }

        return first > last ? new PiiSpan(span.Start, span.Start, span.Label) : new PiiSpan(tokens[first].Start, tokens[last].End, span.Label);
    }

    /// <summary>A filler alone, not joined by a hyphen ("um-dearborn" is a campus).</summary>
    private static bool IsFillerIn(string text, ReadOnlySpan<Token> tokens, int k, PiiSpan span) =>
        tokens[k].Kind == TokenKind.Word && tokens[k].Length <= 4 && PiiContextRules.Fillers.Contains(text, tokens[k])
        && (!tokens[k].Has(TokenFlags.AllCaps) || !text.AsSpan(span.Start, span.End - span.Start).ContainsAnyInRange('a', 'z'))
        && !(k + 1 < tokens.Length && tokens[k + 1].Start == tokens[k].End && text[tokens[k + 1].Start] == '-')
        && !(k > 0 && tokens[k - 1].End == tokens[k].Start && text[tokens[k - 1].Start] == '-');

    /// <summary>
    /// A transcript's speaker as a diarizing recorder names one, before its colon: "Speaker A:", "SPEAKER_00:", "speaker 2:".
    /// No one is named by it.
    /// </summary>
    private static bool IsDiarizationLabel(string text, ReadOnlySpan<Token> tokens, PiiSpan span)
    {
        var first = PiiProducts.FirstToken(tokens, span.Start);
        return first < tokens.Length && tokens[first].Start == span.Start && PiiScan.DiarizedLabelEnd(text, tokens, first) is var end and >= 0 && tokens[end].End == span.End;
    }

    /// <summary>
    /// Clears a text in which every span left is a term made of ordinary words ("Safety", "Home Visit", "Entry Post",
    /// "Triage", "Yardmaster"), ordinary in either word list: no number or number word, no county, state, country or town
    /// of 20,000 people ("United States"), no street or company suffix, no word written in lower case, no named premises
    /// ("the Palomino Motel"), and no person found on evidence (<see cref="Evidenced"/>). A report that names someone
    /// almost always has another span too (a date, a time, a number, a surname, a place), so what is left are the
    /// Title-Case words of the trade that a PII-free report is full of (decision 064).
    /// </summary>
    public static List<PiiSpan> DropIfOnlyTerms(List<PiiSpan> spans, string original, string text, ReadOnlySpan<Token> tokens, PiiLexicon lexicon)
    {
        // A date, a time or a number of any kind settles it before a word is looked up.
        foreach (var span in spans)
        {
            if (span.Label is not (PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency or PiiLabel.Address))
            {
                return spans;
            }
        }

        foreach (var span in spans)
        {
            if (!Weak(span, original, text, tokens, lexicon))
            {
                return spans;
            }
        }

        spans.Clear();
        return spans;
    }

    /// <summary>A person, place, agency or address span (<see cref="DropIfOnlyTerms"/> asks only of these) made of ordinary words and found on no evidence.</summary>
    private static bool Weak(PiiSpan span, string original, string text, ReadOnlySpan<Token> tokens, PiiLexicon lexicon)
    {
        var first = PiiProducts.FirstToken(tokens, span.Start);
        var last = PiiProducts.LastToken(tokens, span.End);
        if (first > last || last > first && lexicon.PhrasePopulation(text.AsSpan(span.Start, span.End - span.Start)) >= LargePlace
            || span.Label == PiiLabel.Person && Evidenced(original, tokens, first, last))
        {
            return false;
        }

        var words = 0;
        for (var k = first; k <= last; k++)
        {
            ref readonly var t = ref tokens[k];
            if (t.Kind == TokenKind.Punct)
            {
                continue;
            }

            if (t.Kind != TokenKind.Word || char.IsLower(original[t.Start]) || !OrdinaryWide(PiiProducts.Word(text, t), t, lexicon, madeLike: last > first)
                || t.Is(Lex.County | Lex.State | Lex.Country | Lex.OrgSuffix | Lex.StreetSuffix) || t.Lex.PlacePopulation >= LargePlace
                || NumberWords.Contains(text, t) || NamedPremises(span, text, tokens, k, last))
            {
                return false;
            }

            words++;
        }

        return words > 0;
    }

    /// <summary>
    /// A person found on evidence rather than on a capital letter: written in lower case ("me and moose"), after a rank or
    /// title ("Sgt. Stone"), speaking ("Bear:"), spoken to ("Hey Bear,", "Chip, long story short"), quoted or in brackets
    /// ("\"Tank\""), or a frequent given name or surname ("Grant", "Young").
    /// </summary>
    private static bool Evidenced(string original, ReadOnlySpan<Token> tokens, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            ref readonly var t = ref tokens[k];
            if (t.Kind == TokenKind.Word && (char.IsLower(original[t.Start]) || t.Lex.GivenCount >= FrequentGivenName || t.Lex.SurnameCount >= FrequentSurname))
            {
                return true;
            }
        }

        var before = first - 1;
        var after = last + 1;
        var lineStart = first == 0 || tokens[first].Has(TokenFlags.NewlineBefore);
        return Titled(original, tokens, first)
            || after < tokens.Length && tokens[after].Kind == TokenKind.Punct && (original[tokens[after].Start] == ':' || lineStart && original[tokens[after].Start] == ',')
            || before >= 0 && tokens[before].Kind == TokenKind.Punct && original[tokens[before].Start] is '"' or '(' or '\'' or '\u201C'
            || before >= 0 && PiiProducts.IsWord(tokens, before) && Greetings.Contains(original, tokens[before]);
    }

    /// <summary>
    /// A word before a kind of premises that names it, not a kind: "Palomino" of "the Palomino Motel", "Pinnacles" of
    /// "Pinnacles Overlook"; not "Qualification Range", "Crew Change Building", "Ambulance Bay".
    /// </summary>
    private static bool NamedPremises(PiiSpan span, string text, ReadOnlySpan<Token> tokens, int k, int last) =>
        span.Label is PiiLabel.Location or PiiLabel.Address && k < last && tokens[last].Is(Lex.PremiseSuffix)
        && !(Heads.Contains(text, tokens[k]) || tokens[k].Lex.Has(LexExtra.NotPii | LexExtra.GenericModifier) || tokens[k].Is(Lex.PremiseSuffix)
            || PiiLexicon.HasAbstractEnding(PiiProducts.Word(text, tokens[k])));

    /// <summary>An ordinary word of either list ("Fogger" is in neither; "Yardmaster", "Triage" and "Depot" are in the larger).</summary>
    private static bool OrdinaryWide(ReadOnlySpan<char> word, in Token t, PiiLexicon lexicon, bool madeLike)
    {
        if (Ordinary(word, t, lexicon, madeLike))
        {
            return true;
        }

        var more = MoreWords.Value;
        return (more.Contains(word) || word.Length > 4 && word[^1] is 's' or 'S' && more.Contains(word[..^1]))
            && !(t.Is(Lex.County | Lex.State) || t.Lex.PlacePopulation >= LargePlace);
    }

    /// <summary>The sides, teams and units a call-sign word designates: "the Alpha side", "Charlie corner", "Adam units".</summary>
    private static readonly WordSet Designated = new(["side", "sides", "corner", "corners", "entrance", "door", "wall", "team", "teams", "element", "unit", "units", "squad", "shift"]);

    /// <summary>
    /// A call-sign word before a designated side or team, also as one of a pair ("Charlie/Delta corner", "the Alpha-Bravo
    /// wall"), read as a person or as a town ("moving to Delta side").
    /// </summary>
    private static bool Designation(string text, ReadOnlySpan<Token> tokens, int first, int last, PiiSpan span)
    {
        if (span.Label is not (PiiLabel.Person or PiiLabel.Location) || first != last || !tokens[first].Is(Lex.CallSign))
        {
            return false;
        }

        var k = last + 1;
        if (k + 1 < tokens.Length && tokens[k].Kind == TokenKind.Punct && text[tokens[k].Start] is '/' or '-' && tokens[k].Start == tokens[last].End
            && tokens[k + 1].Start == tokens[k].End && tokens[k + 1].Is(Lex.CallSign))
        {
            k += 2;
        }

        return PiiProducts.IsWord(tokens, k) && tokens[k].Start == tokens[k - 1].End + 1 && Designated.Contains(text, tokens[k]);
    }

    private static readonly WordSet RadioWords = new(["roger", "that", "out", "copy", "copies", "wilco", "understood", "over"]);

    /// <summary>
    /// "Roger" said as a radio acknowledgement, not a man's name: it opens what someone says (at a line's start, after a
    /// speaker's colon, a quote or a sentence's end) and is followed by nothing, punctuation or another radio word
    /// ("Sarge: Roger.", answered "Roger", "Roger that", "Roger, out."). "Roger Hale", "Roger said" and "I called
    /// Roger." are left to the rules that found them.
    /// </summary>
    private static bool Acknowledgement(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (first != last || !PiiProducts.IsWord(tokens, first) || RadioWords.Value(text, tokens[first]) != 0)
        {
            return false;
        }

        var before = first - 1;
        var opens = before < 0 || tokens[first].Has(TokenFlags.NewlineBefore)
            || tokens[before].Kind == TokenKind.Punct && text[tokens[before].Start] is ':' or '"' or '\u201C' or '.' or '!' or '?' or '(';
        var after = last + 1;
        return opens && !Titled(text, tokens, first) && (after >= tokens.Length || tokens[after].Has(TokenFlags.NewlineBefore)
            || tokens[after].Kind == TokenKind.Punct && text[tokens[after].Start] is '.' or ',' or '!' or '"' or '\u201D' or '\'' or ')' or ';'
            || PiiProducts.IsWord(tokens, after) && RadioWords.Contains(text, tokens[after]));
    }

    private static readonly WordSet Prefixes = new(["pre", "post", "non", "anti", "semi", "mid", "multi", "sub", "self", "ex", "re", "un",
        "counter", "over", "under", "inter", "intra", "pro", "half", "full", "off", "on"]);

    /// <summary>A word that is a prefix joined by a hyphen to the next ("Pre-Dawn Search Warrant", "pre-operation"): no name starts so.</summary>
    private static bool Prefixed(string text, ReadOnlySpan<Token> tokens, int first) =>
        PiiProducts.IsWord(tokens, first) && first + 2 < tokens.Length && tokens[first + 1].Kind == TokenKind.Punct && text[tokens[first + 1].Start] == '-'
        && tokens[first + 1].Start == tokens[first].End && tokens[first + 2].Start == tokens[first + 1].End && PiiProducts.IsWord(tokens, first + 2)
        && Prefixes.Contains(text, tokens[first]) && !Titled(text, tokens, first);

    private static bool IsTerm(string text, ReadOnlySpan<Token> tokens, int first, int last, PiiLexicon lexicon)
    {
        ref readonly var head = ref tokens[last];
        if (!PiiProducts.IsWord(tokens, last) || !Heads.Contains(text, head) || head.Lex.GivenCount >= CommonName || head.Lex.SurnameCount >= CommonName)
        {
            return false;
        }

        for (var k = first; k <= last; k++)
        {
            ref readonly var t = ref tokens[k];
            if (t.Kind == TokenKind.Punct && k > first && (text[t.Start] is '-' or '/'))
            {
                continue;
            }

            if (t.Kind != TokenKind.Word || !Ordinary(PiiProducts.Word(text, t), t, lexicon) && !Heads.Contains(text, t)
                && !(t.Lex.Flags == Lex.None && k < last && Gear.Contains(text, head)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A rank or title stands before the span ("Sgt. Lead"), and is no part of a hyphened word ("Off" of "Fend-Off Position").</summary>
    private static bool Titled(string text, ReadOnlySpan<Token> tokens, int first)
    {
        var title = first >= 2 && text[tokens[first - 1].Start] == '.' ? first - 2 : first - 1;
        return PiiProducts.Titled(text, tokens, first) && !(title > 0 && tokens[title - 1].End == tokens[title].Start && text[tokens[title - 1].Start] == '-');
    }

    private static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// An ordinary word, or (<paramref name="madeLike"/>, in a term of several words) one made like one ("Campground
    /// Host", "Airside Patrol") or a kind of premises ("Campground") that no list of names or places holds; and no county,
    /// state or large town. Alone, a word made like an ordinary one may be a name ("Petersson").
    /// </summary>
    private static bool Ordinary(ReadOnlySpan<char> word, in Token t, PiiLexicon lexicon, bool madeLike = true) =>
        (lexicon.IsEnglish(word, t.Lex) || t.Lex.Has(LexExtra.NotPii | LexExtra.GenericModifier)
            || (madeLike && lexicon.LooksEnglish(word, compounds: true) || t.Is(Lex.PremiseSuffix)) && !t.Is(Lex.GivenName | Lex.Surname | Lex.Place))
        && !(t.Is(Lex.County | Lex.State) || t.Lex.PlacePopulation >= LargePlace) || t.Lex.Has(LexExtra.GenericModifier);

    /// <summary>Rules of police work named after a court case, by the word after them or a reading: "miranda rights", "read him miranda", "a garrity statement".</summary>
    private static bool CaseNamedRule(string text, ReadOnlySpan<Token> tokens, int k)
    {
        var word = PiiProducts.Word(text, tokens[k]);
        if (!word.Equals("miranda", StringComparison.OrdinalIgnoreCase) && !word.Equals("garrity", StringComparison.OrdinalIgnoreCase) && !word.Equals("terry", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (PiiProducts.IsWord(tokens, k + 1) && PiiProducts.Word(text, tokens[k + 1]) is var next
            && (next.Equals("rights", StringComparison.OrdinalIgnoreCase) || next.StartsWith("warning", StringComparison.OrdinalIgnoreCase) || next.Equals("card", StringComparison.OrdinalIgnoreCase)
                || next.Equals("statement", StringComparison.OrdinalIgnoreCase) || next.Equals("stop", StringComparison.OrdinalIgnoreCase) || next.Equals("frisk", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // ("i read the male miranda from my card", "read him Miranda")
        for (var b = k - 1; b >= 0 && b >= k - 3; b--)
        {
            if (PiiProducts.IsWord(tokens, b) && PiiProducts.Word(text, tokens[b]) is var before && (before.Equals("read", StringComparison.OrdinalIgnoreCase) || before.Equals("reads", StringComparison.OrdinalIgnoreCase)))
            {
                return word.Equals("miranda", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}
