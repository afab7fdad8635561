namespace NearMiss.Core.Pii;

/// <summary>
/// Agencies and named organisations: runs of capitalised words ending in an agency word ("Union Gap PD", "Pike
/// County Sheriff's Office"), with their sub-units ("Troop D", "Olympic Division"); agency acronyms ("SAPD", "FHP
/// Troop D"); lettered and numbered sub-units; firms. The same runs end in premises, streets and counties, so
/// <see cref="CapitalRun"/> also emits those (LOCATION, ADDRESS) when the run's last word says so.
/// </summary>
internal sealed class AgencyRecogniser(PiiScan scan) : PiiRecogniser(scan)
{
    /// <summary>A lettered sub-unit: "C Detachment".</summary>
    public int LetteredSubUnit(int i)
    {
        ref var t = ref T(i);
        if (t.Length == 1 && char.IsAsciiLetterUpper(text[t.Start]) && text[t.Start] is not ('A' or 'I') && Cap(i + 1) && Is(i + 1, Lex.SubUnit) && !Is(i + 1, Lex.Surname)
            && !IsNum(i + 2) && !(i + 2 < count && tokens[i + 2].Length == 1 && IsWord(i + 2)))
        {
            Emit(i, i + 2, PiiLabel.Agency);
            return i + 2;
        }

        return 0;
    }

    /// <summary>An agency acronym ("SAPD", "KHP"), one ending in PD or SO, or any short acronym with a named sub-unit ("PPB Central Precinct").</summary>
    public int Acronym(int i)
    {
        ref var t = ref T(i);
        if (!t.Has(TokenFlags.AllCaps) || CapsMode || P(i + 1, '-') && Adj(i + 1) && i + 2 < count && tokens[i + 2].Digits > 0)
        {
            return 0;
        }

        var w = W(i);
        var agency = t.Is(Lex.AgencyAcronym)
            || (w.Length is >= 3 and <= 6 && (w.EndsWith("PD", StringComparison.Ordinal) || w.EndsWith("SO", StringComparison.Ordinal)) && !w.SequenceEqual("ALSO") && !t.Is(Lex.Rank)) // (not "VPSO", "PSO": an officer's title)
            || IsStateAgencyCode(w) && !(P(i + 1, '.') && Adj(i + 1));
        if (!agency && w.Length is >= 2 and <= 5 && !t.Is(Lex.Brand | Lex.StateCode | Lex.Common) && SubUnitAfter(i + 1) > i + 1)
        {
            // An acronym with a named sub-unit: "PPB Central Precinct", "MPD 3rd District".
            agency = true;
        }

        if (!agency && t.Is(Lex.StateCode) && w.Length == 2 && i + 1 < count && tokens[i + 1].Has(TokenFlags.AllCaps) && StateAgencySuffixes.Contains(text, tokens[i + 1])
            && !(IsWord(i + 2) && tokens[i + 2].Has(TokenFlags.AllCaps | TokenFlags.Capitalized) && !tokens[i + 2].Is(Lex.Stop)))
        {
            // "MN DOC", "TX DPS", "WA DNR": a state's department by its initials.
            Emit(i, i + 2, PiiLabel.Agency);
            return i + 2;
        }

        if (!agency && t.Is(Lex.StateCode) && w.Length == 2 && (EqAny(i + 1, "highway", "state") && EqAny(i + 2, "patrol", "police", "troopers")))
        {
            // "SD highway patrol", "NM State Police".
            Emit(i, i + 3, PiiLabel.Agency);
            return i + 3;
        }

        if (agency)
        {
            var end = SubUnitAfter(i + 1);
            Emit(i, end, PiiLabel.Agency);
            return end;
        }

        return 0;
    }

    /// <summary>Initials of a state's departments after its code: highway patrol, corrections, public safety, wildlife.</summary>
    /// <summary>
    /// A given name and a surname that is also a street's type, with nothing before them that leads to a street: "One of
    /// them Jared Pike had a pistol" is a person; "on Lebanon Pike", "4410 Jared Pike" and "Washington Street" stay
    /// streets (the common types are streets always).
    /// </summary>
    private bool IsNameLikeAStreet(int i, int j) =>
        j == i + 1 && Is(i, Lex.GivenName) && !Is(i, Lex.Place) && Is(j, Lex.Surname) && !EqAny(j, "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "highway", "hwy")
        && !lexicon.IsEnglish(W(i), tokens[i].Lex) && !scan.Addresses.IsStreetPreposition(i - 1) && !IsNum(i - 1) && !(IsWord(i - 1) && Cap(i - 1))
        && !EqAny(i - 1, "north", "south", "east", "west", "n", "s", "e", "w", "and");

    private static readonly WordSet StateAgencySuffixes = new(["HP", "SP", "FD", "DOC", "DPS", "DOT", "DNR", "DCJ", "FWP", "GFP", "DWR", "DCI", "DOJ", "DHS"]);

    /// <summary>"NDHP", "SDFD", "MNDOC": a state's code and a department's initials written as one word.</summary>
    private bool IsStateAgencyCode(ReadOnlySpan<char> w) =>
        w.Length is >= 4 and <= 6 && lexicon.Get(w[..2]).Flags.HasFlag(Lex.StateCode) && StateAgencySuffixes.Contains(w[2..]);

    /// <summary>An acronym naming a premise: "UNM Hospital", "OU Medical Center".</summary>
    public int AcronymPremise(int i)
    {
        ref var t = ref T(i);
        if (!t.Has(TokenFlags.AllCaps) || CapsMode || t.Length > 5 || t.Is(Lex.Stop | Lex.StateCode) || !Cap(i + 1) || tokens[i + 1].Has(TokenFlags.NewlineBefore) || !PremiseAhead(i + 1))
        {
            return 0;
        }

        var end = i + 1;
        while (end < count && Cap(end) && !tokens[end].Has(TokenFlags.NewlineBefore) && end < i + 4)
        {
            end++;
            if (IsPremiseWord(end - 1) && !(Cap(end) && IsPremiseWord(end)))
            {
                break;
            }
        }

        Emit(i, end, PiiLabel.Location);
        return end;
    }

    /// <summary>A call-sign word naming a sub-unit: "the Adam Sector".</summary>
    public int CallSignSubUnit(int i)
    {
        if (Cap(i) && Is(i, Lex.CallSign) && Cap(i + 1) && EqAny(i + 1, "sector", "district", "division", "precinct", "squad"))
        {
            Emit(i, i + 2, PiiLabel.Agency);
            return i + 2;
        }

        return 0;
    }

    /// <summary>"Troop K", "District 4", "Precinct 12".</summary>
    public int TroopOrDistrict(int i)
    {
        if (tokens[i].Has(TokenFlags.Capitalized) && EqAny(i, "troop", "district", "precinct", "sector") && i + 1 < count && !Adj(i + 1)
            && (IsNum(i + 1) && tokens[i + 1].Length <= 3 || Eq(i, "troop") && tokens[i + 1].Length == 1 && char.IsUpper(text[tokens[i + 1].Start])))
        {
            Emit(i, i + 2, PiiLabel.Agency);
            return i + 2;
        }

        return 0;
    }

    /// <summary>"2nd District", "3rd Precinct": a lone ordinal before a sub-unit word.</summary>
    public int OrdinalSubUnit(int i)
    {
        if (IsLoneOrdinal(i) && Cap(i + 1) && Is(i + 1, Lex.SubUnit))
        {
            Emit(i, i + 2, PiiLabel.Agency);
            return i + 2;
        }

        return 0;
    }

    /// <summary>"Jones, Smith and Davis": a firm named after its partners.</summary>
    public int Firm(int i)
    {
        if (IsProperNounCandidate(i) && tokens[i].Is(Lex.Surname) && P(i + 1, ',') && Cap(i + 2) && Is(i + 2, Lex.Surname) && Eq(i + 3, "and") && Cap(i + 4) && Is(i + 4, Lex.Surname))
        {
            Emit(i, i + 5, PiiLabel.Agency);
            return i + 5;
        }

        return 0;
    }

    public bool IsAgencySuffix(int j) => AgencySuffixEnd(j) > 0;

    /// <summary>End of an agency suffix starting at token j ("PD", "Police Department", "County Sheriff's Office", ...), or 0.</summary>
    public int AgencySuffixEnd(int j)
    {
        if (j >= count || tokens[j].Kind != TokenKind.Word)
        {
            return 0;
        }

        var w = W(j);
        if (w.SequenceEqual("PD") || w.SequenceEqual("SO") || w.SequenceEqual("DPS") || w.SequenceEqual("SD") && Eq(j - 1, "county"))
        {
            return j + 1;
        }

        if ((w.SequenceEqual("P") || w.SequenceEqual("S")) && P(j + 1, '.') && (Eq(j + 2, "D") || Eq(j + 2, "O")) && P(j + 3, '.'))
        {
            return j + 4;
        }

        if (!tokens[j].Has(TokenFlags.Capitalized))
        {
            return 0;
        }

        if (Eq(j, "police"))
        {
            return EqAny(j + 1, "department", "dept", "service", "bureau", "division", "force") ? (P(j + 2, '.') && Eq(j + 1, "dept") ? j + 3 : j + 2) : j + 1;
        }

        if (Eq(j, "sheriff") || Eq(j, "sheriffs") || Eq(j, "sheriff's"))
        {
            var k = j + 1;
            if (P(k, '\'') || P(k, '’'))
            {
                k++;
                if (Eq(k, "s"))
                {
                    k++;
                }
            }

            if (EqAny(k, "office", "department", "dept", "ofc"))
            {
                return P(k + 1, '.') && Eq(k, "dept") ? k + 2 : k + 1;
            }

            return Eq(j - 1, "county") && !Cap(k) ? j + 1 : 0;
        }

        if ((Eq(j, "state") || Eq(j, "highway")) && EqAny(j + 1, "police", "patrol", "troopers"))
        {
            return j + 2;
        }

        if (Eq(j, "patrol") && j > 0 && Cap(j - 1))
        {
            return j + 1;
        }

        if (EqAny(j, "division", "department", "bureau") && Eq(j + 1, "of") && Eq(j + 2, "police") && Cap(j + 2))
        {
            return j + 3;
        }

        if (Eq(j, "department") && Eq(j + 1, "of") && Eq(j + 2, "public") && Eq(j + 3, "safety"))
        {
            return j + 4;
        }

        if (Eq(j, "public") && Eq(j + 1, "safety") && !Cap(j + 2))
        {
            return j + 2;
        }

        if (Eq(j, "constable") && Eq(j - 1, "county") && SubUnitAt(j + 1) > j + 1)
        {
            // "Travis County Constable Pct. 3": a county constable's precinct.
            return j + 1;
        }

        if (EqAny(j, "marshals", "marshal's", "constable's", "constables"))
        {
            return EqAny(j + 1, "service", "office") ? j + 2 : j + 1;
        }

        if (Eq(j, "fire") && EqAny(j + 1, "department", "dept", "rescue", "district"))
        {
            return j + 2;
        }

        return 0;
    }

    /// <summary>"St.", "Ft.", "Mt." or "Saint" before a capitalised word: the head of a place's name.</summary>
    private bool IsSaint(int i) =>
        EqAny(i, "st", "ft", "mt") && P(i + 1, '.') && Adj(i + 1) && Cap(i + 2) || Eq(i, "saint") && tokens[i].Has(TokenFlags.Capitalized) && Cap(i + 1);

    /// <summary>
    /// A run of capitalised words ending in an agency, premise, street, county or organisation word:
    /// "Union Gap PD", "Pike County Jail", "Dock Street", "Kenosha County", "Abt Associates".
    /// </summary>
    public int CapitalRun(int i)
    {
        if (!tokens[i].Has(TokenFlags.Capitalized) || tokens[i].Is(Lex.Measure) && tokens[i].Length <= 4)
        {
            // "Hrs Hwy 50" in recased text: a unit does not start a name.
            return 0;
        }

        // A function word, rank, weekday or month (with no capital after it) starts no run, unless it is a saint's ("St. Louis").
        ref var t = ref T(i);
        if ((t.Is(Lex.Stop) || t.Is(Lex.Rank) || t.Is(Lex.Weekday) || t.Is(Lex.Month) && !Cap(i + 1)) && !IsSaint(i))
        {
            return 0;
        }

        if (t.Is(Lex.PlaceHead) && scan.Places.IsPlaceOfThreeWordsOrMore(i))
        {
            return 0; // (the place's own recogniser reads it: "South Lake Tahoe", whose last word is also a vehicle's)
        }

        var j = i;
        var names = 0;
        var bestEnd = 0;
        var bestLabel = PiiLabel.Location;
        while (j < count && names < 5)
        {
            if (names > 0)
            {
                var agencyEnd = AgencySuffixEnd(j);
                if (agencyEnd > 0)
                {
                    bestEnd = SubUnitAfter(agencyEnd);
                    bestLabel = PiiLabel.Agency;
                    break;
                }
            }

            if (j > i && tokens[j].Has(TokenFlags.NewlineBefore))
            {
                break;
            }

            ref var tj = ref T(j);
            if (names > 0 && tj.Kind == TokenKind.Word && (tj.Has(TokenFlags.Capitalized) || tj.Has(TokenFlags.Lower) && EqAny(j, "apts", "apartments", "county", "st", "rd", "ave", "blvd", "hwy", "ln", "pkwy")
                || LowerMode && tj.Has(TokenFlags.Lower) && EqAny(j, "station", "hospital", "jail", "university", "college", "mall", "airport", "casino", "stadium", "arena", "motel", "hotel", "clinic", "prison")))
            {
                if (EqAny(j, "county", "parish", "borough") && tj.Has(TokenFlags.Capitalized))
                {
                    var agencyEnd = AgencySuffixEnd(j + 1);
                    if (agencyEnd > 0)
                    {
                        bestEnd = SubUnitAfter(agencyEnd);
                        bestLabel = PiiLabel.Agency;
                        break;
                    }

                    if (!PremiseAhead(j + 1))
                    {
                        bestEnd = j + 1;
                        bestLabel = PiiLabel.Location;
                        break;
                    }
                }
                else if (Eq(j, "co") && P(j + 1, '.') && AgencySuffixEnd(j + 2) > 0)
                {
                    bestEnd = SubUnitAfter(AgencySuffixEnd(j + 2));
                    bestLabel = PiiLabel.Agency;
                    break;
                }

                if (tj.Is(Lex.OrgSuffix) && tj.Has(TokenFlags.Capitalized))
                {
                    while (Cap(j + 1) && Is(j + 1, Lex.OrgSuffix) && !tokens[j + 1].Has(TokenFlags.NewlineBefore))
                    {
                        j++;
                    }

                    bestEnd = j + 1;
                    if (P(bestEnd, '.') && Adj(bestEnd) && (Eq(j, "inc") || Eq(j, "co") || Eq(j, "corp") || Eq(j, "ltd")))
                    {
                        bestEnd++;
                    }

                    bestLabel = PiiLabel.Agency;
                    break;
                }

                if (IsPremiseWord(j) && !EqAny(j, "high", "middle", "body", "auto") || (tj.Is(Lex.PremiseSuffix) && IsPremiseWord(j + 1) && Cap(j + 1)))
                {
                    var end = j + 1;
                    while (end < count && !tokens[end].Has(TokenFlags.NewlineBefore))
                    {
                        if (Cap(end) && (IsPremiseWord(end) || Is(end, Lex.StreetSuffix)))
                        {
                            end++;
                        }
                        else if (Cap(end) && tokens[end].Lex.Has(LexExtra.GenericModifier) && Cap(end + 1) && IsPremiseWord(end + 1) && !tokens[end + 1].Has(TokenFlags.NewlineBefore))
                        {
                            // "Banner University Medical Center".
                            end += 2;
                        }
                        else if (EqAny(end, "and", "&") && Cap(end + 1) && IsPremiseWord(end + 1) && !tokens[end + 1].Has(TokenFlags.NewlineBefore))
                        {
                            // "Bar and Grill", "Bar & Grill".
                            end += 2;
                        }
                        else
                        {
                            break;
                        }
                    }

                    if (EqAny(end, "bldg", "building") && end + 1 < count && tokens[end + 1].Length <= 3)
                    {
                        end += 2;
                    }

                    if (Cap(end) && Is(end, Lex.SubUnit) && !tokens[end].Has(TokenFlags.NewlineBefore) && EqAny(end, "precinct", "division", "district", "substation", "detachment"))
                    {
                        // "Maryvale Estrella Mountain Precinct": a police sub-unit named after a place.
                        bestEnd = end + 1;
                        bestLabel = PiiLabel.Agency;
                        break;
                    }

                    if (EqAny(end, "room", "rm", "suite") && end + 1 < count && tokens[end + 1].Digits > 0 && !tokens[end].Has(TokenFlags.NewlineBefore))
                    {
                        // "Hokona Hall room 312".
                        bestEnd = IdEnd(end + 1);
                        bestLabel = PiiLabel.Location;
                        break;
                    }

                    var agencyAfter = AgencySuffixEnd(end);
                    if (agencyAfter > 0)
                    {
                        // "Overland Park PD": the place is part of the agency name.
                        bestEnd = SubUnitAfter(agencyAfter);
                        bestLabel = PiiLabel.Agency;
                        break;
                    }

                    if (!(Is(end - 1, Lex.StreetSuffix) && !Is(end - 1, Lex.PremiseSuffix)))
                    {
                        bestEnd = end;
                        bestLabel = PiiLabel.Location;
                        break;
                    }

                    j = end - 1;
                }

                if (Is(j, Lex.StreetSuffix) && scan.Addresses.IsStreetName(i, j) && !IsNameLikeAStreet(i, j))
                {
                    var end = j + 1;
                    if (P(end, '.') && Adj(end))
                    {
                        end++;
                    }

                    if (Eq(j, "dr") && Cap(end) && !Is(end, Lex.Role) && !tokens[end].Lex.Has(LexExtra.NotPii))
                    {
                        break;
                    }

                    if (EqAny(end, "apts", "apartments") && tokens[end].Has(TokenFlags.Lower))
                    {
                        // "Rosewood Terrace apts bldg F": a complex named like a street.
                        j = end;
                        continue;
                    }

                    if (end < count && tokens[end].Has(TokenFlags.Lower) && IsWord(end) && W(end).EndsWith("ing", StringComparison.Ordinal) && !EqAny(end, "heading", "going", "traveling", "travelling", "driving", "walking", "running")
                        && !scan.Addresses.IsStreetPreposition(i - 1))
                    {
                        // "Main Street policing".
                        return j + 1;
                    }

                    if (Cap(end) && IsPremiseWord(end) && !Is(end, Lex.UnitDesignator) && !tokens[end].Has(TokenFlags.NewlineBefore))
                    {
                        // "Carver Street Bridge", "Cedar Ridge Arena": a premise named after a street.
                        names++;
                        j = end;
                        continue;
                    }

                    var unit = scan.Addresses.UnitDesignator(end);
                    bestEnd = unit > end ? unit : scan.Addresses.IntersectionTail(end, j + 1);
                    bestLabel = PiiLabel.Address;
                    break;
                }
            }

            // Continue the run over capitalised words, "&", "St." and "Co.".
            if (tj.Kind == TokenKind.Word && tj.Has(TokenFlags.Capitalized) && !(names > 0 && tj.Is(Lex.Stop)))
            {
                names++;
                j++;
                if (P(j, '.') && Adj(j) && (tokens[j - 1].Is(Lex.Abbreviation) || tokens[j - 1].Length == 1))
                {
                    j++;
                }
                else if ((P(j, '\'') || P(j, '’')) && Adj(j) && Eq(j + 1, "s") && Adj(j + 1) && Cap(j + 2))
                {
                    // "Sam's Club", "Saint Mary's Hospital".
                    j += 2;
                }
                else if ((P(j, '\'') || P(j, '’') || P(j, '-')) && Adj(j) && Adj(j + 1) && Cap(j + 1))
                {
                    // "O'Hare Airport", "Tri-County Airport".
                    j++;
                }

                continue;
            }

            if (names > 0 && (P(j, '&') || Eq(j, "and") && Is(j + 1, Lex.OrgSuffix)) && Cap(j + 1))
            {
                j++;
                continue;
            }

            if (names > 0 && Eq(j, "of") && Cap(j + 1) && Is(j - 1, Lex.PremiseSuffix | Lex.OrgSuffix))
            {
                j++;
                continue;
            }

            break;
        }

        if (bestEnd <= i && EqAny(i, "lake", "mount") && Cap(i + 1) && !Is(i + 1, Lex.Stop | Lex.Month | Lex.Weekday | Lex.Rank) && !tokens[i + 1].Has(TokenFlags.NewlineBefore)
            && AgencySuffixEnd(i + 2) == 0 && !Eq(i + 2, "county"))
        {
            // "Lake Hartwell", "Mount Rainier": a generic place noun before the name.
            bestEnd = i + 2;
            bestLabel = PiiLabel.Location;
        }

        if (bestEnd <= i)
        {
            return 0;
        }

        Emit(i, bestEnd, bestLabel);
        return bestEnd;
    }

    /// <summary>Does a premise word close the capitalised words from token j ("Jail", "Detention Center", "Regional Medical Center")?</summary>
    public bool PremiseAhead(int j)
    {
        for (var k = j; k < j + 3 && Cap(k) && !Is(k, Lex.Stop) && !tokens[k].Has(TokenFlags.NewlineBefore); k++)
        {
            if (IsPremiseWord(k) && !EqAny(k, "high", "middle", "body", "auto"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word naming a kind of premise ("Mall", "Marina"), or the second word of "Truck Stop" / "Rest Area".</summary>
    public bool IsPremiseWord(int j) =>
        Is(j, Lex.PremiseSuffix) || EqAny(j, "stop", "stops") && EqAny(j - 1, "truck", "travel", "fuel") || Eq(j, "area") && EqAny(j - 1, "rest", "service");

    /// <summary>After an agency: "Troop D", "Olympic Division", "2nd District".</summary>
    public int SubUnitAfter(int end)
    {
        var after = SubUnitAt(end);
        if (after == end)
        {
            // Two or three named words before the sub-unit word: "Valley Traffic Division", "Downtown Area Command".
            for (var k = end + 2; k <= end + 3 && after == end; k++)
            {
                if (Cap(k - 1) && Is(k, Lex.SubUnit) && Cap(k) && !tokens[k].Has(TokenFlags.NewlineBefore) && AllNamed(end, k))
                {
                    after = k + 1;
                }
            }
        }

        // "Area Command": the sub-unit word and its command.
        return after > end && Eq(after - 1, "area") && Cap(after) && Eq(after, "command") ? after + 1 : after;
    }

    private bool AllNamed(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!Cap(k) || Is(k, Lex.Stop | Lex.Rank | Lex.Month | Lex.Weekday) || tokens[k].Has(TokenFlags.NewlineBefore))
            {
                return false;
            }
        }

        return true;
    }

    private int SubUnitAt(int end)
    {
        if (Eq(end, "troop") && Cap(end) && end + 1 < count && tokens[end + 1].Length <= 2 && !tokens[end + 1].Has(TokenFlags.Lower))
        {
            return end + 2;
        }

        if (Cap(end) && Cap(end + 1) && Is(end + 1, Lex.SubUnit) && !Is(end, Lex.Stop))
        {
            return end + 2;
        }

        if (Cap(end) && Is(end, Lex.SubUnit) && (IsNum(end + 1) || (end + 1 < count && tokens[end + 1].Length == 1 && tokens[end + 1].Kind == TokenKind.Word)))
        {
            // "Troop 4", "Barracks C-4".
            return IdEnd(end + 1);
        }

        if (Cap(end) && Is(end, Lex.SubUnit) && P(end + 1, '.') && Adj(end + 1) && IsNum(end + 2))
        {
            // "Pct. 3", "Dist. 5".
            return IdEnd(end + 2);
        }

        if (end < count && tokens[end].Kind == TokenKind.Alnum && IsOrdinal(end) && Cap(end + 1) && Is(end + 1, Lex.SubUnit))
        {
            return end + 2;
        }

        return end;
    }
}
