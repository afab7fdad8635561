namespace NearMiss.Core.Pii;

/// <summary>Mixed letters and digits, then the word rules' dispatch and keyword values.</summary>
internal sealed partial class PiiScanner
{
    // ------------------------------------------------------------------ mixed letters and digits
    private int AlnumRules(int i)
    {
        // K9 call signs "K9-3"; K9 names "K9 Rex".
        if (Eq(i, "k9"))
        {
            if (P(i + 1, '-') && Adj(i + 1) && IsNum(i + 2) && Adj(i + 2))
            {
                Emit(i, i + 3, PiiLabel.BadgeId);
                return i + 3;
            }

            return DogName(i + 1);
        }

        var end = IdEnd(i);
        var id = Chars(i, end);
        if (PiiPatterns.IsMatch(PiiPatterns.Vin(), id) && tokens[i].Digits >= 3)
        {
            Emit(i, end, PiiLabel.VehicleId);
            return end;
        }

        if (PiiPatterns.IsMatch(PiiPatterns.Iban(), id))
        {
            Emit(i, end, PiiLabel.OtherId);
            return end;
        }

        // Ordinals: "5th and Broad", "2nd District".
        if (end == i + 1 && tokens[i].Has(TokenFlags.DigitFirst) && IsOrdinal(i))
        {
            if (Cap(i + 1) && Is(i + 1, Lex.SubUnit))
            {
                Emit(i, i + 2, PiiLabel.Agency);
                return i + 2;
            }

            var inter = Intersection(i);
            if (inter > 0)
            {
                return inter;
            }

            if (EqAny(i + 1, "of") && Is(i + 2, Lex.Month))
            {
                Emit(i, i + 3, PiiLabel.Date);
                return i + 3;
            }

            var address = AddressFrom(i);
            return address;
        }

        if (tokens[i].Has(TokenFlags.DigitFirst))
        {
            var address = AddressFrom(i);
            if (address > 0)
            {
                return address;
            }
        }

        if (IsWeaponModel(i, end))
        {
            return end;
        }

        if (PiiPatterns.IsMatch(PiiPatterns.CaseShape(), id))
        {
            Emit(i, end, PiiLabel.CaseNumber);
            return end;
        }

        if (PiiPatterns.IsMatch(PiiPatterns.PlateShape(), id) || (end == i + 1 && tokens[i].Has(TokenFlags.AllCaps) && IsNum(i + 1) && tokens[i].Length == 3 && tokens[i + 1].Length == 4 && PiiPatterns.IsMatch(PiiPatterns.PlateShape(), Chars(i, i + 2))))
        {
            end = Math.Max(end, PiiPatterns.IsMatch(PiiPatterns.PlateShape(), id) ? end : i + 2);
            Emit(i, end, PiiLabel.Plate);
            return end;
        }

        var digits = 0;
        var length = 0;
        for (var k = i; k < end; k++)
        {
            digits += tokens[k].Digits;
            length += tokens[k].Kind == TokenKind.Punct ? 0 : tokens[k].Length;
        }

        if (length >= 6 && digits >= 3)
        {
            Emit(i, end, PiiLabel.OtherId);
            return end;
        }

        return end;
    }

    private static readonly string[] StreetEndings =
    [
        "vej", "gade", "katu", "tie", "strasse", "straße", "gata", "gatan", "vägen", "väg", "weg", "straat", "laan", "stræti",
        "vegur", "gasse", "platz", "allee", "utca", "iela", "cesta", "ulica", "sokak", "stien", "veien", "vegen", "gränd", "torget",
        "kuja", "polku", "raitti", "gatve", "stræde", "braut", "centret",
    ];

    private bool IsForeignStreetWord(int i)
    {
        var w = W(i);
        if (w.Length < 5)
        {
            return false;
        }

        foreach (var ending in StreetEndings)
        {
            if (w.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsOrdinal(int i)
    {
        var w = W(i);
        return w.Length >= 3 && (w.EndsWith("st", StringComparison.OrdinalIgnoreCase) || w.EndsWith("nd", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("rd", StringComparison.OrdinalIgnoreCase) || w.EndsWith("th", StringComparison.OrdinalIgnoreCase)) && char.IsAsciiDigit(w[^3]);
    }

    private bool IsWeaponModel(int i, int end)
    {
        // "Glock 17", "Sig P320", "AR-15", "M4", ".40 S&W": makes and short models are not identifiers.
        if (Is(i - 1, Lex.Brand) || Is(i - 1, Lex.Weapon) || Eq(i - 1, "model"))
        {
            return true;
        }

        var length = 0;
        for (var k = i; k < end; k++)
        {
            length += tokens[k].Kind == TokenKind.Punct ? 0 : tokens[k].Length;
        }

        return length <= 4;
    }

    // ------------------------------------------------------------------ words
    private int WordRules(int i)
    {
        ref var t = ref T(i);
        var r = t.Is(Lex.Keyword) ? KeywordRules(i) : 0;
        if (r > 0)
        {
            return r;
        }

        if (t.Is(Lex.Rank) && !_capsMode)
        {
            r = RankPerson(i);
            if (r > 0)
            {
                return r;
            }
        }

        r = HighwayRules(i);
        if (r > 0)
        {
            return r;
        }

        if (t.Length == 1 && char.IsAsciiLetterUpper(text[t.Start]) && text[t.Start] is not ('A' or 'I') && Cap(i + 1) && Is(i + 1, Lex.SubUnit) && !Is(i + 1, Lex.Surname)
            && !IsNum(i + 2) && !(i + 2 < count && tokens[i + 2].Length == 1 && IsWord(i + 2)))
        {
            // A lettered sub-unit: "C Detachment".
            Emit(i, i + 2, PiiLabel.Agency);
            return i + 2;
        }

        if (t.Has(TokenFlags.AllCaps) && !_capsMode)
        {
            r = AcronymRules(i);
            if (r > 0)
            {
                return r;
            }

            if (t.Length >= 5 && (t.Lex.Flags == Lex.None || t.Is(Lex.Place | Lex.Country)) && !t.Is(Lex.Common))
            {
                Emit(i, i + 1, PiiLabel.Location);
                return i + 1;
            }
        }

        // "Sludevej 13", "Villacher Strasse 89": street names by their ending, then a house number.
        if ((t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.Lower) && t.Has(TokenFlags.NonAscii)) && IsForeignStreetWord(i))
        {
            var e = i + 1;
            while (e < count && IsWord(e) && (Is(e, Lex.ForeignStreet) || IsForeignStreetWord(e)) && !tokens[e].Has(TokenFlags.NewlineBefore))
            {
                e++;
            }

            if (IsNum(e) && !Adj(e))
            {
                Emit(i, e + 1, PiiLabel.Address);
                return ContinueAddress(e + 1);
            }
        }

        r = DateWords(i);
        if (r > 0)
        {
            return r;
        }

        r = PostalAndUnits(i);
        if (r > 0)
        {
            return r;
        }

        if (t.Length == 1 && t.Has(TokenFlags.Lower) && P(i + 1, '.') && Adj(i + 1) && IsWord(i + 2) && tokens[i + 2].Has(TokenFlags.Lower)
            && tokens[i + 2].Lex.SurnameCount >= 1000 && !Is(i + 2, Lex.Common | Lex.Stop | Lex.Measure | Lex.Locative) && (RoleBefore(i) || Is(i - 1, Lex.Rank)))
        {
            // "recruit m. estrada".
            Emit(i, i + 3, PiiLabel.Person);
            return i + 3;
        }

        if ((t.Has(TokenFlags.Capitalized) || _lowerMode && t.Has(TokenFlags.Lower)) && !_capsMode)
        {
            r = NamedIntersection(i);
            if (r > 0)
            {
                return r;
            }
        }

        if (t.Has(TokenFlags.Capitalized))
        {
            r = CapitalRun(i);
            if (r > 0)
            {
                return r;
            }

            r = PersonOrPlace(i);
            if (r > 0)
            {
                return r;
            }
        }
        else if ((_lowerMode || RoleBefore(i)) && t.Has(TokenFlags.Lower) && t.Is(Lex.GivenName) && t.Lex.GivenCount >= 1500 && !t.Is(Lex.Common | Lex.Stop | Lex.Measure | Lex.Locative | Lex.Month | Lex.Rank)
            && IsWord(i + 1) && tokens[i + 1].Has(TokenFlags.Lower) && !tokens[i + 1].Has(TokenFlags.NewlineBefore) && !Is(i + 1, Lex.Common | Lex.Stop | Lex.Measure | Lex.Locative)
            && (Is(i + 1, Lex.Surname) || tokens[i + 1].Has(TokenFlags.NonAscii) || tokens[i + 1].Lex.Flags == Lex.None || IsInitial(i + 1) || tokens[i + 1].Length == 1))
        {
            // Lowercase text: "patricia desrosiers", "benjamin a seiler".
            var end = i + 2;
            if (tokens[i + 1].Length == 1 && IsWord(end) && tokens[end].Has(TokenFlags.Lower) && !Is(end, Lex.Common | Lex.Stop))
            {
                end++;
            }

            Emit(i, end, PiiLabel.Person);
            return end;
        }
        else if (t.Has(TokenFlags.Lower) && !t.Is(Lex.Stop) && !t.Is(Lex.Common) && Is(i + 1, Lex.StreetSuffix) && tokens[i + 1].Has(TokenFlags.Lower)
            && EqAny(i + 1, "rd", "st", "ave", "blvd", "ln", "dr", "pkwy", "hwy", "ct", "cir", "trl", "ter") && tokens[i + 1].Has(TokenFlags.Lower))
        {
            // Lowercase narratives: "kessler rd".
            var end = i + 2;
            if (P(end, '.') && Adj(end))
            {
                end++;
            }

            Emit(i, i + 2, PiiLabel.Address);
            return end;
        }

        return 0;
    }

    /// <summary>A role word just before token i: "driver", "subject was", "the husband,".</summary>
    private bool RoleBefore(int i) =>
        Is(i - 1, Lex.Role) || (P(i - 1, ',') || EqAny(i - 1, "was", "is")) && Is(i - 2, Lex.Role);

    private int SkipMarkers(int j)
    {
        // "#", "no.", "number", ":", "num".
        for (var guard = 0; guard < 3 && j < count; guard++)
        {
            if (P(j, '#') || P(j, ':') || (P(j, '.') && Adj(j)) || EqAny(j, "no", "number", "num", "nr", "nbr", "is"))
            {
                j++;
                continue;
            }

            break;
        }

        return j;
    }

    private int KeywordValue(int keywordEnd, PiiLabel label, bool allowGroups = false, int minLength = 1)
    {
        var j = SkipMarkers(keywordEnd);
        if (P(j, '(') && label == PiiLabel.OtherId)
        {
            j++;
        }

        if (j >= count || tokens[j].Kind == TokenKind.Punct || tokens[j].Has(TokenFlags.NewlineBefore) && j > keywordEnd + 1)
        {
            return 0;
        }

        var end = IdEnd(j);
        if (!HasDigit(j, end))
        {
            // Plates written in two groups, letters first: "TXK 2291".
            if (label != PiiLabel.Plate || !tokens[j].Has(TokenFlags.AllCaps) || tokens[j].Length > 4 || end >= count || Adj(end) || tokens[end].Kind != TokenKind.Number || tokens[end].Length > 5)
            {
                return 0;
            }

            end = IdEnd(end);
        }

        if (allowGroups)
        {
            // "29 331 114", "LMN 4820".
            while (end < count && !Adj(end) && tokens[end].Kind != TokenKind.Punct && tokens[end].Digits > 0 && tokens[end].Length >= 2 && !IsMeasure(end + 1))
            {
                end = IdEnd(end);
            }
        }

        var length = tokens[end - 1].End - tokens[j].Start;
        if (length < minLength || IsMeasure(end))
        {
            return 0;
        }

        Emit(j, end, label);
        return end;
    }
}
