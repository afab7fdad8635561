namespace NearMiss.Core.Pii;

/// <summary>People: rank and role context and name shapes; highways and agency acronyms.</summary>
internal sealed partial class PiiScanner
{
    private int RankPerson(int i)
    {
        var j = i + 1;
        var noun = tokens[i].Is(Lex.NounRank) && !tokens[i].Has(TokenFlags.AllCaps);
        if (P(j, '.') && Adj(j))
        {
            j++;
            noun = false;
        }

        // Chained titles: "Deputy Marshal", "Instructor Lt.".
        while (j < count && tokens[j].Is(Lex.Rank) && tokens[j].Kind == TokenKind.Word && (Cap(j) || _lowerMode) && !IsNameToken(j, strict: true))
        {
            noun = tokens[j].Is(Lex.NounRank);
            j++;
            if (P(j, '.') && Adj(j))
            {
                j++;
                noun = false;
            }
        }

        if (tokens[i].Has(TokenFlags.Lower) && !_lowerMode && !EqAny(i, "ofc", "sgt", "dep", "det", "cpl", "lt", "tpr", "officer", "deputy", "trooper", "detective", "sergeant", "corporal"))
        {
            return 0;
        }

        if (!IsNameToken(j, strict: noun || tokens[i].Has(TokenFlags.Lower)))
        {
            return 0;
        }

        var end = NameEnd(j, 3, lower: tokens[j].Has(TokenFlags.Lower));
        Emit(j, end, PiiLabel.Person);
        return end;
    }

    /// <summary>Is token j the start of a name (after a rank or in a name run)?</summary>
    private bool IsNameToken(int j, bool strict)
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

        if (t.Has(TokenFlags.Lower) && (_lowerMode || strict))
        {
            return known && !t.Is(Lex.Common) && !t.Is(Lex.Measure) && !t.Is(Lex.Locative);
        }

        return false;
    }

    /// <summary>Extends a name from its first token over further name tokens, initials and a quoted nickname.</summary>
    private int NameEnd(int j, int max, bool lower = false)
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
                && !t.Is(Lex.State) && !t.Is(Lex.Country) && !IsAgencySuffix(end)
                && (t.Has(TokenFlags.Capitalized) || ((_lowerMode || lower) && t.Has(TokenFlags.Lower) && (t.Is(Lex.Surname) || t.Is(Lex.GivenName)) && !t.Is(Lex.Common) && !t.Is(Lex.Locative)));
            if (!cont)
            {
                break;
            }

            end++;
            taken++;
        }

        return end;
    }

    private int HighwayRules(int i)
    {
        int j;
        if (Eq(i, "i") && tokens[i].Has(TokenFlags.Capitalized) && ((P(i + 1, '-') && Adj(i + 1)) || (IsNum(i + 1) && tokens[i + 1].Length >= 2)))
        {
            j = P(i + 1, '-') ? i + 2 : i + 1;
        }
        else if (EqAny(i, "interstate", "hwy", "highway", "sr", "route", "rte", "rt", "us", "fm", "loop", "spur", "sh", "cr", "ih") && (tokens[i].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) || Eq(i, "hwy") || Eq(i, "highway") || Eq(i, "route")))
        {
            j = i + 1;
            if (P(j, '-') && Adj(j))
            {
                j++;
            }
            else if (P(j, '.') && Adj(j))
            {
                j++;
            }
        }
        else if (Eq(i, "u") && P(i + 1, '.') && Eq(i + 2, "s") && P(i + 3, '.'))
        {
            j = i + 4;
            if (EqAny(j, "marshals", "marshal", "marshals'"))
            {
                var endAgency = Eq(j + 1, "service") ? j + 2 : j + 1;
                Emit(i, endAgency, PiiLabel.Agency);
                return endAgency;
            }

            if (EqAny(j, "highway", "hwy", "route", "rt"))
            {
                j++;
            }
        }
        else if (EqAny(i, "state", "county", "farm", "us") && EqAny(i + 1, "route", "road", "highway", "hwy", "rd", "rte") && Cap(i))
        {
            j = i + 2;
        }
        else if (Eq(i, "mile") || Eq(i, "mm") || Eq(i, "milepost") || Eq(i, "mp") && tokens[i].Has(TokenFlags.AllCaps))
        {
            var k = EqAny(i + 1, "marker", "post") ? i + 2 : i + 1;
            if (IsNum(k) && !IsMeasure(k + 1) && (Eq(i, "mile") ? !Is(i - 1, Lex.Stop) || Eq(i - 1, "at") : true))
            {
                var endMile = k + 1;
                if (P(endMile, '.') && IsNum(endMile + 1) && Adj(endMile) && Adj(endMile + 1))
                {
                    endMile += 2;
                }

                Emit(i, endMile, PiiLabel.Location);
                return endMile;
            }

            return 0;
        }
        else if (Eq(i, "exit") && IsNum(i + 1) && !IsMeasure(i + 2))
        {
            var endExit = i + 2;
            if (IsWord(endExit) && tokens[endExit].Length == 1 && Adj(endExit))
            {
                endExit++;
            }

            Emit(i, endExit, PiiLabel.Location);
            return endExit;
        }
        else
        {
            return 0;
        }

        if (Eq(i, "us") && EqAny(j, "marshals", "marshal"))
        {
            var endAgency = Eq(j + 1, "service") ? j + 2 : j + 1;
            Emit(i, endAgency, PiiLabel.Agency);
            return endAgency;
        }

        if (!IsNum(j) && !(j < count && tokens[j].Kind == TokenKind.Alnum && tokens[j].Has(TokenFlags.DigitFirst)))
        {
            return 0;
        }

        if (Eq(i, "us") && !tokens[i].Has(TokenFlags.AllCaps))
        {
            return 0;
        }

        var end = j + 1;
        if (end < count && tokens[end].Length == 1 && !Adj(end) && text[tokens[end].Start] is 'N' or 'S' or 'E' or 'W' && !Cap(end + 1) && !P(end + 1, '.'))
        {
            // "County Rd 1150 E".
            end++;
        }

        // "I-95 mile marker 42", "Hwy 9 MM 12".
        var m = end;
        if (EqAny(m, "mile", "mm", "milepost"))
        {
            var k = EqAny(m + 1, "marker", "post") ? m + 2 : m + 1;
            if (IsNum(k))
            {
                end = k + 1;
            }
        }

        Emit(i, end, PiiLabel.Location);
        return end;
    }

    private int AcronymRules(int i)
    {
        ref var t = ref T(i);
        if (P(i + 1, '-') && Adj(i + 1) && i + 2 < count && tokens[i + 2].Digits > 0)
        {
            return 0;
        }

        var w = W(i);
        var agency = t.Is(Lex.AgencyAcronym)
            || (w.Length is >= 3 and <= 6 && (w.EndsWith("PD", StringComparison.Ordinal) || w.EndsWith("SO", StringComparison.Ordinal)) && !w.SequenceEqual("ALSO"));
        if (!agency && w.Length is >= 2 and <= 5 && !t.Is(Lex.Brand | Lex.StateCode | Lex.Common) && SubUnitAfter(i + 1) > i + 1)
        {
            // An acronym with a named sub-unit: "PPB Central Precinct", "MPD 3rd District".
            agency = true;
        }


        if (agency)
        {
            var end = SubUnitAfter(i + 1);
            Emit(i, end, PiiLabel.Agency);
            return end;
        }

        // State codes: "PA CDL", "CA plate", "Rapid City, SD".
        if (t.Is(Lex.StateCode) && w.Length == 2)
        {
            var before = Eq(i - 1, "the") || Eq(i - 1, "a");
            var keyword = EqAny(i + 1, "dl", "cdl", "plate", "plates", "tag", "tags", "license", "licence", "ol", "registration", "reg", "driver's", "drivers", "id");
            var cityComma = P(i - 1, ',') && LastIs(PiiLabel.Location, tokens[i - 1].Start, 0);
            var zip = IsNum(i + 1) && tokens[i + 1].Length == 5;
            if (!before && (keyword || cityComma || zip || (P(i - 1, ',') && Cap(i - 2))))
            {
                Emit(i, i + 1, PiiLabel.Location);
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>After an agency: "Troop D", "Olympic Division", "2nd District".</summary>
    private int SubUnitAfter(int end)
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
            return end + 2;
        }

        if (end < count && tokens[end].Kind == TokenKind.Alnum && IsOrdinal(end) && Cap(end + 1) && Is(end + 1, Lex.SubUnit))
        {
            return end + 2;
        }

        return end;
    }
}
