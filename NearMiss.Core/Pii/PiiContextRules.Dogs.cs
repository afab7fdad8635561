namespace NearMiss.Core.Pii;

/// <summary>
/// Police dogs' and horses' names by their use (decision 079): the word after "K9" in any case ("K9 TOR", "k9 moose")
/// said again in the text, a name given ("a K-9 named Rook", "a shepherd named tank", "Dog: Ronan"), and every other
/// mention of it.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Words that say a text is about a police dog or horse.</summary>
    private static readonly WordSet DogWords = new(["k9", "canine", "dog", "dogs", "handler", "shepherd", "malinois", "horse", "mounted"]);

    /// <summary>Does "k9" or "K9" stand in the text: each "9" asked for the letter before it, faster than a search that ignores case.</summary>
    private static bool HasK9(string text)
    {
        for (var at = text.IndexOf('9'); at >= 0; at = text.IndexOf('9', at + 1))
        {
            if (at > 0 && text[at - 1] is 'k' or 'K')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What follows "K9" that is no dog's name: the dog's work, gear and people ("K9 unit", "K9 truck", "k9 track").</summary>
    private static readonly WordSet K9Things = new(["unit", "units", "handler", "handlers", "officer", "officers", "deputy", "deputies", "team", "teams", "truck", "car", "vehicle", "van", "tahoe", "program",
        "training", "track", "tracks", "tracking", "sniff", "sniffs", "search", "searches", "bite", "bites", "alert", "alerts", "deployment", "deployed", "deploy", "sergeant", "sgt", "trooper", "cpl", "corporal",
        "lieutenant", "lt", "dep", "ofc", "was", "is", "and", "or", "on", "in", "to", "for", "with", "from", "at", "call", "request", "requested", "available", "school", "kennel", "vest", "leash", "cert",
        "certification", "coverage", "support", "demo", "partner", "dog", "agent", "supervisor", "trainer", "instructor", "academy", "case", "apprehension", "narcotics", "patrol", "detection", "explosives", "bomb", "almost", "nearly", "just", "also", "then", "still", "got", "never", "only"]);

    private void DogNamesByUse(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(DogWords) && !TextHasWord("k") && !HasK9(text))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            var name = DogNameAt(k);
            if (name < 0 || Overlaps(added, tokens[name].Start, tokens[name].End))
            {
                continue;
            }

            // After "K9" a word may be the dog's work ("K9 building search", "K9 stabbed"): its name is said again as
            // the one who acts, opening a clause ("Bear was locked on", "HRS TOR TOOK A TRACK", "and tank goes nuts").
            var given = NameGiven(name);
            // "my k9 bear was in my car", "... out. k9 ranger was in the back": a handler's own dog, named once as it acts.
            var acts = IsK9(name - 1) && (EqAny(name - 2, "my", "our", "his", "her") || name == 1 || P(name - 2, '.') || tokens[name - 1].Has(TokenFlags.NewlineBefore))
                && In(DogVerbs, name + 1) && Spaced(name, name + 1);
            for (var j = 0; j < count && !given && !acts; j++)
            {
                acts = IsMention(j, name) && In(DogVerbs, j + 1) && Spaced(j, j + 1)
                    && (j == 0 || tokens[j].Has(TokenFlags.NewlineBefore) || tokens[j - 1].Kind == TokenKind.Punct || EqAny(j - 1, "and", "then", "if", "when", "but", "so", "til", "until", "before", "after"));
            }

            if (!given && !acts)
            {
                continue;
            }

            for (var j = 0; j < count; j++)
            {
                if ((j == name || IsMention(j, name)) && !Overlaps(spans, tokens[j].Start, tokens[j].End) && !Overlaps(added, tokens[j].Start, tokens[j].End))
                {
                    added.Add(new PiiSpan(tokens[j].Start, tokens[j].End, PiiLabel.OtherId));
                }
            }
        }
    }

    /// <summary>What a dog named after "K9" does when it is said again: "Bear was locked on", "tank goes nuts", "TOR TOOK A TRACK".</summary>
    private static readonly WordSet DogVerbs = new(["was", "is", "had", "has", "got", "went", "took", "tracked", "alerted", "alerts", "hit", "hits", "goes", "found", "bit", "bites", "pulled", "pulls",
        "started", "did", "didnt", "doesnt", "never", "engaged", "indicated", "spooked", "locked", "ran", "caught", "sniffed", "likes", "wants", "needs", "jumped", "barked", "grabbed", "tackled", "sent"]);

    /// <summary>
    /// Is token <paramref name="j"/> another mention of the name at <paramref name="name"/>: the same word, not after an
    /// article or a possessive ("the tank", "a bear"), with a capital where the name has one (unless case shows nothing).
    /// </summary>
    private bool IsMention(int j, int name) =>
        j != name && IsWord(j) && tokens[j].Length == tokens[name].Length && W(j).Equals(W(name), StringComparison.OrdinalIgnoreCase) && !IsDeterminer(j - 1)
        && (caseless || char.IsUpper(text[tokens[j].Start]) == char.IsUpper(text[tokens[name].Start]));

    /// <summary>The token of a dog's name opening at <paramref name="k"/>'s cue ("K9 moose", "K-9 named Rook", "Dog: Ronan"), or -1.</summary>
    private int DogNameAt(int k)
    {
        int n;
        if (IsK9(k))
        {
            n = k + 1;
        }
        else if (Eq(k, "k") && P(k + 1, '-') && Eq(k + 2, "9") && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End)
        {
            n = k + 3;
        }
        else if (Eq(k, "named") && TextHas(DogWords) && IsDogBefore(k))
        {
            n = k + 1;
        }
        else if ((EqAny(k, "dog", "horse") || IsK9(k)) && P(k + 1, ':') && (k == 0 || tokens[k].Has(TokenFlags.NewlineBefore) || P(k - 1, '.')))
        {
            n = k + 2;
        }
        else
        {
            return -1;
        }

        // (a word in lower case where the text has capitals names no dog unless a name is given: "the K9 bit him")
        n += Eq(n, "named") ? 1 : 0;
        return IsWord(n) && !In(DogVerbs, n) && !EqAny(n, "sat", "let", "saw", "put", "led", "dug", "ate", "lay", "won", "cut", "set")
            && (NameGiven(n) || caseless || !tokens[n].Has(TokenFlags.Lower)) && tokens[n].Length >= 3 && !tokens[n].Has(TokenFlags.NewlineBefore) && !W(n).EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !W(n).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !tokens[n].Is(Lex.Stop | Lex.Month | Lex.Weekday | Lex.Measure) && (!tokens[n].Is(Lex.Rank) || In(RanksDogsAreNamed, n))
            && !In(K9Things, n) && !PersonRecogniser.HandlerTitles.Contains(text, tokens[n]) && !IsNumberWord(n) && !tokens[n].Lex.Has(LexExtra.NotPii) ? n : -1;
    }

    /// <summary>Ranks that are also dogs' names, read as the dog's after "K9" ("k9 ranger was in the back"): no handler is called by them.</summary>
    private static readonly WordSet RanksDogsAreNamed = new(["ranger", "chief", "major"]);

    /// <summary>"K9" or "k9", a token of letters and digits.</summary>
    private bool IsK9(int k) => (uint)k < (uint)count && tokens[k].Length == 2 && W(k).Equals("k9", StringComparison.OrdinalIgnoreCase);

    /// <summary>Is the name at <paramref name="n"/> given as one: "a K-9 named Rook", "Dog: Ronan"?</summary>
    private bool NameGiven(int n) => Eq(n - 1, "named") || P(n - 1, ':');

    /// <summary>Is "named" at <paramref name="k"/> said of a dog or horse ("a K-9 named Rook", "a shepherd named tank", "a dog named Rocco")?</summary>
    private bool IsDogBefore(int k)
    {
        var a = k - 1;
        return In(DogWords, a) || Eq(a, "9") && P(a - 1, '-') || Eq(a, "malinois") || Eq(a, "lab") || Eq(a, "mare") || Eq(a, "gelding");
    }
}
