namespace NearMiss.Core.Pii;

/// <summary>
/// The tagger's last stage of the detector (decision 048). Runs of tokens it tags alike become spans where the rules
/// found nothing, when every word of the run is ahead of "no PII" by the threshold
/// (<see cref="LocalPiiDetector.DefaultTaggerThreshold"/>); runs of words that are never PII alone, placeholders,
/// regions and ages that are not ages are left out. It is also a second opinion on the rules' names and places made
/// only of ordinary words, struck out when the tagger is sure they are no PII (<see cref="VetoThreshold"/>).
/// </summary>
internal static partial class PiiTaggerSpans
{
    /// <summary>How far ahead of every PII tag "no PII" must be at each word for the tagger to strike out a name of the rules.</summary>
    public const float VetoThreshold = 10f;

    [ThreadStatic]
    private static byte[]? _tags;

    [ThreadStatic]
    private static float[]? _margins;

    [ThreadStatic]
    private static bool[]? _covered;

    public static List<PiiSpan> Add(List<PiiSpan> spans, string text, ReadOnlySpan<Token> tokens, bool caseless, PiiTagger tagger, float threshold, PiiLexicon lexicon, string? original = null)
    {
        var tags = Buffer(ref _tags, tokens.Length);
        var margins = Buffer(ref _margins, tokens.Length);
        var covered = Buffer(ref _covered, tokens.Length);
        tagger.Tag(text, tokens, caseless, tags, margins);
        for (var s = spans.Count - 1; s >= 0; s--)
        {
            if (IsOrdinaryWords(spans[s], text, tokens, tags, margins) && (caseless || !IsNamedInFull(spans, spans[s], text)))
            {
                spans.RemoveAt(s);
            }
        }

        MarkCovered(spans, tokens, covered);

        var added = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tags[i] == 0 || covered[i])
            {
                continue;
            }

            var end = i;
            while (end + 1 < tokens.Length && tags[end + 1] == tags[i] && !covered[end + 1])
            {
                end++;
            }

            var label = PiiTagger.Labels[tags[i]]!.Value;
            // (a run that grows a span found is read with it, "Keei" + "boat ramp"; one after a rank or a role is a name, "Lieutenant brings plenty")
            var alone = !(i > 0 && (covered[i - 1] || tokens[i - 1].Is(Lex.Rank | Lex.Role)) || end + 1 < tokens.Length && covered[end + 1]);
            if (Accept(text, tokens, i, end, label, margins, threshold, lexicon, caseless || !alone ? null : original ?? text, out var span))
            {
                Extend(spans, span, tokens, covered, i, end);
                added = true;
            }

            i = end;
        }

        if (added)
        {
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            DropAgencyKinds(spans, text, tokens);
        }

        return spans;
    }

    /// <summary>
    /// Agencies in lower case, once the tagger's parts are joined, made only of words that say a kind of agency: "county p
    /// d had nobody free", "sheriff's office can you hear me" (read as "s office"); in capitals they may be a short name
    /// ("Transit Police Chief"). A part next to a span found stays ("Hood River" and
    /// "County Sheriff's Office").
    /// </summary>
    private static bool AllLower(ReadOnlySpan<Token> tokens, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Kind == TokenKind.Word && !tokens[k].Has(TokenFlags.Lower))
            {
                return false;
            }
        }

        return true;
    }

    private static void DropAgencyKinds(List<PiiSpan> spans, string text, ReadOnlySpan<Token> tokens)
    {
        var k = 0;
        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            while (k < tokens.Length && tokens[k].End <= span.Start)
            {
                k++;
            }

            var last = k;
            while (last + 1 < tokens.Length && tokens[last + 1].Start < span.End)
            {
                last++;
            }

            var joined = s > 0 && spans[s - 1].End >= span.Start - 1; // ("Hood River" then "County Sheriff's Office")
            if (span.Label == PiiLabel.Agency && !joined && k < tokens.Length && AllLower(tokens, k, last) && PiiContextRules.IsAgencyKindOnly(text, tokens, k, last))
            {
                spans.RemoveAt(s--);
            }
        }
    }

    private static bool Accept(string text, ReadOnlySpan<Token> tokens, int first, int last, PiiLabel label, ReadOnlySpan<float> margins, float threshold, PiiLexicon lexicon, string? cased, out PiiSpan span)
    {
        span = default;
        while (first <= last && (tokens[first].Kind == TokenKind.Punct || IsFiller(text, tokens, first)))
        {
            first++;
        }

        while (last >= first && (tokens[last].Kind == TokenKind.Punct && !IsClosingAbbreviation(text, tokens, last) || IsFiller(text, tokens, last)))
        {
            last--;
        }

        if (first > last || InBrackets(text, tokens, first, last) || InMarkup(text, tokens[first].Start, tokens[last].End))
        {
            return false;
        }

        var meaningful = false;
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Kind == TokenKind.Punct)
            {
                continue;
            }

            if (margins[k] < threshold)
            {
                return false;
            }

            meaningful |= tokens[k].Kind != TokenKind.Word ||
                tokens[k].Length > 1 && !tokens[k].Is(Lex.Stop) && !tokens[k].Lex.Has(LexExtra.NotPii) && !tokens[k].Lex.Has(LexExtra.Model);
        }

        if (!meaningful || label != PiiLabel.Agency && PiiContextRules.IsRegionPart(text, tokens, first, last, lexicon) || label == PiiLabel.Age && !IsAge(text, tokens, first, last) || IsCommonWordWithoutCase(tokens, first, last) || cased is not null && label is PiiLabel.Person or PiiLabel.Location && IsOrdinaryLowerWords(cased, tokens, first, last) || IsPluralAcronym(text, tokens, first, last)
            || AfterMake(tokens, first, last) || PiiContextRules.IsGearMaker(text, tokens, first, last) || PiiContextRules.IsGear(text, tokens, last) || label == PiiLabel.Address && (first == last && tokens[first].Kind == TokenKind.Alnum || OrdinalsOnly(text, tokens, first, last) && !AfterStreetPreposition(text, tokens, first))
            || label == PiiLabel.Agency && (PiiContextRules.IsAgencyOfAKind(text, tokens, first, last) || IsWordAndSo(text, tokens, first, last) || PiiContextRules.IsCommandPost(text, tokens, first, last) || PiiContextRules.IsBareAirportPolice(text, tokens, first, last))
            || PiiContextRules.IsCodeOrLetters(text, tokens, first, last, label) || label != PiiLabel.Person && IsFieldLabel(text, tokens, first, last)
            || label is PiiLabel.Person or PiiLabel.Location && lexicon.IsVocabulary(text, tokens, first, last) || label == PiiLabel.Location && IsGenericRoad(text, tokens, first, last) || label is PiiLabel.Location or PiiLabel.Agency or PiiLabel.Person && PiiContextRules.IsModelPhraseAfterArticle(text, tokens, first, last, lexicon)
            || label == PiiLabel.Address && IsLaneCount(text, tokens, first, last) || label == PiiLabel.Location && (IsBearingOfNowhere(text, tokens, first, last) || IsOwnedCommonPlace(text, tokens, first, last)))
        {
            // (the last: a lone "1st" or "5th" is no street without its name or its partner: "between 1st and 2nd period")
            return false;
        }

        span = new PiiSpan(tokens[first].Start, tokens[last].End, label);
        return true;
    }

    /// <summary>"north of town", "east of here": a bearing from a place no name names, no place.</summary>
    private static bool IsBearingOfNowhere(string text, ReadOnlySpan<Token> tokens, int first, int last) =>
        last - first is 2 or 3 && PiiContextRules.Bearings.Contains(text, tokens[first]) && Is(text, tokens[first + 1], "of") && (last - first == 2 || Is(text, tokens[first + 2], "the"))
        && Nowheres.Contains(text, tokens[last]);

    private static readonly WordSet Nowheres = new(["town", "here", "there", "city", "camp", "base", "station"]);

    /// <summary>"at our county jail", "back to my duty station": a place of one's own in ordinary lower-case words.</summary>
    private static bool IsOwnedCommonPlace(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (first == last || !Owners.Contains(text, tokens[first]))
        {
            return false;
        }

        for (var k = first + 1; k <= last; k++)
        {
            if (tokens[k].Kind != TokenKind.Word || !tokens[k].Lex.IsEnglish || !tokens[k].Has(TokenFlags.Lower))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly WordSet Owners = new(["our", "my", "his", "her", "their", "your"]);

    /// <summary>"a two lane road", "four lane highway": how many lanes a road has, no address.</summary>
    private static bool IsLaneCount(string text, ReadOnlySpan<Token> tokens, int first, int last) =>
        last == first + 1 && LaneCounts.Contains(text, tokens[first])
        && (Is(text, tokens[last], "lane") || Is(text, tokens[last], "lanes"))
        && last + 1 < tokens.Length && (Is(text, tokens[last + 1], "road") || Is(text, tokens[last + 1], "highway"));

    private static readonly WordSet LaneCounts = new(["one", "two", "three", "four", "five", "six", "eight", "2", "4", "6"]);

    /// <summary>Words of a road or a landmark that name none alone: "the mile marker", "HIGHWAY", "the river bridge".</summary>
    private static readonly WordSet GenericRoadWords = new(["the", "mile", "marker", "markers", "highway", "hwy", "interstate", "freeway", "expressway", "exit", "bridge", "river",
        "road", "overpass", "underpass", "ramp", "junction", "interchange", "turnpike", "route", "shoulder", "median", "lane", "lanes", "truck", "stop", "rest", "area", "rural"]);

    /// <summary>
    /// Is the span only words of a road or a landmark in lower case, with no number or name (<see cref="GenericRoadWords"/>),
    /// nor a name's part before it ("Texas Canyon rest area")?
    /// </summary>
    private static bool IsGenericRoad(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (first > 0 && tokens[first - 1].Kind != TokenKind.Punct && !tokens[first - 1].Has(TokenFlags.Lower))
        {
            return false;
        }

        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Kind != TokenKind.Punct && !(tokens[k].Kind == TokenKind.Word && tokens[k].Has(TokenFlags.Lower) && GenericRoadWords.Contains(text, tokens[k])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A form's field name before its colon, opening a line or after a wide gap: one ordinary or sub-unit word ("DISTRICT: C-11", "UNIT: 3C14").</summary>
    private static bool IsFieldLabel(string text, ReadOnlySpan<Token> tokens, int first, int last) =>
        first == last && (first == 0 || tokens[first].Has(TokenFlags.NewlineBefore) || tokens[first].Start - tokens[first - 1].End >= 2) && tokens[first].Kind == TokenKind.Word && (tokens[first].Lex.IsEnglish || tokens[first].Is(Lex.SubUnit | Lex.Keyword))
        && last + 1 < tokens.Length && tokens[last + 1].Kind == TokenKind.Punct && text[tokens[last + 1].Start] == ':';

    /// <summary>"1st and 3rd": ordinals joined, no street's name among them.</summary>
    private static bool OrdinalsOnly(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        var joined = false;
        for (var k = first; k <= last; k++)
        {
            var w = text.AsSpan(tokens[k].Start, tokens[k].Length);
            joined |= w.Equals("and", StringComparison.OrdinalIgnoreCase);
            if (!(tokens[k].Kind == TokenKind.Alnum && char.IsAsciiDigit(w[0]) || tokens[k].Kind == TokenKind.Punct || w.Equals("and", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return joined && tokens[first].Kind == TokenKind.Alnum && tokens[last].Kind == TokenKind.Alnum;
    }

    /// <summary>"at 1st and 3rd", "on 5th": a street preposition before the span.</summary>
    private static bool AfterStreetPreposition(string text, ReadOnlySpan<Token> tokens, int first)
    {
        if (first == 0 || tokens[first - 1].Kind != TokenKind.Word)
        {
            return false;
        }

        return StreetPrepositions.Contains(text.AsSpan(tokens[first - 1].Start, tokens[first - 1].Length));
    }

    private static readonly WordSet StreetPrepositions = new(["at", "on", "near", "of", "off", "to"]);

    /// <summary>
    /// A name or place of the rules made only of ordinary English words ("plainclothes", "Fatigue", "Swift Water
    /// Awareness") that the tagger is sure is no PII: a second opinion on the rules' common words. A number said in words
    /// after a span's first word keeps it ("exit three eighteen", "highway two"): the tagger knows such words as counts,
    /// not as roads; a span that opens with one is struck as before ("five guys"). A nickname said to be one is kept too
    /// ("goes by sticks").
    /// </summary>
    private static bool IsOrdinaryWords(PiiSpan span, string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> tags, ReadOnlySpan<float> margins)
    {
        if (span.Label is not (PiiLabel.Person or PiiLabel.Location))
        {
            return false;
        }

        var first = First(tokens, span.Start);
        if (span.Label == PiiLabel.Person && (IsNicknameCue(text, tokens, first) || IsNameAnswer(text, tokens, first) || IsSelfNamed(text, tokens, first) || IsSpeakerLabel(span, text, tokens, first)))
        {
            return false;
        }

        if (span.Label == PiiLabel.Location && first >= 2 && Is(text, tokens[first - 1], "of") && tokens[first - 2].Kind == TokenKind.Word
            && PiiContextRules.Bearings.Contains(text, tokens[first - 2]))
        {
            return false; // a town after a bearing ("east of friend"), which the rules read by it (decision 087)
        }

        if (span.Label == PiiLabel.Location && PiiContextRules.IsNumberWord(text, tokens[first]) && AfterDirection(text, tokens, first))
        {
            return false; // "eastbound eighty at two fifty-five": a road by its number, which the tagger reads as a count
        }

        var words = 0;
        var said = false;
        for (var k = first; k < tokens.Length && tokens[k].Start < span.End; k++)
        {
            if (tokens[k].Kind == TokenKind.Punct)
            {
                continue;
            }

            if (tokens[k].Kind != TokenKind.Word || !tokens[k].Lex.IsEnglish || tags[k] != 0 || margins[k] < VetoThreshold)
            {
                return false;
            }

            words++;
            said |= words > 1 && PiiContextRules.IsNumberWord(text, tokens[k]);
        }

        return words > 0 && !said;
    }

    private static readonly string[] Directions = ["northbound", "southbound", "eastbound", "westbound"];

    /// <summary>Does a direction of travel come just before token <paramref name="k"/>, "on" or "the" between at most?</summary>
    private static bool AfterDirection(string text, ReadOnlySpan<Token> tokens, int k)
    {
        var b = k - 1;
        b -= b >= 0 && tokens[b].Kind == TokenKind.Word && text.AsSpan(tokens[b].Start, tokens[b].Length) is var w && (w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("on", StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
        if (b < 0 || tokens[b].Kind != TokenKind.Word)
        {
            return false;
        }

        var word = text.AsSpan(tokens[b].Start, tokens[b].Length);
        foreach (var direction in Directions)
        {
            if (word.Equals(direction, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a speaker says while thinking, in lower case and not joined by a hyphen ("um", "uh"; not "UM", "um-dearborn"): never the edge of a span.</summary>
    private static bool IsFiller(string text, ReadOnlySpan<Token> tokens, int k) =>
        tokens[k].Kind == TokenKind.Word && tokens[k].Length <= 4 && tokens[k].Has(TokenFlags.Lower) && PiiContextRules.Fillers.Contains(text, tokens[k])
        && !(k + 1 < tokens.Length && tokens[k + 1].Start == tokens[k].End && text[tokens[k + 1].Start] == '-');

    /// <summary>
    /// The first word of a speaker's turn after a line that asked for a name ("what's your name\nMALE: hunter", "hunter
    /// what\nMALE: hunter bly"): the name given in answer (the rules' <c>NameAnswers</c>).
    /// </summary>
    private static bool IsNameAnswer(string text, ReadOnlySpan<Token> tokens, int first)
    {
        if (first < 2 || text[tokens[first - 1].Start] != ':')
        {
            return false;
        }

        var line = first - 1;
        while (line > 0 && first - line < 6 && !tokens[line].Has(TokenFlags.NewlineBefore))
        {
            line--;
        }

        var asked = line - 1;
        asked -= asked > 0 && text[tokens[asked].Start] == '?' ? 1 : 0;
        return asked >= 0 && tokens[line].Has(TokenFlags.NewlineBefore) && (Is(text, tokens[asked], "name") || Is(text, tokens[asked], "what"));
    }

    /// <summary>
    /// A chat's speaker whose word is a listed name, opening a line before a colon and written with a capital ("Lane:
    /// stay behind ur engine block"): the rules counted its turns. A role or a heading ("CALLER:", "COVER:", "DATE:") is not one.
    /// </summary>
    private static bool IsSpeakerLabel(PiiSpan span, string text, ReadOnlySpan<Token> tokens, int first)
    {
        var after = First(tokens, span.End);
        return (first == 0 || tokens[first].Has(TokenFlags.NewlineBefore)) && after < tokens.Length && tokens[after].Start == span.End && text[span.End] == ':'
            && (tokens[first].Is(Lex.GivenName | Lex.Surname) || NicknameHeads.Contains(text, tokens[first])) && !tokens[first].Has(TokenFlags.Lower) && !PiiContextRules.NotSpeakers.Contains(text, tokens[first]);
    }

    /// <summary>The first words of nicknames a chat's speaker goes by: "Big Will:", "Lil Mo:".</summary>
    private static readonly WordSet NicknameHeads = new(["big", "lil", "little"]);

    /// <summary>A caller's own name as a call opens: "hey sarge it's bill uh" (the rules' <c>SelfNamed</c>).</summary>
    private static bool IsSelfNamed(string text, ReadOnlySpan<Token> tokens, int first) =>
        first >= 3 && Is(text, tokens[first - 1], "s") && text[tokens[first - 2].Start] == '\'' && Is(text, tokens[first - 3], "it") && tokens[first].Is(Lex.GivenName)
        && first + 1 < tokens.Length && (tokens[first + 1].Kind == TokenKind.Punct || IsFiller(text, tokens, first + 1) || Is(text, tokens[first + 1], "from") || tokens[first + 1].Has(TokenFlags.NewlineBefore));

    /// <summary>Words that say the next is a nickname or a name: "goes by sticks", "aka tank", "known as bear", "calls him moose", "somebody named rocky".</summary>
    private static bool IsNicknameCue(string text, ReadOnlySpan<Token> tokens, int first) =>
        first >= 2 && (Is(text, tokens[first - 1], "by") && Is(text, tokens[first - 2], "goes")
            || Is(text, tokens[first - 1], "as") && Is(text, tokens[first - 2], "known")
            || (Is(text, tokens[first - 1], "him") || Is(text, tokens[first - 1], "her")) && (Is(text, tokens[first - 2], "calls") || Is(text, tokens[first - 2], "called")))
        || first >= 1 && (Is(text, tokens[first - 1], "aka") || Is(text, tokens[first - 1], "named"))
        || first >= 1 && first + 2 < tokens.Length && Is(text, tokens[first - 1], "calls") && Is(text, tokens[first + 1], "real") && Is(text, tokens[first + 2], "name");

    private static bool Is(string text, in Token token, string word) =>
        token.Kind == TokenKind.Word && text.AsSpan(token.Start, token.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>"Hunter Deal" ... "Deal retired": a capitalised name that is a word of a longer name of the text (read in a text that has its own capitals).</summary>
    private static bool IsNamedInFull(List<PiiSpan> spans, PiiSpan span, string text)
    {
        if (span.Label != PiiLabel.Person || !char.IsUpper(text[span.Start]))
        {
            return false;
        }

        var word = text.AsSpan(span.Start, span.Length);
        foreach (var other in spans)
        {
            if (other.Label != PiiLabel.Person || other.Length <= span.Length || other.Start == span.Start)
            {
                continue;
            }

            var full = text.AsSpan(other.Start, other.Length);
            var at = full.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || full[at - 1] == ' ') && (at + word.Length == full.Length || full[at + word.Length] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static int First(ReadOnlySpan<Token> tokens, int start)
    {
        int low = 0, high = tokens.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (tokens[middle].End <= start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// A run that touches a span of the rules lengthens it ("Knox County" + "Detention Facility", "Ada County" +
    /// "Sheriff"): the rules found part of the name and the tagger the rest; otherwise it is a span of its own.
    /// </summary>
    private static void Extend(List<PiiSpan> spans, PiiSpan span, ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> covered, int first, int last)
    {
        // A rule's span on the line before or after is another entry's, not this one's ("WB PEACHTREE\n2342 ...").
        var before = first > 0 && covered[first - 1] && !tokens[first].Has(TokenFlags.NewlineBefore) ? tokens[first - 1].End : -1;
        var after = last + 1 < tokens.Length && covered[last + 1] && !tokens[last + 1].Has(TokenFlags.NewlineBefore) ? tokens[last + 1].Start : -1;
        for (var s = 0; s < spans.Count; s++)
        {
            var rule = spans[s];
            if ((rule.End == before && rule.End <= span.Start || rule.Start == after && rule.Start >= span.End) && !ClockAndName(rule.Label, span.Label))
            {
                spans[s] = rule with { Start = Math.Min(rule.Start, span.Start), End = Math.Max(rule.End, span.End) };
                return;
            }
        }

        spans.Add(span);
    }

    /// <summary>
    /// A time or a date beside a person ("0121 hodan: just cleared"), a call sign beside anything else ("copy transit twenty
    /// four union station"): two things, not one span.
    /// </summary>
    private static bool ClockAndName(PiiLabel rule, PiiLabel part) =>
        rule is PiiLabel.Time or PiiLabel.Date && part == PiiLabel.Person || part is PiiLabel.Time or PiiLabel.Date && rule == PiiLabel.Person
        || (rule == PiiLabel.BadgeId) != (part == PiiLabel.BadgeId);

    /// <summary>"a Hyundai Santa Fe": one word within two of a vehicle's make is its model, not a name or a place.</summary>
    private static bool AfterMake(ReadOnlySpan<Token> tokens, int first, int last) =>
        first == last && (first >= 1 && tokens[first - 1].Is(Lex.Brand) || first >= 2 && tokens[first - 2].Is(Lex.Brand));

    /// <summary>
    /// One ordinary word in lower case or opening a sentence ("rose", "chase", "Grant access"): its case says nothing, and
    /// a common word is a name only with more evidence than the tagger's.
    /// </summary>
    /// <summary>
    /// In a text that writes names with capitals, a run of ordinary words its writer wrote in lower case (<paramref
    /// name="cased"/>: the text as written, before the true-caser), each in the larger word list and none a name or a
    /// place of the gazetteers ("bought brisket and"): no name nor place, however the tagger reads them.
    /// </summary>
    private static bool IsOrdinaryLowerWords(string cased, ReadOnlySpan<Token> tokens, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Kind == TokenKind.Punct)
            {
                continue;
            }

            var word = cased.AsSpan(tokens[k].Start, tokens[k].Length);
            if (tokens[k].Kind != TokenKind.Word || word.ContainsAnyInRange('A', 'Z') || tokens[k].Is(NamesAndPlaces) || !tokens[k].Lex.IsEnglish && !PiiTerms.IsMoreWord(word))
            {
                return false;
            }
        }

        return true;
    }

    private const Lex NamesAndPlaces = Lex.GivenName | Lex.Surname | Lex.Place | Lex.PlaceHead | Lex.County | Lex.State;

    private static bool IsCommonWordWithoutCase(ReadOnlySpan<Token> tokens, int first, int last) =>
        first == last && tokens[first].Lex.IsEnglish && tokens[first].Has(TokenFlags.Lower | TokenFlags.SentenceStart);

    /// <summary>
    /// An ordinary word and a lower-case "so", or the word alone before it, read as a sheriff's office: "with the bosch
    /// kit so you'll have it"; a place's "pima so", "rio arriba so" stay.
    /// </summary>
    private static bool IsWordAndSo(string text, ReadOnlySpan<Token> tokens, int first, int last) =>
        (last == first + 1 && IsLowerSo(text, tokens[last]) || last == first && last + 1 < tokens.Length && IsLowerSo(text, tokens[last + 1])) // (or the word alone: "kit")
        && tokens[first].Lex.IsEnglish && !tokens[first].Is(Lex.Place | Lex.County | Lex.State) && !(first > 0 && tokens[first - 1].Is(Lex.Place | Lex.PlaceHead | Lex.County));

    private static bool IsLowerSo(string text, in Token token) =>
        token.Has(TokenFlags.Lower) && text.AsSpan(token.Start, token.Length).Equals("so", StringComparison.Ordinal);

    /// <summary>"TSOs", "CSOs": initials in the plural, a kind of officer.</summary>
    private static bool IsPluralAcronym(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        var word = text.AsSpan(tokens[first].Start, tokens[first].Length);
        return first == last && word.Length >= 3 && word[^1] == 's' && !word[..^1].ContainsAnyExceptInRange('A', 'Z');
    }

    /// <summary>The full stop of "St." or "Co." closing a run belongs to it.</summary>
    private static bool IsClosingAbbreviation(string text, ReadOnlySpan<Token> tokens, int k) =>
        text[tokens[k].Start] == '.' && k > 0 && tokens[k - 1].End == tokens[k].Start && tokens[k - 1].Lex.Flags.HasFlag(Lex.Abbreviation);

    /// <summary>A placeholder a reviewer or the detector put in ("[LOCATION]", "[the city]").</summary>
    private static bool InBrackets(string text, ReadOnlySpan<Token> tokens, int first, int last) =>
        first > 0 && text[tokens[first - 1].Start] == '[' && last + 1 < tokens.Length && text[tokens[last + 1].Start] == ']';

    /// <summary>
    /// "&lt;iframe srcdoc=...": a word inside a markup tag is the markup's, never a name; so is a word of script glued
    /// to it ("parent.__xss=1").
    /// </summary>
    private static bool InMarkup(string text, int start, int end)
    {
        if (end < text.Length && text[end] == '=' && start > 0 && text[start - 1] is '_' or '.')
        {
            return true;
        }

        var open = start > 0 ? text.LastIndexOf('<', start - 1) : -1;
        return open >= 0 && open + 1 < start && (char.IsAsciiLetter(text[open + 1]) || text[open + 1] == '/') && text.IndexOf('>', open, start - open) < 0;
    }

    private static void MarkCovered(List<PiiSpan> spans, ReadOnlySpan<Token> tokens, Span<bool> covered)
    {
        covered.Clear();
        var k = 0;
        foreach (var span in spans)
        {
            // (in any order: the steps below find the first token ending after the span's start from wherever k stands)
            while (k > 0 && tokens[k - 1].End > span.Start)
            {
                k--;
            }

            while (k < tokens.Length && tokens[k].End <= span.Start)
            {
                k++;
            }

            for (var m = k; m < tokens.Length && tokens[m].Start < span.End; m++)
            {
                covered[m] = true;
            }
        }
    }

    private static Span<T> Buffer<T>(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new T[Math.Max(length, 1024)];
        }

        return buffer.AsSpan(0, length);
    }
}
