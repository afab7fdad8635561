namespace NearMiss.Core.Pii;

/// <summary>A capitalised word read as a person or a place; then later mentions of names already found.</summary>
internal sealed partial class PiiScanner
{
    private int PersonOrPlace(int i)
    {
        ref var t = ref T(i);
        if (t.Is(Lex.Stop) || t.Is(Lex.Brand) && !t.Is(Lex.State))
        {
            return 0;
        }

        // National store and restaurant chains: "the Kroger on Hamilton Ave".
        if (lexicon.IsChain(W(i)))
        {
            Emit(i, i + 1, PiiLabel.Location);
            return i + 1;
        }

        // Multi-word places and states: "Rapid City", "New York", "St. Louis".
        if (t.Is(Lex.PlaceHead))
        {
            for (var n = 4; n >= 2; n--)
            {
                var last = i;
                var ok = true;
                for (var k = 1; k < n && ok; k++)
                {
                    last++;
                    if (P(last, '.') && Adj(last))
                    {
                        last++;
                    }

                    ok = last < count && Cap(last) && !tokens[last].Has(TokenFlags.NewlineBefore);
                }

                if (!ok)
                {
                    continue;
                }

                var population = lexicon.PhrasePopulation(Chars(i, last + 1));
                if (population >= 1000 || population >= 0 && Eq(last + 1, "county"))
                {
                    if (AgencySuffixEnd(last + 1) > 0)
                    {
                        return 0;
                    }

                    Emit(i, last + 1, PiiLabel.Location);
                    return last + 1;
                }
            }
        }

        // Initial and surname: "C. Whitlock".
        if (IsInitial(i) && Cap(i + 2) && !tokens[i + 2].Is(Lex.Stop) && !tokens[i + 2].Is(Lex.Common) && (tokens[i + 2].Is(Lex.Surname) || tokens[i + 2].Is(Lex.GivenName) || tokens[i + 2].Lex.Flags == Lex.None))
        {
            var end = NameEnd(i, 2);
            Emit(i, end, PiiLabel.Person);
            return end;
        }

        var given = t.Is(Lex.GivenName) && t.Lex.GivenCount >= 1500;
        var common = t.Is(Lex.Common);
        var role = Is(i - 1, Lex.Role) || (P(i - 1, ',') && Is(i - 2, Lex.Role)) || (P(i - 1, '"') && Is(i - 2, Lex.Role));

        // First name (+ middle) + surname.
        if ((given || role || t.Has(TokenFlags.NonAscii)) && !t.Is(Lex.Month) && !t.Is(Lex.State) && !t.Is(Lex.Country) && !t.Is(Lex.Rank) && !t.Is(Lex.SubUnit)
            && !t.Is(Lex.StreetSuffix) && !t.Is(Lex.PremiseSuffix) && t.Length > 1)
        {
            var end = NameEnd(i, 3);
            if (end > i + 1)
            {
                var second = i + 1;
                var strongSecond = Cap(second) && (tokens[second].Is(Lex.Surname) || tokens[second].Is(Lex.GivenName) || tokens[second].Lex.Flags == Lex.None || tokens[second].Has(TokenFlags.NonAscii)) || P(second, '"') || IsInitial(second);
                if (!common || strongSecond && !tokens[second].Is(Lex.Common))
                {
                    Emit(i, end, PiiLabel.Person);
                    return end;
                }
            }
        }

        // Single-word places, states and countries.
        if (t.Is(Lex.State) || t.Is(Lex.Country))
        {
            if (AgencySuffixEnd(i + 1) > 0 || Eq(i + 1, "state") && AgencySuffixEnd(i + 1) > 0)
            {
                return 0;
            }

            Emit(i, i + 1, PiiLabel.Location);
            return i + 1;
        }

        if (t.Is(Lex.Place) && t.Lex.PlacePopulation >= 1000 && !common)
        {
            var locative = Is(i - 1, Lex.Locative) || (P(i + 1, ',') && (Is(i + 2, Lex.StateCode) || Is(i + 2, Lex.State)));
            var big = t.Lex.PlacePopulation >= 20000 && !(given && t.Lex.GivenCount > 20000) && !t.Has(TokenFlags.SentenceStart);
            if (locative && (!given || t.Lex.PlacePopulation >= 5000 || P(i + 1, ',')) || big || Is(i + 1, Lex.Role) && t.Lex.PlacePopulation >= 20000 || EqAny(i + 1, "officers", "deputies", "detectives", "police", "troopers"))
            {
                Emit(i, i + 1, PiiLabel.Location);
                return i + 1;
            }
        }

        // A single given name: "Steve", "Angela told us". At a sentence start an English word ("Precious", "Rain") is a
        // name only when the name is frequent; later mentions catch the rest.
        var weakStart = t.Has(TokenFlags.SentenceStart) && IsOrdinaryWordName(i);
        if (given && !common && !weakStart && t.Lex.GivenCount >= 8000 && !t.Is(Lex.Month) && !t.Is(Lex.Rank) && !t.Is(Lex.SubUnit) && !t.Is(Lex.PremiseSuffix) && !t.Is(Lex.StreetSuffix) && !t.Is(Lex.Place | Lex.State)
            || (given && !common && t.Lex.GivenCount >= 8000 && !t.Is(Lex.State) && !t.Has(TokenFlags.SentenceStart)))
        {
            if (_dogContext && (Eq(i - 1, "partner") || Eq(i - 1, "k9")))
            {
                Emit(i, i + 1, PiiLabel.OtherId);
                return i + 1;
            }

            Emit(i, i + 1, PiiLabel.Person);
            return i + 1;
        }

        // "Jones, Smith and Davis": a firm named after its partners.
        if (t.Is(Lex.Surname) && P(i + 1, ',') && Cap(i + 2) && Is(i + 2, Lex.Surname) && Eq(i + 3, "and") && Cap(i + 4) && Is(i + 4, Lex.Surname))
        {
            Emit(i, i + 5, PiiLabel.Agency);
            return i + 5;
        }

        // A single surname or a given name inside a sentence: "Mann", "Virpi".
        var midSentence = !t.Has(TokenFlags.SentenceStart);
        if (midSentence && !common && !t.Is(Lex.Month | Lex.Rank | Lex.SubUnit | Lex.PremiseSuffix | Lex.StreetSuffix | Lex.OrgSuffix | Lex.Brand | Lex.Weapon | Lex.Measure)
            && (t.Lex.SurnameCount >= 2000 || given))
        {
            var end = NameEnd(i, 3);
            Emit(i, end, PiiLabel.Person);
            return end;
        }

        // A sentence that opens with a name and a verb: "Scott is", "Enrico shouted", "Adomo began", "Ruiz asked". Ordinary
        // words ("Target was", "Intel had", "Tactics is") need more: a later mention, a surname, a rank.
        if (!midSentence && !common && t.Length >= 3 && IsNarrativeVerb(i + 1)
            && (given && !weakStart || SentenceStartSurname(i) || t.Lex.Flags == Lex.None && !IsVerbOrAdverbShape(i) && !IsOrdinaryWord(i)))
        {
            Emit(i, i + 1, PiiLabel.Person);
            return i + 1;
        }

        // Words no list knows, written as proper nouns: "Flateyri", "Ushurma Dratchev", "STAXROITH".
        var unknown = t.Lex.Flags == Lex.None || (t.Has(TokenFlags.NonAscii) && !common);
        if (unknown && !midSentence && (Is(i + 1, Lex.GivenName | Lex.Weekday | Lex.Month | Lex.Holiday) && Cap(i + 1) || IsVerbOrAdverbShape(i)))
        {
            return 0;
        }

        if (unknown && !midSentence && IsOrdinaryWord(i))
        {
            return 0;
        }

        var lineStart = t.Has(TokenFlags.NewlineBefore) || i == 0;
        if (unknown && t.Length >= 3 && (midSentence || P(i + 1, ':') || lineStart && (i + 1 >= count || tokens[i + 1].Has(TokenFlags.NewlineBefore)) || Cap(i + 1) && !Is(i + 1, Lex.Stop | Lex.Common)))
        {
            var end = NameEnd(i, 3);
            var person = false;
            for (var k = i; k < end; k++)
            {
                person |= tokens[k].Is(Lex.GivenName | Lex.Surname);
            }

            Emit(i, end, person || end > i + 1 ? PiiLabel.Person : PiiLabel.Location);
            return end;
        }

        return 0;
    }

    private bool IsNarrativeVerb(int j) =>
        EqAny(j, "is", "was", "had", "has", "began", "said", "told", "shouted", "asked", "spent", "lives", "works", "will", "would", "and");

    /// <summary>An English word that no name list holds often enough to outweigh it: "Target", "Precious", "Protocol".</summary>
    private bool IsOrdinaryWordName(int i)
    {
        ref var t = ref T(i);
        return t.Lex.GivenCount < 50_000 && t.Lex.SurnameCount < 50_000 && lexicon.IsEnglish(W(i), t.Lex);
    }

    /// <summary>A word no name list holds that reads as English: in the word list, a plural of one, or a noun/adjective ending.</summary>
    private bool IsOrdinaryWord(int i)
    {
        if (lexicon.IsEnglish(W(i), tokens[i].Lex))
        {
            return true;
        }

        var w = W(i);
        if (tokens[i].Has(TokenFlags.NonAscii) || w.Length < 6)
        {
            return false;
        }

        foreach (var ending in EnglishEndings)
        {
            if (w.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] EnglishEndings =
        ["tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "hood", "ics", "ology", "ful", "less", "ous", "ive", "able", "ible", "yl", "ide"];

    /// <summary>A frequent surname opening a sentence ("Ruiz asked", "Nguyen was"), not a place or an English word.</summary>
    private bool SentenceStartSurname(int i)
    {
        ref var t = ref T(i);
        return t.Lex.SurnameCount >= 2000 && !IsOrdinaryWordName(i)
            && !t.Is(Lex.Place | Lex.State | Lex.Country | Lex.County | Lex.Month | Lex.Weekday | Lex.Rank | Lex.Role | Lex.SubUnit | Lex.PremiseSuffix | Lex.StreetSuffix | Lex.OrgSuffix | Lex.Brand | Lex.Weapon | Lex.Measure | Lex.Keyword);
    }

    /// <summary>Word endings of verbs and adverbs ("Briefed", "Turning", "Afterwards", "Quickly"): not names when unknown.</summary>
    private bool IsVerbOrAdverbShape(int i)
    {
        var w = W(i);
        return w.Length >= 5 && (w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("ly", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ward", StringComparison.OrdinalIgnoreCase) || w.EndsWith("wards", StringComparison.OrdinalIgnoreCase));
    }

    // ------------------------------------------------------------------ propagation
    private void Propagate()
    {
        if (_spans.Count == 0)
        {
            return;
        }

        HashSet<string>? names = null;
        HashSet<string>? dogs = null;
        HashSet<string>? surnames = null;
        foreach (var span in _spans)
        {
            if (span.Label is not (PiiLabel.Person or PiiLabel.OtherId))
            {
                continue;
            }

            var first = TokenAfter(span.Start);
            for (var k = first; k < count && tokens[k].Start < span.End; k++)
            {
                ref var t = ref T(k);
                if (t.Kind != TokenKind.Word || t.Length < 3 || t.Is(Lex.Stop))
                {
                    continue;
                }

                if (span.Label == PiiLabel.Person)
                {
                    (names ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(k).ToString());
                    if (k > first && tokens[k].End == span.End && t.Has(TokenFlags.Capitalized))
                    {
                        // The surname of a full name ("Brianna Love"): later "Love was" is the person, even as a common word.
                        (surnames ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(k).ToString());
                    }
                }
                else if (span.Length == t.Length)
                {
                    (dogs ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(k).ToString());
                }
            }
        }

        if (names is null && dogs is null)
        {
            return;
        }

        if (dogs is not null)
        {
            // A dog's name found first as a dog ("K9 Bruno") and later read as a person's ("Bruno alerted").
            var dogNames = dogs.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var n = 0; n < _spans.Count; n++)
            {
                var span = _spans[n];
                if (span.Label == PiiLabel.Person && dogNames.Contains(text.AsSpan(span.Start, span.Length)))
                {
                    _spans[n] = span with { Label = PiiLabel.OtherId };
                }
            }
        }

        var nameLookup = names?.GetAlternateLookup<ReadOnlySpan<char>>();
        var dogLookup = dogs?.GetAlternateLookup<ReadOnlySpan<char>>();
        var added = false;
        var s = 0;
        var original = _spans.Count;
        for (var k = 0; k < count; k++)
        {
            ref var t = ref T(k);
            if (t.Kind != TokenKind.Word || t.Length < 3)
            {
                continue;
            }

            while (s < original && _spans[s].End <= t.Start)
            {
                s++;
            }

            if (s < original && _spans[s].Start <= t.Start)
            {
                continue;
            }

            var w = W(k);
            var common = t.Is(Lex.Common) || t.Is(Lex.Stop);
            if (common && !t.Has(TokenFlags.Capitalized))
            {
                continue;
            }

            if (common && t.Has(TokenFlags.SentenceStart) && !(dogLookup is { } dogs0 && dogs0.Contains(w)) && !(surnames is not null && surnames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w)))
            {
                continue;
            }

            if (dogLookup is { } dl0 && dl0.Contains(w))
            {
                _spans.Add(new PiiSpan(t.Start, t.End, PiiLabel.OtherId));
                added = true;
            }
            else if (nameLookup is { } nl && nl.Contains(w))
            {
                _spans.Add(new PiiSpan(t.Start, t.End, PiiLabel.Person));
                added = true;
            }
            else if (dogLookup is { } dl && dl.Contains(w))
            {
                _spans.Add(new PiiSpan(t.Start, t.End, PiiLabel.OtherId));
                added = true;
            }
        }

        if (added)
        {
            _spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }
}
