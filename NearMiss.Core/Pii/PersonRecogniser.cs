namespace NearMiss.Core.Pii;

/// <summary>
/// People: a name after a rank, a role or "named"; first name and surname; a single given name or surname by the
/// name lists' frequencies; unknown proper nouns; names in lower-case text; a police dog's name (OTHER_ID,
/// <c>PersonRecogniser.Dogs.cs</c>); then, after the scan, later mentions of the names found
/// (<c>PersonRecogniser.Mentions.cs</c>).
/// </summary>
internal sealed partial class PersonRecogniser(PiiScan scan) : PiiRecogniser(scan)
{
    /// <summary>A rank or title and the name after it: "Sgt. Maria Delgado", "Deputy Marshal Tom Reyes", "ofc smith".</summary>
    public int Rank(int i)
    {
        if (!tokens[i].Is(Lex.Rank) || CapsMode)
        {
            return 0;
        }

        var j = i + 1;
        var noun = tokens[i].Is(Lex.NounRank) && !tokens[i].Has(TokenFlags.AllCaps);
        if (P(j, '.') && Adj(j))
        {
            j++;
            noun = false;
        }

        // The country inside a title: "Deputy U.S. Marshal".
        var country = Eq(j, "u") && P(j + 1, '.') && Eq(j + 2, "s") && P(j + 3, '.') ? j + 4 : Eq(j, "us") && tokens[j].Has(TokenFlags.AllCaps) ? j + 1 : j;
        var titled = country > j;
        if (titled)
        {
            if (country >= count || !tokens[country].Is(Lex.Rank))
            {
                return country < count && tokens[country].Has(TokenFlags.Lower) ? country : 0; // "deputy U.S. marshals"
            }

            j = country;
        }

        // Chained titles: "Deputy Marshal", "Instructor Lt.".
        while (j < count && tokens[j].Is(Lex.Rank) && tokens[j].Kind == TokenKind.Word && (Cap(j) || LowerMode) && !IsNameToken(j, strict: true))
        {
            noun = tokens[j].Is(Lex.NounRank);
            j++;
            if (P(j, '.') && Adj(j))
            {
                j++;
                noun = false;
            }
        }

        if (tokens[i].Has(TokenFlags.Lower) && !LowerMode && !EqAny(i, "ofc", "sgt", "dep", "det", "cpl", "lt", "tpr", "officer", "deputy", "trooper", "detective", "sergeant", "corporal"))
        {
            return 0;
        }

        // The name stands on the rank's line: "Report Type: Near Miss" then "Job Function:" is no "Miss Job". In lower
        // case, a given name that is also a word goes with a surname after it ("officer brook ashby", "deputy grace tafoya").
        // (said twice, as speech stumbles: "officer brook brook ashby", "deputy rusty uh rusty mills")
        var again = j + 1;
        while (again < j + 3 && again < count && tokens[again].Kind == TokenKind.Word && PiiContextRules.Fillers.Contains(text, tokens[again]))
        {
            again++;
        }

        var surname = again < count && IsWord(again) && W(again).Equals(W(j), StringComparison.OrdinalIgnoreCase) ? again + 1 : j + 1;
        var worded = !tokens[j].Has(TokenFlags.NewlineBefore) && IsWordedGivenName(j) && IsNameToken(surname, strict: true) && !tokens[surname].Has(TokenFlags.NewlineBefore);
        if (!worded && !IsNameToken(j, strict: noun || tokens[i].Has(TokenFlags.Lower)) || tokens[j].Has(TokenFlags.NewlineBefore)
            || PiiContextRules.IsNumberWord(text, tokens[j])) // (a unit's call: "Marshal Twelve on scene")
        {
            return titled ? j : 0; // (a title with the country in it is a title, not an agency: "a Deputy U.S. Marshal")
        }

        if (worded && surname > j + 2)
        {
            Emit(j, j + 1, PiiLabel.Person); // (the name said first, apart from the pause)
            j = surname - 1;
        }

        var end = worded ? NameEnd(surname, 2, lower: true) : NameEnd(j, 3, lower: tokens[j].Has(TokenFlags.Lower));
        if (IsInitial(j) && end == j + 2)
        {
            // "Trooper A.", "Officer B.": a letter standing for a name already withheld.
            return end;
        }

        Emit(j, end, PiiLabel.Person);
        return end;
    }

    /// <summary>A given name in lower case that is also an ordinary word ("brook", "grace", "will", "hunter").</summary>
    private bool IsWordedGivenName(int j) =>
        IsWord(j) && tokens[j].Has(TokenFlags.Lower) && tokens[j].Is(Lex.GivenName) && tokens[j].Length > 2 && !Is(j, Lex.Stop | Lex.Measure | Lex.Month | Lex.Weekday | Lex.Rank | Lex.Locative);

    /// <summary>"recruit m. estrada": a lower-case initial and a frequent surname after a role or rank.</summary>
    public int LowerCaseInitialAndSurname(int i)
    {
        ref var t = ref T(i);
        if (t.Length == 1 && t.Has(TokenFlags.Lower) && P(i + 1, '.') && Adj(i + 1) && IsWord(i + 2) && tokens[i + 2].Has(TokenFlags.Lower)
            && tokens[i + 2].Lex.SurnameCount >= 1000 && !Is(i + 2, Lex.Common | Lex.Stop | Lex.Measure | Lex.Locative) && (RoleBefore(i) || Is(i - 1, Lex.Rank)))
        {
            Emit(i, i + 3, PiiLabel.Person);
            return i + 3;
        }

        return 0;
    }

    /// <summary>Lower-case text, or after a role: "patricia desrosiers", "benjamin a seiler".</summary>
    public int LowerCaseName(int i)
    {
        ref var t = ref T(i);
        if (!t.Has(TokenFlags.Capitalized) && (LowerMode || RoleBefore(i)) && t.Has(TokenFlags.Lower) && t.Is(Lex.GivenName) && t.Lex.GivenCount >= 1500 && !t.Is(Lex.Common | Lex.Stop | Lex.Measure | Lex.Locative | Lex.Month | Lex.Rank)
            && IsWord(i + 1) && tokens[i + 1].Has(TokenFlags.Lower) && !tokens[i + 1].Has(TokenFlags.NewlineBefore) && !Is(i + 1, Lex.Common | Lex.Stop | Lex.Measure | Lex.Locative)
            && (Is(i + 1, Lex.Surname) || tokens[i + 1].Has(TokenFlags.NonAscii) || tokens[i + 1].Lex.Flags == Lex.None || IsInitial(i + 1) || tokens[i + 1].Length == 1))
        {
            var end = i + 2;
            if (tokens[i + 1].Length == 1 && IsWord(end) && tokens[end].Has(TokenFlags.Lower) && !Is(end, Lex.Common | Lex.Stop))
            {
                end++;
            }

            Emit(i, end, PiiLabel.Person);
            return end;
        }

        return 0;
    }

    /// <summary>Initial and surname: "C. Whitlock"; not a question's label at a line's start ("Q. Take me through it").</summary>
    public int InitialAndSurname(int i)
    {
        if (IsProperNounCandidate(i) && IsInitial(i) && Cap(i + 2) && !tokens[i + 2].Is(Lex.Stop) && !tokens[i + 2].Is(Lex.Common)
            && (tokens[i + 2].Is(Lex.Surname) || tokens[i + 2].Is(Lex.GivenName) || tokens[i + 2].Lex.Flags == Lex.None)
            && !(Eq(i, "q") && (i == 0 || tokens[i].Has(TokenFlags.NewlineBefore))))
        {
            var end = NameEnd(i, 2);
            Emit(i, end, PiiLabel.Person);
            return end;
        }

        return 0;
    }

    /// <summary>First name (+ middle) + surname; a role before an unknown first word ("suspect Dax Orlov").</summary>
    public int FullName(int i)
    {
        if (!IsProperNounCandidate(i))
        {
            return 0;
        }

        ref var t = ref T(i);
        var given = IsFrequentGivenName(i);
        var common = t.Is(Lex.Common);
        var role = Is(i - 1, Lex.Role) || (P(i - 1, ',') && Is(i - 2, Lex.Role)) || (P(i - 1, '"') && Is(i - 2, Lex.Role)) || EqAny(i - 1, "was", "is") && Is(i - 2, Lex.Role);
        if ((given || role || t.Has(TokenFlags.NonAscii)) && !t.Is(Lex.Month) && !t.Is(Lex.State) && !t.Is(Lex.Country) && !t.Is(Lex.Rank) && !t.Is(Lex.SubUnit)
            && !t.Is(Lex.StreetSuffix) && !t.Is(Lex.PremiseSuffix) && t.Length > 1)
        {
            var end = NameEnd(i, 3);
            if (end > i + 1)
            {
                var second = i + 1;
                var strongSecond = Cap(second) && (tokens[second].Is(Lex.Surname) || tokens[second].Is(Lex.GivenName) || tokens[second].Lex.Flags == Lex.None || tokens[second].Has(TokenFlags.NonAscii)) || P(second, '"') || IsInitial(second);
                if (!common || strongSecond && !tokens[second].Is(Lex.Common) || role && t.Is(Lex.GivenName) && Cap(second) && tokens[second].Is(Lex.Surname) && end == i + 2)
                {
                    Emit(i, end, PiiLabel.Person);
                    return end;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// A given name and a surname, ordinary words or not, with the evidence of "and I" / "and me" after them ("Summer
    /// Hill and I were working") or an apposition ("Frank Price, the track boss").
    /// </summary>
    public int NameWithEvidence(int i)
    {
        if (!IsProperNounCandidate(i) || !tokens[i].Is(Lex.GivenName) || !Cap(i + 1) || !tokens[i + 1].Is(Lex.Surname) || tokens[i + 1].Has(TokenFlags.NewlineBefore)
            || tokens[i].Lex.Has(LexExtra.NotPii) || tokens[i + 1].Lex.Has(LexExtra.NotPii) || tokens[i].Is(Lex.Month | Lex.Weekday | Lex.Rank | Lex.Place | Lex.State))
        {
            return 0;
        }

        var andI = Eq(i + 2, "and") && (Eq(i + 3, "i") || Eq(i + 3, "me"));
        var apposition = P(i + 2, ',') && EqAny(i + 3, "the", "a", "his", "her", "my", "our") && IsWord(i + 4) && tokens[i + 4].Has(TokenFlags.Lower);
        if (!andI && !apposition)
        {
            return 0;
        }

        Emit(i, i + 2, PiiLabel.Person);
        return i + 2;
    }

    /// <summary>"P.O. Kasia Zielinski": the dotted rank of a police officer and the name after it.</summary>
    public int DottedRank(int i)
    {
        if (Eq(i, "p") && P(i + 1, '.') && Eq(i + 2, "o") && P(i + 3, '.') && Adj(i + 1) && Adj(i + 2) && Cap(i + 4) && !Eq(i + 4, "box") && IsNameToken(i + 4, strict: false))
        {
            var end = NameEnd(i + 4, 3);
            Emit(i + 4, end, PiiLabel.Person);
            return end;
        }

        return 0;
    }

    /// <summary>
    /// A single given name: "Steve", "Angela told us". At a sentence start an English word ("Precious", "Rain") is a
    /// name only when the name is frequent; later mentions catch the rest. After "partner" or "K9" with a dog about, the
    /// dog's name (OTHER_ID).
    /// </summary>
    public int GivenName(int i)
    {
        if (!IsProperNounCandidate(i))
        {
            return 0;
        }

        ref var t = ref T(i);
        var given = IsFrequentGivenName(i);
        var common = t.Is(Lex.Common);
        if (!given || common)
        {
            return 0;
        }

        var weakStart = t.Has(TokenFlags.SentenceStart) && IsOrdinaryWordName(i);
        if (given && !common && !weakStart && t.Lex.GivenCount >= 8000 && !t.Is(Lex.Month) && !t.Is(Lex.Rank) && !t.Is(Lex.SubUnit) && !t.Is(Lex.PremiseSuffix) && !t.Is(Lex.StreetSuffix) && !t.Is(Lex.Place | Lex.State)
            || (given && !common && t.Lex.GivenCount >= 8000 && !t.Is(Lex.State) && !t.Has(TokenFlags.SentenceStart)))
        {
            if (DogContext && (Eq(i - 1, "partner") || Eq(i - 1, "k9")))
            {
                Emit(i, i + 1, PiiLabel.OtherId);
                return i + 1;
            }

            Emit(i, i + 1, PiiLabel.Person);
            return i + 1;
        }

        return 0;
    }

    /// <summary>A single surname or a given name inside a sentence: "Mann", "Virpi".</summary>
    public int Surname(int i)
    {
        if (!IsProperNounCandidate(i))
        {
            return 0;
        }

        ref var t = ref T(i);
        if (!t.Has(TokenFlags.SentenceStart) && !t.Is(Lex.Common) && !t.Is(Lex.Month | Lex.Rank | Lex.SubUnit | Lex.PremiseSuffix | Lex.StreetSuffix | Lex.OrgSuffix | Lex.Brand | Lex.Weapon | Lex.Measure)
            && (t.Lex.SurnameCount >= 2000 || IsFrequentGivenName(i)))
        {
            var end = NameEnd(i, 3);
            Emit(i, end, PiiLabel.Person);
            return end;
        }

        return 0;
    }

    /// <summary>
    /// A sentence that opens with a name and a verb: "Scott is", "Enrico shouted", "Adomo began", "Ruiz asked". Ordinary
    /// words ("Target was", "Intel had", "Tactics is") need more: a later mention, a surname, a rank.
    /// </summary>
    public int SentenceStartName(int i)
    {
        if (!IsProperNounCandidate(i))
        {
            return 0;
        }

        ref var t = ref T(i);
        if (t.Has(TokenFlags.SentenceStart) && !t.Is(Lex.Common) && t.Length >= 3 && IsNarrativeVerb(i + 1)
            && (IsFrequentGivenName(i) && !IsOrdinaryWordName(i) || SentenceStartSurname(i) || t.Lex.Flags == Lex.None && !IsVerbOrAdverbShape(i) && !IsOrdinaryWord(i)))
        {
            Emit(i, i + 1, PiiLabel.Person);
            return i + 1;
        }

        return 0;
    }

    /// <summary>
    /// Words no list knows, written as proper nouns: "Flateyri", "Ushurma Dratchev", "STAXROITH" (a PERSON when a word
    /// of the run is a name, the run is longer than one word or a role comes before it, otherwise a LOCATION).
    /// </summary>
    public int UnknownProperNoun(int i)
    {
        if (!IsProperNounCandidate(i))
        {
            return 0;
        }

        ref var t = ref T(i);
        var common = t.Is(Lex.Common);
        var midSentence = !t.Has(TokenFlags.SentenceStart);
        var unknown = t.Lex.Flags == Lex.None || (t.Has(TokenFlags.NonAscii) && !common);
        if (unknown && !midSentence && (Is(i + 1, Lex.GivenName | Lex.Weekday | Lex.Month | Lex.Holiday) && Cap(i + 1) || IsVerbOrAdverbShape(i)))
        {
            return Stop;
        }

        // "a Containment plan": an ordinary word on its own, not inside a run of capitals ("Division of Conservation").
        if (unknown && IsOrdinaryWord(i) && (!midSentence || !InCapitalRun(i)))
        {
            return Stop;
        }

        if (IsPluralAcronym(i))
        {
            // "PFDs", "EMTs", "SUVs": an acronym's plural, not a name.
            return Stop;
        }

        var lineStart = t.Has(TokenFlags.NewlineBefore) || i == 0;
        if (unknown && t.Length >= 3 && (midSentence || P(i + 1, ':') || lineStart && (i + 1 >= count || tokens[i + 1].Has(TokenFlags.NewlineBefore)) || Cap(i + 1) && !Is(i + 1, Lex.Stop | Lex.Common)))
        {
            var end = NameEnd(i, 3);
            var person = Is(i - 1, Lex.Role); // ("the driver Jaswinder", "victim Oluwaseun")
            for (var k = i; k < end; k++)
            {
                person |= tokens[k].Is(Lex.GivenName | Lex.Surname);
            }

            Emit(i, end, person || end > i + 1 ? PiiLabel.Person : PiiLabel.Location);
            return end;
        }

        return 0;
    }

    /// <summary>Names after "name", "named", "called"; a dog's name after "K9", "canine", "dog" or, with a dog about, "partner".</summary>
    public int Keywords(int i)
    {
        var w = W(i);
        if (!tokens[i].Is(Lex.Keyword) || w.Length > 12)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        switch (lower)
        {
            case "name" or "named" or "called":
                {
                    // "my name is borna jerković", "Name: Martim A Pereira", "gave the name \"Steve\"".
                    var j = i + 1;
                    if (EqAny(j, "is", "was") || P(j, ':'))
                    {
                        j++;
                    }

                    // Said to be a name, a given name that is also a word is one: "his name is hunter", "name was grant", "a
                    // lady named holly".
                    var stated = (j > i + 1 || w.Equals("named", StringComparison.OrdinalIgnoreCase))
                        && (IsWordedGivenName(j) || IsWord(j) && tokens[j].Has(TokenFlags.Capitalized) && tokens[j].Is(Lex.GivenName) && !tokens[j].Has(TokenFlags.SentenceStart)
                            && (Is(i - 1, Lex.Role) || EqAny(i - 1, "somebody", "someone", "guy", "man", "woman", "lady", "kid", "boy", "girl", "dude", "person", "fella", "male", "female"))); // ("somebody named Rocky")
                    if (P(j, '"'))
                    {
                        j++;
                    }

                    if (IsWord(j) && !tokens[j].Is(Lex.Stop) && (!tokens[j].Is(Lex.Common) || stated) && !tokens[j].Is(Lex.Rank) && (tokens[j].Has(TokenFlags.Capitalized) || tokens[j].Has(TokenFlags.Lower) && (tokens[j].Is(Lex.GivenName | Lex.Surname) || tokens[j].Has(TokenFlags.NonAscii) || tokens[j].Lex.Flags == Lex.None)))
                    {
                        var end = NameEnd(j, 3, lower: tokens[j].Has(TokenFlags.Lower));
                        if (tokens[j].Has(TokenFlags.Lower))
                        {
                            end = j + 1;
                            while (end < count && end < j + 3 && IsWord(end) && (tokens[end].Has(TokenFlags.Lower) || stated && Cap(end)) && !tokens[end].Is(Lex.Stop) && (!tokens[end].Is(Lex.Common) || stated && tokens[end].Is(Lex.Surname) && !IsVerbAfterNameWord(W(end)) && !Eq(end, "said")) && !tokens[end].Is(Lex.Locative)
                                && (tokens[end].Is(Lex.GivenName | Lex.Surname) || tokens[end].Has(TokenFlags.NonAscii) || tokens[end].Lex.Flags == Lex.None))
                            {
                                end++;
                            }
                        }

                        Emit(j, end, PiiLabel.Person);
                        return end;
                    }

                    return 0;
                }
            case "k9" or "canine" or "dog":
                return DogName(i + 1);
            case "partner" when DogContext:
                return DogName(i + 1);

            default:
                return 0;
        }
    }

    /// <summary>Is token j the start of a name (after a rank or in a name run)?</summary>
    public bool IsNameToken(int j, bool strict)
    {
        if (j >= count)
        {
            return false;
        }

        if (IsInitial(j))
        {
            return true;
        }

        ref var t = ref T(j);
        if (t.Kind != TokenKind.Word || t.Is(Lex.Stop) || t.Is(Lex.Month) || t.Is(Lex.Weekday) || t.Is(Lex.SubUnit) && !t.Is(Lex.Surname))
        {
            return false;
        }

        var known = t.Is(Lex.GivenName) || t.Is(Lex.Surname) || t.Has(TokenFlags.NonAscii);
        if (t.Has(TokenFlags.Capitalized))
        {
            if (strict)
            {
                return known && !(t.Is(Lex.Common) && !t.Is(Lex.GivenName)) && !EqAny(j, "safety", "survival", "down", "involved", "wellness", "friendly", "presence");
            }

            return !t.Is(Lex.StreetSuffix) || t.Is(Lex.Surname);
        }

        if (t.Has(TokenFlags.Lower) && (LowerMode || strict))
        {
            // After a rank abbreviated in lower case, also a word no list knows, run together or not ("sgt littlefeather", "ofc
            // blackhorse"); not a verb's or an adverb's shape ("sgt deployed"), nor after "officer" ("deputy unhurt").
            var unknown = t.Lex.Flags == Lex.None && t.Length >= 4 && !t.Lex.Has(LexExtra.NotPii) && !lexicon.IsEnglish(W(j), t.Lex) && !lexicon.LooksEnglish(W(j))
                && j >= 1 && tokens[j - 1].Is(Lex.Rank) && tokens[j - 1].Has(TokenFlags.Lower) && tokens[j - 1].Length <= 4 && !tokens[j - 1].Is(Lex.Stop) && !IsVerbOrAdverbShape(j);
            return (known || unknown) && !t.Is(Lex.Common) && !t.Is(Lex.Measure) && !t.Is(Lex.Locative);
        }

        return false;
    }

    /// <summary>Extends a name from its first token over further name tokens, initials and a quoted nickname.</summary>
    public int NameEnd(int j, int max, bool lower = false)
    {
        var end = j + 1;
        if (IsInitial(j))
        {
            end = j + 2;
        }

        var taken = 1;
        while (end < count && taken < max + 1)
        {
            if (tokens[end].Has(TokenFlags.NewlineBefore))
            {
                break;
            }

            // O'Brien, Smith-Jones.
            if ((P(end, '\'') || P(end, '-') || P(end, '’')) && Adj(end) && Adj(end + 1) && IsWord(end + 1) && tokens[end + 1].Length > 1)
            {
                end += 2;
                continue;
            }

            // Ray "Tiny" Sandoval.
            if (P(end, '"') && Cap(end + 1) && P(end + 2, '"') && IsNameToken(end + 3, strict: false) && Cap(end + 3))
            {
                end += 3;
                continue;
            }

            if (IsInitial(end))
            {
                end += 2;
                taken++;
                continue;
            }

            ref var t = ref T(end);
            var cont = t.Kind == TokenKind.Word && !t.Is(Lex.Stop) && !t.Is(Lex.Rank) && !t.Is(Lex.SubUnit) && !t.Is(Lex.Month) && !t.Is(Lex.Weekday)
                && !t.Is(Lex.OrgSuffix) && !(t.Is(Lex.StreetSuffix) && !t.Is(Lex.Surname)) && !(t.Is(Lex.PremiseSuffix) && !t.Is(Lex.Surname))
                && (!t.Is(Lex.State) && !t.Is(Lex.Country) || P(end + 1, '-') && Adj(end + 1) && Cap(end + 2) && Adj(end + 2)) && !scan.Agencies.IsAgencySuffix(end)
                && (t.Has(TokenFlags.Capitalized) || ((LowerMode || lower) && t.Has(TokenFlags.Lower) && (t.Is(Lex.Surname) || t.Is(Lex.GivenName)) && !t.Is(Lex.Common) && !t.Is(Lex.Locative)));
            if (!cont || t.Is(Lex.Common) && IsPossessiveOrArticle(end + 1) || IsVerbAfterName(end) || t.Length == 1 && P(end + 1, '/') || IsFieldLabel(end)
                || taken >= 2 && (EqAny(end + 1, "county", "parish") || Eq(end, "county"))
                || EqAny(end, "black", "white", "hispanic", "asian") && EqAny(end + 1, "male", "female", "man", "woman", "m", "f"))
            {
                // "Ofc Wade drew his taser": a word that is also a verb, before "his" or "the", ends the name;
                // so does the next field of a form ("Tpr. Caleb Combs     Unit: 1347"), a county after a full name
                // ("sergeant will bishop yellowstone county s o") and a description ("JAYLEN BROWN BLACK MALE").
                break;
            }

            end++;
            taken++;
        }

        return end;
    }

    /// <summary>Words that name a form's field before its colon ("Unit:", "Date:", "Shift:"), never the end of a name.</summary>
    private static readonly WordSet FieldLabels = new(["date", "time", "shift", "location", "rank", "agency", "department", "dept", "division", "district", "assignment", "phone", "email", "subject", "title", "position", "watch", "tour"]);

    private bool IsFieldLabel(int k) =>
        P(k + 1, ':') && Adj(k + 1) && (tokens[k].Is(Lex.Keyword | Lex.UnitDesignator) || FieldLabels.Contains(text, tokens[k]));

    /// <summary>A role word just before token i: "driver", "subject was", "the husband,".</summary>
    private bool RoleBefore(int i) =>
        Is(i - 1, Lex.Role) || (P(i - 1, ',') || EqAny(i - 1, "was", "is")) && Is(i - 2, Lex.Role);

    private bool IsPluralAcronym(int i)
    {
        var w = W(i);
        if (w.Length < 3 || w[^1] != 's')
        {
            return false;
        }

        foreach (var c in w[..^1])
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Verbs of moving and doing said right after a name that are surnames too ("Dove", "Runs"): in lower case and before
    /// a word of grammar they end the name ("reyes dove over the hood"); <see cref="SureVerbs"/> end it whatever follows.
    /// </summary>
    internal static readonly WordSet VerbsAfterNames = new(
        ["dove", "dives", "runs", "comes", "takes", "steps", "fell", "hops", "slips", "swings", "reaches"]);

    private bool IsVerbAfterName(int k) =>
        tokens[k].Has(TokenFlags.Lower) && (VerbsAfterNames.Contains(W(k)) && IsWord(k + 1) && tokens[k + 1].Is(Lex.Stop | Lex.Locative) || SureVerbs.Contains(W(k)));

    /// <summary>A verb of either list (<see cref="VerbsAfterNames"/>, <see cref="SureVerbs"/>).</summary>
    internal static bool IsVerbAfterNameWord(ReadOnlySpan<char> w) => VerbsAfterNames.Contains(w) || SureVerbs.Contains(w);

    /// <summary>Verbs no surname is spelled as, which end a name in lower case whatever follows ("kevin vang speaks hmong", "nunez goes hands on").</summary>
    internal static readonly WordSet SureVerbs = new(["goes", "gets", "went", "came", "took", "ran", "got", "grabs", "grabbed", "jumps", "jumped", "says", "speaks", "spoke", "told", "tells", "asks", "asked", "yells", "yelled", "starts", "started", "pulls", "pulled", "states", "stated", "reports", "advised", "advises", "claims", "denies", "denied"]);

    private bool IsPossessiveOrArticle(int i) => EqAny(i, "his", "her", "their", "its", "my", "our", "your", "the", "a", "an");

    private bool IsFrequentGivenName(int i) => tokens[i].Is(Lex.GivenName) && tokens[i].Lex.GivenCount >= 1500;

    private bool IsNarrativeVerb(int j) =>
        EqAny(j, "is", "was", "had", "has", "began", "said", "told", "shouted", "asked", "spent", "lives", "works", "will", "would", "and");

    /// <summary>A capitalised word beside token i, or after or before "of", "and", "&amp;" with one: part of a longer proper noun.</summary>
    private bool InCapitalRun(int i) =>
        Cap(i - 1) && !tokens[i - 1].Has(TokenFlags.SentenceStart) || Cap(i + 1)
        || EqAny(i - 1, "of", "and", "&") && Cap(i - 2) || EqAny(i + 1, "of", "and", "&") && Cap(i + 2);

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

        // Words run together are vocabulary unless capitalised inside a sentence ("at GUNPOINT", "Stairwell was", but "in Flatbush").
        var compounds = !tokens[i].Has(TokenFlags.Capitalized) || tokens[i].Has(TokenFlags.SentenceStart | TokenFlags.NewlineBefore) || i == 0;
        return !tokens[i].Has(TokenFlags.NonAscii) && lexicon.LooksEnglish(W(i), compounds);
    }

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
}
