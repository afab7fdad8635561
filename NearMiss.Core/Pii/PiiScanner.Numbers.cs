namespace NearMiss.Core.Pii;

/// <summary>Numbers, ages, addresses and units: rules at a token that starts with a digit.</summary>
internal sealed partial class PiiScanner
{
    // ------------------------------------------------------------------ numbers
    private int NumberRules(int i)
    {
        ref var t = ref T(i);
        var start = t.Start;
        int length;

        if (t.Kind == TokenKind.Number)
        {
            if ((length = PiiPatterns.MatchLength(PiiPatterns.IsoDate(), text, start)) > 0)
            {
                return EmitChars(start, length, PiiLabel.Date);
            }

            if ((length = PiiPatterns.MatchLength(PiiPatterns.Ssn(), text, start)) > 0)
            {
                return EmitChars(start, length, PiiLabel.Ssn);
            }

            if ((length = PiiPatterns.MatchLength(PiiPatterns.Ipv4(), text, start)) > 0)
            {
                return EmitChars(start, length, PiiLabel.OtherId);
            }

            if ((length = PiiPatterns.MatchLength(PiiPatterns.NumericDate(), text, start)) > 0)
            {
                return EmitChars(start, length, PiiLabel.Date);
            }

            if ((length = PiiPatterns.MatchLength(PiiPatterns.Time(), text, start)) > 0)
            {
                return EmitChars(start, length, PiiLabel.Time);
            }
        }

        if (t.Kind == TokenKind.Alnum || (i + 1 < count && P(i + 1, ':')))
        {
            if ((length = PiiPatterns.MatchLength(PiiPatterns.Ipv6(), text, start)) > 0)
            {
                return EmitChars(start, length, PiiLabel.OtherId);
            }
        }

        if (t.Kind == TokenKind.Alnum)
        {
            return AlnumRules(i);
        }

        // Call signs: "12-Adam", "4-Charlie-12".
        if (P(i + 1, '-') && Adj(i + 1) && Adj(i + 2) && Is(i + 2, Lex.CallSign))
        {
            var end = IdEnd(i);
            Emit(i, end, PiiLabel.BadgeId);
            return end;
        }

        // Street address with a house number.
        var address = AddressFrom(i);
        if (address > 0)
        {
            return address;
        }

        // Ages: "57 y/o", "32 yrs old", "a 15 year old", "45-year-old".
        if (t.Length <= 3 && IsAgeUnit(i + 1))
        {
            Emit(i, i + 1, PiiLabel.Age);
            return i + 1;
        }

        // An age right after a name: "Jared Voss, 27." / "both 19".
        if (t.Length <= 2 && !IsMeasure(i + 1) && AfterPersonComma(i))
        {
            Emit(i, i + 1, PiiLabel.Age);
            return i + 1;
        }

        if ((length = PiiPatterns.MatchLength(PiiPatterns.Card(), text, start)) > 0 && CountDigits(start, length) >= 12)
        {
            return EmitChars(start, length, PiiLabel.OtherId);
        }

        if ((length = PiiPatterns.MatchLength(PiiPatterns.Phone(), text, start)) > 0)
        {
            var digits = CountDigits(start, length);
            if (digits is >= 7 and <= 15)
            {
                return EmitChars(start, length, PiiLabel.Phone);
            }
        }

        var idEnd = IdEnd(i);
        if (idEnd > i + 1)
        {
            var id = Chars(i, idEnd);
            if (PiiPatterns.IsMatch(PiiPatterns.CaseShape(), id))
            {
                Emit(i, idEnd, PiiLabel.CaseNumber);
                return idEnd;
            }

            if (PiiPatterns.IsMatch(PiiPatterns.PlateShape(), id))
            {
                Emit(i, idEnd, PiiLabel.Plate);
                return idEnd;
            }
        }

        if (t.Length == 10 || (t.Length == 11 && text[start] == '1'))
        {
            Emit(i, i + 1, PiiLabel.Phone);
            return i + 1;
        }

        if (t.Length >= 9)
        {
            Emit(i, i + 1, PiiLabel.OtherId);
            return i + 1;
        }

        if (t.Length == 5 && (Is(i - 1, Lex.StateCode) || Is(i - 1, Lex.State) || Is(i - 1, Lex.Country) || (P(i - 1, ',') && LastIs(PiiLabel.Location, tokens[i - 1].Start, 1))
            || LastIs(PiiLabel.Location, tokens[i].Start, 2) || LastIs(PiiLabel.Address, tokens[i].Start, 3)))
        {
            length = PiiPatterns.MatchLength(PiiPatterns.Zip(), text, start);
            if (length > 0)
            {
                return EmitChars(start, length, PiiLabel.Address);
            }
        }

        if (t.Length == 4 && !IsMeasure(i + 1) && !P(i + 1, '-') && !P(i - 1, '-'))
        {
            var value = Value(i);
            var hhmm = value % 100 < 60 && value / 100 <= 23;
            // "0430", "around 1915": 24-hour clock times.
            if (hhmm && (text[start] == '0' || Is(i - 1, Lex.TimeLead) || (P(i - 1, ',') && LastIs(PiiLabel.Date, tokens[i - 1].Start, 0))))
            {
                Emit(i, i + 1, PiiLabel.Time);
                return i + 1;
            }

            if (value is >= 1900 and <= 2099)
            {
                Emit(i, i + 1, PiiLabel.Date);
                return i + 1;
            }
        }

        return 0;
    }

    private bool IsMeasure(int i) => Is(i, Lex.Measure) || P(i, '%');

    private bool IsAgeUnit(int i)
    {
        if (i >= count)
        {
            return false;
        }

        // "y/o", "y.o.", "yo", "yrs old", "years old", "year old", "-year-old", "yr old".
        var j = i;
        if (P(j, '-') && Adj(j))
        {
            j++;
        }

        if (Eq(j, "y") && (P(j + 1, '/') || P(j + 1, '.')) && Eq(j + 2, "o"))
        {
            return true;
        }

        if (Eq(j, "yo") || Eq(j, "yoa"))
        {
            return true;
        }

        if (EqAny(j, "years", "year", "yrs", "yr", "yoa"))
        {
            var k = j + 1;
            if (P(k, '-'))
            {
                k++;
            }

            return Eq(k, "old") || Eq(k, "of") && Eq(k + 1, "age");
        }

        return false;
    }

    private bool AfterPersonComma(int i)
    {
        if (_spans.Count == 0 || tokens[i].Length > 2)
        {
            return false;
        }

        var j = i - 1;
        if (EqAny(j, "both", "age", "aged", "ages"))
        {
            j--;
        }

        if (!P(j, ',') && !P(j, '('))
        {
            return false;
        }

        var value = Value(i);
        return value is > 0 and <= 110 && LastIs(PiiLabel.Person, tokens[j].Start, 0)
            && (i + 1 >= count || tokens[i + 1].Kind == TokenKind.Punct || EqAny(i + 1, "and", "years", "yrs"));
    }

    private int AddressFrom(int i)
    {
        // number [direction] Name... Suffix[.] [unit designator value]
        if (tokens[i].Length > 6 || (i + 1 < count && Adj(i + 1) && !IsWord(i + 1)))
        {
            return 0;
        }

        var j = i + 1;
        var names = 0;
        var suffixAt = -1;
        var lowerOk = _lowerMode;
        while (j < count && names < 6)
        {
            ref var t = ref T(j);
            if (t.Has(TokenFlags.NewlineBefore) && names > 0)
            {
                break;
            }

            if (t.Kind == TokenKind.Word && names > 0 && (t.Is(Lex.StreetSuffix) || t.Is(Lex.ForeignStreet) && t.Has(TokenFlags.Capitalized)) && (t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.AllCaps) || lowerOk || t.Has(TokenFlags.Lower) && t.Length <= 4))
            {
                suffixAt = j;
                j++;
                if (P(j, '.') && Adj(j))
                {
                    j++;
                }

                break;
            }

            if (names == 0 && j == i + 1 && t.Kind == TokenKind.Number && t.Length <= 5 && !Adj(j) && IsWord(j + 1) && !Is(j + 1, Lex.Measure))
            {
                j++;
                continue;
            }

            var isName = t.Kind == TokenKind.Word && (_lowerMode && t.Is(Lex.ForeignStreet) || t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.NonAscii) || IsForeignStreetWord(j) || t.Has(TokenFlags.AllCaps) && names == 0 && t.Length <= 2 || (lowerOk && !t.Is(Lex.Stop)) || t.Is(Lex.ForeignStreet))
                && !t.Is(Lex.Measure) && !(t.Is(Lex.Stop) && !t.Is(Lex.ForeignStreet)) && !t.Is(Lex.Month);
            var isOrdinal = t.Kind == TokenKind.Alnum && t.Has(TokenFlags.DigitFirst) && t.Length <= 6;
            if (!isName && !isOrdinal)
            {
                break;
            }

            names++;
            j++;
        }

        int end;
        if (suffixAt > 0)
        {
            end = suffixAt + 1;
            // "County Road 14", "Route 9": a number after the street type.
            if (IsNum(end) && tokens[suffixAt].Is(Lex.StreetSuffix) && (Eq(suffixAt, "road") || Eq(suffixAt, "route") || Eq(suffixAt, "highway") || Eq(suffixAt, "hwy")))
            {
                end++;
            }
        }
        else if (names > 0 && names <= 4 && IsNum(j) && tokens[j].Length <= 5 && !tokens[j].Has(TokenFlags.NewlineBefore) && !Adj(j) && (HasCapitalName(i + 1, j) || _lowerMode))
        {
            // "594 Hegedûs Gyula utca 76": house number, name, building number.
            end = j + 1;
        }
        else
        {
            return 0;
        }

        // Directional after the type: "Elm St NW".
        if (end < count && EqAny(end, "nw", "ne", "sw", "se", "n", "s", "e", "w") && tokens[end].Has(TokenFlags.AllCaps | TokenFlags.Capitalized) && !Adj(end) && !IsWord(end + 1))
        {
            end++;
        }

        var withUnit = UnitDesignator(P(end, '.') && Adj(end) ? end + 1 : end);
        if (withUnit > end + 1 || (withUnit == end + 1 && !P(end, '.')))
        {
            end = withUnit;
        }

        Emit(i, end, PiiLabel.Address);
        return ContinueAddress(end);
    }

    /// <summary>
    /// After a street address: the comma- or line-separated city, state, country and postcode that follow
    /// ("Rapid City, SD", "\n Suwałki\n Poland 11248"), each as its own span.
    /// </summary>
    private int ContinueAddress(int end)
    {
        var j = end;
        for (var parts = 0; parts < 6 && j < count; parts++)
        {
            var k = j;
            while (k < count && (P(k, ',') || P(k, '>') || P(k, '?')))
            {
                k++;
            }

            var newline = k < count && tokens[k].Has(TokenFlags.NewlineBefore);
            if (k == j && !newline || k >= count)
            {
                break;
            }

            if (IsNum(k) && tokens[k].Length is >= 3 and <= 6)
            {
                var zip = k + 1;
                if (P(zip, '-') && Adj(zip) && IsNum(zip + 1))
                {
                    zip += 2;
                }

                Emit(k, zip, PiiLabel.Address);
                j = zip;
                continue;
            }

            var e = k;
            while (e < count && IsWord(e) && (tokens[e].Has(TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.NonAscii) || _lowerMode || Eq(e, "nan") || tokens[e].Is(Lex.ForeignStreet) && e > k)
                && (e == k || !tokens[e].Has(TokenFlags.NewlineBefore)) && !tokens[e].Is(Lex.Stop) && !tokens[e].Is(Lex.Rank))
            {
                e++;
            }

            if (e == k || e - k > 4)
            {
                break;
            }

            if (Is(k, Lex.UnitDesignator))
            {
                var unit = UnitDesignator(k);
                if (unit > k)
                {
                    Emit(k, unit, PiiLabel.Address);
                    j = unit;
                    continue;
                }
            }

            Emit(k, e, PiiLabel.Location);
            j = e;
            if (IsNum(j) && !Adj(j) && tokens[j].Length is >= 3 and <= 6 && !tokens[j].Has(TokenFlags.NewlineBefore))
            {
                Emit(j, j + 1, PiiLabel.Address);
                j++;
            }
        }

        return j;
    }

    private bool HasCapitalName(int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Is(Lex.Common))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Extends an address over ", Apt 212", " Suite 967", " lot 14", " #12".</summary>
    private int UnitDesignator(int end)
    {
        var j = end;
        if (P(j, ','))
        {
            j++;
        }

        if (Is(j, Lex.UnitDesignator))
        {
            var k = j + 1;
            if (P(k, '.') && Adj(k))
            {
                k++;
            }

            if (P(k, '#'))
            {
                k++;
            }

            if (k < count && tokens[k].Kind != TokenKind.Punct && (tokens[k].Digits > 0 || tokens[k].Length == 1))
            {
                return IdEnd(k);
            }
        }

        if (P(j, '#') && j + 1 < count && Adj(j + 1) && tokens[j + 1].Digits > 0)
        {
            return IdEnd(j + 1);
        }

        return end;
    }
}
