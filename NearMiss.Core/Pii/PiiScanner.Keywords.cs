namespace NearMiss.Core.Pii;

/// <summary>Keyword context: badge, case, licence, plate and other values after their keyword.</summary>
internal sealed partial class PiiScanner
{
    private int KeywordRules(int i)
    {
        var w = W(i);
        if (w.Length > 12)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        int r;
        switch (lower)
        {
            case "badge" or "shield" or "star" or "employee" or "emp" or "personnel" or "payroll" or "callsign":
                return KeywordValue(i + 1, PiiLabel.BadgeId);
            case "id" when tokens[i].Has(TokenFlags.AllCaps) || Eq(i - 1, "employee"):
                return KeywordValue(i + 1, PiiLabel.BadgeId);
            case "call" when Eq(i + 1, "sign"):
                return KeywordValue(i + 2, PiiLabel.BadgeId);
            case "unit" or "units":
                return KeywordValue(i + 1, PiiLabel.BadgeId);
            case "serial" or "sn" or "ser":
                {
                    var weapon = false;
                    for (var k = Math.Max(0, i - 6); k < i; k++)
                    {
                        weapon |= tokens[k].Is(Lex.Weapon) || tokens[k].Is(Lex.Brand);
                    }

                    return KeywordValue(i + 1, weapon ? PiiLabel.OtherId : PiiLabel.BadgeId);
                }

            case "car" or "cruiser" or "engine" or "medic" or "truck" or "ladder" or "squad" or "rescue" or "ambulance" or "vehicle":
                if (IsNum(i + 1) && tokens[i + 1].Length <= 5 && !IsMeasure(i + 2) && !P(i + 2, '-'))
                {
                    Emit(i + 1, i + 2, PiiLabel.VehicleId);
                    var end = i + 2;
                    if (EqAny(end, "and", "&") && IsNum(end + 1) && !IsMeasure(end + 2))
                    {
                        Emit(end + 1, end + 2, PiiLabel.VehicleId);
                        end += 2;
                    }

                    return end;
                }

                return 0;
            case "case" or "incident" or "report" or "cad" or "event" or "warrant" or "docket" or "citation" or "complaint" or "file" or "reference"
                or "ref" or "occurrence" or "cause" or "dr" or "rms" or "offense" or "arrest" or "summons" or "cr":
                return KeywordValue(i + 1, PiiLabel.CaseNumber, minLength: 3);
            case "dl" or "cdl" or "ol" or "oln" or "license" or "licence" or "lic" or "dln" or "permit":
                if (EqAny(i + 1, "plate", "plates", "tag"))
                {
                    return KeywordValue(i + 2, PiiLabel.Plate, allowGroups: true);
                }

                return KeywordValue(i + 1, PiiLabel.DriverLicense, allowGroups: true, minLength: 4);
            case "d" when P(i + 1, '/') && Eq(i + 2, "l"):
                return KeywordValue(i + 3, PiiLabel.DriverLicense, allowGroups: true, minLength: 4);
            case "s" when P(i + 1, '/') && Eq(i + 2, "n"):
                return KeywordValue(i + 3, PiiLabel.OtherId);
            case "plate" or "plates" or "registration" or "reg":
                return KeywordValue(Is(i + 1, Lex.StateCode) && tokens[i + 1].Has(TokenFlags.AllCaps) ? EmitState(i + 1) : i + 1, PiiLabel.Plate, allowGroups: true);
            case "tag" or "tags":
                {
                    var plate = Is(i - 1, Lex.StateCode) || Is(i - 1, Lex.State) || EqAny(i - 1, "license", "temp", "paper", "dealer", "his", "her", "their", "vehicle");
                    return KeywordValue(i + 1, plate ? PiiLabel.Plate : PiiLabel.OtherId, allowGroups: plate);
                }

            case "booking" or "sid" or "inmate" or "class" or "ticket" or "evidence" or "item" or "property" or "asset" or "inventory" or "order"
                or "account" or "acct" or "card" or "member" or "passport" or "fbi" or "armory" or "receipt" or "policy" or "routing" or "iban":
                return KeywordValue(i + 1, PiiLabel.OtherId);
            case "ssn" or "social":
                r = KeywordValue(lower is "social" && Eq(i + 1, "security") ? SkipMarkers(i + 2) : i + 1, PiiLabel.Ssn, allowGroups: true, minLength: 9);
                return r;
            case "zip" or "zipcode" or "postal":
                return KeywordValue(Eq(i + 1, "code") ? i + 2 : i + 1, PiiLabel.Address);
            case "age" or "aged":
                if (IsNum(SkipMarkers(i + 1)) && tokens[SkipMarkers(i + 1)].Length <= 3)
                {
                    var j = SkipMarkers(i + 1);
                    Emit(j, j + 1, PiiLabel.Age);
                    return j + 1;
                }

                return 0;
            case "turned" or "turn" or "turning" or "turns":
            case "of" when Eq(i - 1, "age"):
                if (IsNum(i + 1) && tokens[i + 1].Length <= 3 && Value(i + 1) is > 0 and <= 120 && !IsMeasure(i + 2) && !P(i + 2, ':'))
                {
                    Emit(i + 1, i + 2, PiiLabel.Age);
                    return i + 2;
                }

                return 0;
            case "dob" or "born":
                return 0;
            case "address" or "addresses" when P(i + 1, ':') || Eq(i + 1, "is"):
                {
                    // A form field: "Address: 5533 119 Countess Close\n Suite 868\n Seatoun".
                    var j = i + 2;
                    if (j >= count || !(IsNum(j) || tokens[j].Has(TokenFlags.Capitalized) || _lowerMode && IsWord(j)) || Is(j, Lex.Stop) && !Eq(j, "the"))
                    {
                        return 0;
                    }

                    var end = j;
                    while (end < count && (end == j || !tokens[end].Has(TokenFlags.NewlineBefore)) && !P(end, '?') && !(P(end, '.') && (end + 1 >= count || !Adj(end + 1)) && !Is(end - 1, Lex.Abbreviation | Lex.UnitDesignator | Lex.ForeignStreet)))
                    {
                        end++;
                    }

                    Emit(j, end, PiiLabel.Address);
                    return ContinueAddress(end);
                }
            case "name" or "named" or "called":
                {
                    // "my name is borna jerković", "Name: Martim A Pereira", "gave the name \"Steve\"".
                    var j = i + 1;
                    if (EqAny(j, "is", "was") || P(j, ':'))
                    {
                        j++;
                    }

                    if (P(j, '"'))
                    {
                        j++;
                    }

                    if (IsWord(j) && !tokens[j].Is(Lex.Stop) && !tokens[j].Is(Lex.Common) && !tokens[j].Is(Lex.Rank) && (tokens[j].Has(TokenFlags.Capitalized) || tokens[j].Has(TokenFlags.Lower) && (tokens[j].Is(Lex.GivenName | Lex.Surname) || tokens[j].Has(TokenFlags.NonAscii) || tokens[j].Lex.Flags == Lex.None)))
                    {
                        var end = NameEnd(j, 3, lower: tokens[j].Has(TokenFlags.Lower));
                        if (tokens[j].Has(TokenFlags.Lower))
                        {
                            end = j + 1;
                            while (end < count && end < j + 3 && IsWord(end) && tokens[end].Has(TokenFlags.Lower) && !tokens[end].Is(Lex.Stop) && !tokens[end].Is(Lex.Common) && !tokens[end].Is(Lex.Locative)
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
            case "corner" or "intersection" when Eq(i + 1, "of"):
                return CornerOf(i);
            case "k9" or "canine" or "dog":
                return DogName(i + 1);
            case "partner" when _dogContext:
                return DogName(i + 1);
            default:
                return 0;
        }
    }

    private int PostalAndUnits(int i)
    {
        ref var t = ref T(i);
        // "Troop K", "District 4", "Precinct 12".
        if (t.Has(TokenFlags.Capitalized) && EqAny(i, "troop", "district", "precinct", "sector") && i + 1 < count && !Adj(i + 1)
            && (IsNum(i + 1) && tokens[i + 1].Length <= 3 || Eq(i, "troop") && tokens[i + 1].Length == 1 && char.IsUpper(text[tokens[i + 1].Start])))
        {
            Emit(i, i + 2, PiiLabel.Agency);
            return i + 2;
        }

        // A unit on its own, e.g. on the line under a street: "Apt. 595", "Suite 321", "Ste #4".
        if (EqAny(i, "apt", "apartment", "suite", "ste") && (t.Has(TokenFlags.Capitalized) || Eq(i, "apt")))
        {
            var unitEnd = UnitDesignator(i);
            if (unitEnd > i)
            {
                Emit(i, unitEnd, PiiLabel.Address);
                return ContinueAddress(unitEnd);
            }
        }

        // "P.O. Box 149", "PSC 6477, Box 2981", "APO AE 83700", "USNS Saibara".
        var j = -1;
        if (Eq(i, "p") && P(i + 1, '.') && Eq(i + 2, "o") && P(i + 3, '.') && Eq(i + 4, "box"))
        {
            j = i + 5;
        }
        else if (EqAny(i, "po", "pob") && Eq(i + 1, "box") || Eq(i, "box") && t.Has(TokenFlags.Capitalized) && (IsNum(i + 1)))
        {
            j = Eq(i, "box") ? i + 1 : i + 2;
        }
        else if (EqAny(i, "psc", "cmr", "apo", "fpo", "dpo") && t.Has(TokenFlags.AllCaps))
        {
            j = i + 1;
            if (EqAny(j, "ae", "ap", "aa"))
            {
                j++;
            }
        }
        else if (EqAny(i, "usns", "usnv", "uss", "uscgc") && IsWord(i + 1))
        {
            Emit(i, i + 2, PiiLabel.Address);
            return ContinueAddress(i + 2);
        }

        if (j > 0 && IsNum(j))
        {
            var end = j + 1;
            if (P(end, ',') && Eq(end + 1, "box") && IsNum(end + 2))
            {
                end += 3;
            }

            Emit(i, end, PiiLabel.Address);
            return ContinueAddress(end);
        }

        return 0;
    }

    private int EmitState(int i)
    {
        Emit(i, i + 1, PiiLabel.Location);
        return i + 1;
    }

    private int DogName(int j)
    {
        var k = j;
        if (P(k, ','))
        {
            k++;
        }

        if (EqAny(k, "partner", "named", "unit"))
        {
            if (Eq(k, "unit"))
            {
                return 0;
            }

            k++;
        }

        if (Cap(k) && !Is(k, Lex.Stop) && !Is(k, Lex.Rank) && !Is(k, Lex.Brand) && !Is(k, Lex.Month) && !Is(k, Lex.Weekday) && !(Is(k, Lex.Common) && !_dogContext)
            && !Cap(k + 1) && !EqAny(k, "Officer", "Handler", "Unit", "Team", "Program", "Sergeant", "Deputy", "Training"))
        {
            Emit(k, k + 1, PiiLabel.OtherId);
            return k + 1;
        }

        return 0;
    }
}
