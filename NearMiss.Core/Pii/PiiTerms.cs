namespace NearMiss.Core.Pii;

/// <summary>
/// Terms of the trade written in Title Case: "the Head Custodian", "our Trail Crew Lead", "at the Entry Post", "Bear
/// Spray", "a Fend-Off Position" (Data/terms.txt, decision 064). Their words are names and places elsewhere ("Art",
/// "Bear", "Post"), so the rules and the tagger read them as people, places and agencies. The detector's last step
/// drops a person, place or agency span that ends in a listed head noun of a job, a post or a piece of gear when every
/// word of it is an ordinary word. It keeps the span when a rank or title stands before it ("Sgt. Lead"), when the
/// head is itself a common name ("Hunter", "Park"), and when a word of it is a county, a state or a town of 20,000
/// people or more ("Pike County Jail").
/// </summary>
internal static class PiiTerms
{
    /// <summary>A head noun that is a name this often in the Census or SSA lists is not passed over as a term.</summary>
    private const int CommonName = 5_000;

    private const int LargePlace = 20_000;

    private static readonly WordSet NumberWords = new(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety", "hundred", "thousand"]);

    private static readonly Dictionary<string, List<string>> Sections = PiiLexicon.ReadSections("terms.txt");

    private static readonly WordSet Heads = new(Sections.Values.SelectMany(static lines => lines).SelectMany(Split).ToArray());

    /// <summary>Heads of gear and drills, whose modifiers may be words no list knows ("Ballistic Shield", "Takedown Lights").</summary>
    private static readonly WordSet Gear = new(Sections["gear"].SelectMany(Split).ToArray());

    public static List<PiiSpan> Drop(List<PiiSpan> spans, string text, ReadOnlySpan<Token> tokens, PiiLexicon lexicon)
    {
        for (var s = spans.Count - 1; s >= 0; s--)
        {
            var span = spans[s];
            if (span.Label is not (PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency))
            {
                continue;
            }

            var first = PiiProducts.FirstToken(tokens, span.Start);
            var last = PiiProducts.LastToken(tokens, span.End);
            if (first <= last && IsTerm(text, tokens, first, last, lexicon) && !Titled(text, tokens, first))
            {
                spans.RemoveAt(s);
            }
        }

        return spans;
    }

    /// <summary>
    /// Clears a text in which every span left is a place, agency or address made of ordinary words ("Safety", "Home
    /// Visit", "Entry Post", "Roadway"): no number or number word, no word that is not an ordinary one, no county, state,
    /// country or town of 20,000 people ("United States"), no street or company suffix. A report that names someone
    /// almost always has another span too (a person, a date, a time, a number, a place), so what is left are the
    /// Title-Case words of the trade that a PII-free report is full of (decision 064). A person is never such a term:
    /// nicknames and names that are words ("moose", "Hey Bear") are found on evidence.
    /// </summary>
    public static List<PiiSpan> DropIfOnlyTerms(List<PiiSpan> spans, string text, ReadOnlySpan<Token> tokens, PiiLexicon lexicon)
    {
        foreach (var span in spans)
        {
            if (!Weak(span, text, tokens, lexicon))
            {
                return spans;
            }
        }

        spans.Clear();
        return spans;
    }

    private static bool Weak(PiiSpan span, string text, ReadOnlySpan<Token> tokens, PiiLexicon lexicon)
    {
        if (span.Label is not (PiiLabel.Location or PiiLabel.Agency or PiiLabel.Address))
        {
            return false;
        }

        var first = PiiProducts.FirstToken(tokens, span.Start);
        var last = PiiProducts.LastToken(tokens, span.End);
        if (first > last || last > first && lexicon.PhrasePopulation(text.AsSpan(span.Start, span.End - span.Start)) >= LargePlace)
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

            if (t.Kind != TokenKind.Word || !Ordinary(PiiProducts.Word(text, t), t, lexicon, madeLike: last > first)
                || t.Is(Lex.County | Lex.State | Lex.Country | Lex.OrgSuffix | Lex.StreetSuffix) || t.Lex.PlacePopulation >= LargePlace
                || NumberWords.Contains(text, t) || span.Label != PiiLabel.Agency && !Generic(PiiProducts.Word(text, t), t))
            {
                return false;
            }

            words++;
        }

        return words > 0;
    }

    /// <summary>
    /// A word that names a kind of place, not a place: a listed head, a word of the trade, a generic modifier, a kind of
    /// premises or an abstract noun ("Qualification Range", "Jail", "Transportation"); not "Palomino" of "Palomino Motel".
    /// </summary>
    private static bool Generic(ReadOnlySpan<char> word, in Token t) =>
        Heads.Contains(word) || t.Lex.Has(LexExtra.NotPii | LexExtra.GenericModifier) || t.Is(Lex.PremiseSuffix) || PiiLexicon.HasAbstractEnding(word);

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
}
