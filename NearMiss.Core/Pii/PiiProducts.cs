namespace NearMiss.Core.Pii;

/// <summary>
/// Products named in reports: "a Boston Whaler", "his Scott Air-Pak", "the Whelen Liberty II", "a Carhartt Duck coat"
/// (Data/products.txt, decision 062). Their words are names and places elsewhere ("Boston", "Scott", "Liberty"), so
/// the detector's last step drops a person, place, agency or address found inside a product's name: a name of several
/// words as listed, or a maker listed alone, each with up to two model words after it ("II", "Power-PRO", "Defender").
/// A rank or title just before the name ("Deputy Stryker Lucas"), or one of its words found as a person elsewhere in
/// the text ("Lucas said"), keeps the span: it may be the person after all.
/// </summary>
internal static class PiiProducts
{
    /// <summary>Tokens of the longest name in the list ("smith &amp; wesson m&amp;p shield" is seven; hyphens count).</summary>
    private const int MaxNameTokens = 10;

    private const int MaxModelWords = 2;

    public static List<PiiSpan> Drop(List<PiiSpan> spans, string text, ReadOnlySpan<Token> tokens, PiiLexicon lexicon)
    {
        if (spans.Count == 0)
        {
            return spans;
        }

        var anyProductWord = AnyProductWord(tokens);

        for (var s = spans.Count - 1; s >= 0; s--)
        {
            var span = spans[s];
            if (span.Label is not (PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency or PiiLabel.Address or PiiLabel.Date))
            {
                continue;
            }

            var first = FirstToken(tokens, span.Start);
            var last = LastToken(tokens, span.End);
            if (span.Label == PiiLabel.Date && !(first == last && IsWord(tokens, first)))
            {
                continue; // (a date only as a weekday alone: "some Sunday driver")
            }

            if (first >= 0 && first == last && span.Label != PiiLabel.Date && IsMakersPlural(text, tokens, first, lexicon) && !NamedElsewhere(text, tokens, spans, (first, last), span, lexicon))
            {
                spans.RemoveAt(s);
                continue;
            }

            if (first >= 0 && last - first is 0 or 1 && span.Label != PiiLabel.Date && IsMakersGear(text, tokens, first, lexicon) && !NamedElsewhere(text, tokens, spans, (first, last), span, lexicon))
            {
                spans.RemoveAt(s);
                continue;
            }

            if (span.Label is PiiLabel.Location or PiiLabel.Person && first >= 0 && IsDemonymPhrase(text, tokens, first, last, lexicon))
            {
                spans.RemoveAt(s);
                continue;
            }

            if (span.Label == PiiLabel.Location && first >= 1 && IsThingNamedLikeAPlace(text, tokens, first, last, lexicon))
            {
                spans.RemoveAt(s);
                continue;
            }

            first += first >= 0 && first < last && IsColour(text, tokens[first]) ? 1 : 0; // (a vehicle's colour before its make: "Gray Chevy Colorado")
            if (!anyProductWord || !ProductWordNear(tokens, first))
            {
                continue;
            }

            if (first <= last && Within(text, tokens, first, last, lexicon) is { } name && !NamedElsewhere(text, tokens, spans, name, span, lexicon))
            {
                spans.RemoveAt(s);
            }
        }

        return spans;
    }

    /// <summary>
    /// A maker's name in the plural, what its products are called ("my Oakleys", "the Danners took it", "two
    /// Benellis", "a pack of Marlboros"): a word of the list with an "s" added, owned, counted or after "the"; a family
    /// ("the Oakleys next door") is rare in a report, and no common surname counts ("the Fords", "the Smiths").
    /// </summary>
    private static bool IsMakersPlural(string text, ReadOnlySpan<Token> tokens, int k, PiiLexicon lexicon)
    {
        var token = tokens[k];
        var word = text.AsSpan(token.Start, token.Length);
        if (token.Kind != TokenKind.Word || word.Length < 5 || word[^1] != 's' || word[^2] == 's' || token.Is(Lex.Place | Lex.County | Lex.State | Lex.Surname | Lex.GivenName)
            || lexicon.Get(word[..^1]) is not { Product: not LexProduct.None } maker || maker.SurnameCount >= 50_000 || maker.GivenCount >= 50_000 || k == 0)
        {
            return false;
        }

        // Owned or counted, as gear is: "my Oakleys", "two new Kongs", "the Benellis are back" (not "of the Americas").
        var before = k - 1;
        var owner = text.AsSpan(tokens[before].Start, tokens[before].Length);
        if (owner.Equals("new", StringComparison.OrdinalIgnoreCase) || owner.Equals("old", StringComparison.OrdinalIgnoreCase))
        {
            before--;
            if (before < 0)
            {
                return false;
            }

            owner = text.AsSpan(tokens[before].Start, tokens[before].Length);
        }

        if (owner.Equals("of", StringComparison.OrdinalIgnoreCase) && before > 0 && Quantities.Contains(text, tokens[before - 1]))
        {
            return true; // "a pack of Marlboros"
        }

        return tokens[before].Kind == TokenKind.Number || OwnedWords.Contains(text, tokens[before])
            || owner.Equals("the", StringComparison.OrdinalIgnoreCase) && !(before > 0 && PlaceWords.Contains(text, tokens[before - 1]));
    }

    /// <summary>
    /// A maker of the list before a piece of gear it makes, the gear's word not in the list with it, in the span or after
    /// it: "a red Hogue grip sleeve", "my COLUMBIA HOOD", "the Yale latch". No common name counts ("Smith", "Kelly"), nor
    /// a word after a rank.
    /// </summary>
    private static bool IsMakersGear(string text, ReadOnlySpan<Token> tokens, int k, PiiLexicon lexicon)
    {
        var token = tokens[k];
        if (token.Kind != TokenKind.Word || token.Lex.Product == LexProduct.None || token.Lex.SurnameCount >= 50_000 || token.Lex.GivenCount >= 50_000
            || k + 1 >= tokens.Length || tokens[k + 1].Kind != TokenKind.Word || tokens[k + 1].Start != token.End + 1 || tokens[k + 1].Has(TokenFlags.Capitalized)
            || k > 0 && tokens[k - 1].Is(Lex.Rank))
        {
            return false;
        }

        return GearNouns.Contains(text, tokens[k + 1]);
    }

    /// <summary>
    /// Things a maker's name goes before: clothes, bags, locks and a gun's parts; no word that is also a verb ("Tiny saw
    /// it", "Bear can").
    /// </summary>
    private static readonly WordSet GearNouns = new(["hood", "jacket", "coat", "parka", "fleece", "vest", "boot", "shoes", "gloves", "hat", "beanie", "shirt", "hoodie", "pants", "jeans", "bibs",
        "backpack", "cooler", "lantern", "stove", "tent", "grip", "sleeve", "holster", "flashlight", "latch", "deadbolt", "padlock", "blanket",
        "thermos", "mug", "tumbler", "bottle", "bottles", "sunglasses", "helmet", "respirator", "beacon", "transceiver", "cleats", "sneakers", "waders", "canteen"]);

    /// <summary>
    /// A place's name used as a thing's, after "a" or "an" and closing the phrase: "his was a Columbia, mine is", "a Mal.",
    /// "a Saint Bernard,", "there's an Exigency." A place so written is an adjective ("a Chicago officer", "a Leon County
    /// warrant"); a chain's store stays ("at a Wawa,").
    /// </summary>
    private static bool IsThingNamedLikeAPlace(string text, ReadOnlySpan<Token> tokens, int k, int last, PiiLexicon lexicon)
    {
        if (!AfterIndefiniteArticle(text, tokens, k) || tokens[k].Kind != TokenKind.Word
            || !(last == k || last == k + 1 && Saints.Contains(text, tokens[k]) && tokens[last].Kind == TokenKind.Word) || lexicon.IsChain(text.AsSpan(tokens[k].Start, tokens[k].Length)))
        {
            return false;
        }

        return last + 1 >= tokens.Length || tokens[last + 1].Has(TokenFlags.NewlineBefore)
            || tokens[last + 1].Kind == TokenKind.Punct && text[tokens[last + 1].Start] is '.' or ',' or ';' or ':' or '!' or '?' or ')';
    }

    /// <summary>
    /// What a nation's people are called, alone or before up to two ordinary words in lower case: "Swedish meatballs", "a Hawaiian
    /// shirt", "Somali" (ANNOTATION.md marks no nationality). Not before a premise or a street ("the Irish Pub", "argentine
    /// yard"), after a word of going ("back from swedish"), nor with a capitalised word (the true-caser's too) or a word of
    /// a name or place list ("Spanish Fork", "Mexican Hat", "Irish Hills").
    /// </summary>
    private static bool IsDemonymPhrase(string text, ReadOnlySpan<Token> tokens, int first, int last, PiiLexicon lexicon)
    {
        if (last - first > 2 || tokens[first].Kind != TokenKind.Word || !lexicon.IsDemonym(text.AsSpan(tokens[first].Start, tokens[first].Length)))
        {
            return false;
        }

        if (last == first && (first > 0 && tokens[first - 1].Kind == TokenKind.Word && Destinations.Contains(text, tokens[first - 1])
            || last + 1 < tokens.Length && tokens[last + 1].Is(Lex.PremiseSuffix | Lex.StreetSuffix)))
        {
            return false; // a premise so named: "back from swedish", "argentine yard"
        }

        for (var k = first + 1; k <= last; k++)
        {
            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (tokens[k].Kind != TokenKind.Word || !tokens[k].Has(TokenFlags.Lower) || !lexicon.IsEnglish(word, tokens[k].Lex) && !PiiTerms.IsMoreWord(word)
                || tokens[k].Is(Lex.Place | Lex.PlaceHead | Lex.County | Lex.PremiseSuffix | Lex.StreetSuffix | Lex.OrgSuffix | Lex.GivenName | Lex.Surname))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words before a place one goes to or comes from: "from swedish" (a hospital so named).</summary>
    private static readonly WordSet Destinations = new(["from", "to", "at", "into", "in", "near"]);

    /// <summary>A saint's word that opens a place's name of two words ("a Saint Bernard,").</summary>
    private static readonly WordSet Saints = new(["saint", "st", "san", "santa"]);

    private static readonly WordSet OwnedWords = new(["my", "his", "her", "our", "their", "your", "some", "those", "these", "two", "three", "four", "five", "six", "pair", "spare"]);

    /// <summary>What holds a maker's goods, before "of": "a pack of Marlboros", "a case of Coronas".</summary>
    private static readonly WordSet Quantities = new(["pack", "packs", "box", "boxes", "case", "cases", "carton", "pair", "couple", "bunch", "bag", "can", "cans", "bottle", "bottles"]);

    /// <summary>Words before "the" that lead to a place: "in the Americas", "of the Rockies".</summary>
    private static readonly WordSet PlaceWords = new(["of", "in", "to", "at", "from", "near", "into", "through", "across", "over", "toward", "towards"]);

    internal static readonly string[] Colours = ["black", "white", "gray", "grey", "silver", "red", "blue", "green", "tan", "maroon", "gold", "brown", "beige"];

    private static bool IsColour(string text, Token token)
    {
        var word = text.AsSpan(token.Start, token.End - token.Start);
        foreach (var colour in Colours)
        {
            if (word.Equals(colour, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyProductWord(ReadOnlySpan<Token> tokens)
    {
        foreach (ref readonly var token in tokens)
        {
            if (token.Lex.Product != LexProduct.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A product's first word or a maker stands at token <paramref name="first"/> or close enough before it to name a product it lies in.</summary>
    private static bool ProductWordNear(ReadOnlySpan<Token> tokens, int first)
    {
        for (var b = Math.Max(0, first - MaxNameTokens + 1); b <= first && b < tokens.Length; b++)
        {
            if (tokens[b].Lex.Product != LexProduct.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The product's name with its model words (first and last token) that tokens <paramref name="first"/> to <paramref name="last"/> lie within, if any.</summary>
    private static (int First, int Last)? Within(string text, ReadOnlySpan<Token> tokens, int first, int last, PiiLexicon lexicon)
    {
        for (var b = Math.Max(0, first - MaxNameTokens + 1); b <= first; b++)
        {
            if (tokens[b].Lex.Product == LexProduct.None || !IsWord(tokens, b) || Titled(text, tokens, b))
            {
                continue;
            }

            var product = tokens[b].Lex.Product;
            if (b >= first - 1 && (product & LexProduct.Word) != 0 && ModelWords(text, tokens, b, lexicon) is var modelEnd && modelEnd >= last)
            {
                return (b, modelEnd);
            }

            if ((product & LexProduct.Head) == 0)
            {
                continue;
            }

            // The name grows a token at a time while it is still the start of some product's name.
            for (var e = b + 1; e < tokens.Length && e < b + MaxNameTokens; e++)
            {
                var name = ProductName(text, tokens, b, e, lexicon);
                if (name == Name.Full && ModelWords(text, tokens, e, lexicon) is var end && end >= last)
                {
                    return (b, end);
                }

                if (name == Name.None)
                {
                    break;
                }
            }
        }

        return null;
    }

    private enum Name
    {
        None,
        Start,
        Full,
    }

    /// <summary>Whether tokens <paramref name="b"/> to <paramref name="e"/>, on one line, their words one space apart, are a product's name of the list, or its start.</summary>
    private static Name ProductName(string text, ReadOnlySpan<Token> tokens, int b, int e, PiiLexicon lexicon)
    {
        Span<char> buffer = stackalloc char[128];
        var length = 0;
        for (var k = b; k <= e; k++)
        {
            if (k > b && tokens[k].Has(TokenFlags.NewlineBefore))
            {
                return Name.None;
            }

            if (k > b && tokens[k].Start > tokens[k - 1].End)
            {
                if (length == buffer.Length)
                {
                    return Name.None;
                }

                buffer[length++] = ' ';
            }

            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (length + word.Length > buffer.Length)
            {
                return Name.None;
            }

            word.CopyTo(buffer[length..]);
            length += word.Length;
        }

        return lexicon.IsProductPhrase(buffer[..length]) ? Name.Full : lexicon.IsProductPrefix(buffer[..length]) ? Name.Start : Name.None;
    }

    /// <summary>The last token of the model words after token <paramref name="k"/>: numbers, codes and words that are no name ("II", "Power-PRO", "Defender").</summary>
    private static int ModelWords(string text, ReadOnlySpan<Token> tokens, int k, PiiLexicon lexicon)
    {
        for (var model = 0; model < MaxModelWords; model++)
        {
            var next = k + 1;
            if (next >= tokens.Length || tokens[next].Has(TokenFlags.NewlineBefore) || !IsModelWord(text, tokens[next], lexicon) || BeforePlate(text, tokens, next))
            {
                break;
            }

            k = next;
            while (k + 2 < tokens.Length && tokens[k + 1].Kind == TokenKind.Punct && text[tokens[k + 1].Start] == '-'
                && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End && tokens[k + 2].Kind != TokenKind.Punct)
            {
                k += 2;
            }
        }

        return k;
    }

    /// <summary>Words that end a product's name rather than continue it: "a Ford Explorer NJ plate", "the Whelen Liberty Sgt".</summary>
    private const Lex NoModel = Lex.Stop | Lex.GivenName | Lex.Rank | Lex.Role | Lex.State | Lex.StateCode | Lex.Place | Lex.County | Lex.Country | Lex.Month | Lex.Weekday;

    private static bool IsModelWord(string text, in Token token, PiiLexicon lexicon) => token.Kind switch
    {
        TokenKind.Number or TokenKind.Alnum => true,
        TokenKind.Word => !token.Has(TokenFlags.Lower) && !token.Is(NoModel)
            && (token.Has(TokenFlags.AllCaps) && token.Length <= 4 || token.Lex.Flags == Lex.None || lexicon.IsEnglish(Word(text, token), token.Lex)),
        _ => false,
    };

    /// <summary>Token <paramref name="k"/> names the state of a plate: "a Ford F-150 CHIH plate", "Dodge Ram TX tags".</summary>
    private static bool BeforePlate(string text, ReadOnlySpan<Token> tokens, int k)
    {
        if (!IsWord(tokens, k + 1))
        {
            return false;
        }

        var next = Word(text, tokens[k + 1]);
        return next.StartsWith("plate", StringComparison.OrdinalIgnoreCase) || next.StartsWith("tag", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Token <paramref name="k"/> follows "a" or "an": a thing's name, or a kind ("a Corso", "an Oakley").</summary>
    private static bool AfterIndefiniteArticle(string text, ReadOnlySpan<Token> tokens, int k) =>
        k >= 1 && IsWord(tokens, k - 1) && Word(text, tokens[k - 1]) is var article
        && (article.Equals("a", StringComparison.OrdinalIgnoreCase) || article.Equals("an", StringComparison.OrdinalIgnoreCase));

    /// <summary>A rank, role or title stands before token <paramref name="k"/>: "Deputy Sam Browne", "Mr. Penn".</summary>
    internal static bool Titled(string text, ReadOnlySpan<Token> tokens, int k)
    {
        var before = k - 1;
        if (before >= 0 && tokens[before].Kind == TokenKind.Punct && text[tokens[before].Start] == '.')
        {
            before--;
        }

        if (!IsWord(tokens, before))
        {
            return false;
        }

        var word = Word(text, tokens[before]);
        return tokens[before].Is(Lex.Rank | Lex.Role) || word.Equals("mr", StringComparison.OrdinalIgnoreCase) || word.Equals("mrs", StringComparison.OrdinalIgnoreCase)
            || word.Equals("ms", StringComparison.OrdinalIgnoreCase) || word.Equals("miss", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A given name or surname of the product's name stands in a person span outside it, other than the span <paramref name="found"/> itself.</summary>
    private static bool NamedElsewhere(string text, ReadOnlySpan<Token> tokens, List<PiiSpan> spans, (int First, int Last) name, PiiSpan found, PiiLexicon lexicon)
    {
        var nameStart = tokens[name.First].Start;
        var nameEnd = tokens[name.Last].End;
        for (var k = name.First; k <= name.Last; k++)
        {
            if (!IsWord(tokens, k) || !tokens[k].Is(Lex.GivenName | Lex.Surname))
            {
                continue;
            }

            var word = Word(text, tokens[k]);
            foreach (var span in spans)
            {
                // (the product named again is no person: "a Grady-White comes off plane" … "ran the Grady-White down"; nor
                // is another product: "Oscar Mike back to the car, Charlie Mike"; nor a word after "a": "a Corso off leash")
                if (span.Label != PiiLabel.Person || span.Start >= nameStart && span.End <= nameEnd || span == found
                    || text.AsSpan(span.Start, span.Length).Equals(text.AsSpan(nameStart, nameEnd - nameStart), StringComparison.OrdinalIgnoreCase)
                    || Within(text, tokens, FirstToken(tokens, span.Start), LastToken(tokens, span.End), lexicon) is not null
                    || AfterIndefiniteArticle(text, tokens, FirstToken(tokens, span.Start)))
                {
                    continue;
                }

                for (var j = FirstToken(tokens, span.Start); j < tokens.Length && tokens[j].End <= span.End; j++)
                {
                    if (Word(text, tokens[j]).Equals(word, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    internal static bool IsWord(ReadOnlySpan<Token> tokens, int k) => k >= 0 && k < tokens.Length && tokens[k].Kind == TokenKind.Word;

    internal static ReadOnlySpan<char> Word(string text, in Token token) => text.AsSpan(token.Start, token.Length);

    /// <summary>The first token that ends after <paramref name="start"/>.</summary>
    internal static int FirstToken(ReadOnlySpan<Token> tokens, int start)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[mid].End <= start)
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

    /// <summary>The last token that starts before <paramref name="end"/>.</summary>
    internal static int LastToken(ReadOnlySpan<Token> tokens, int end)
    {
        var k = FirstToken(tokens, end);
        return k < tokens.Length && tokens[k].Start < end ? k : k - 1;
    }
}
