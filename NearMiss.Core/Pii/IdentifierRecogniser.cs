namespace NearMiss.Core.Pii;

/// <summary>
/// Numbers and identifiers: SSNs, IP addresses, cards, case numbers, plates, VINs, badge and unit numbers and call
/// signs, values after their keyword ("badge 4471", "DL# …", "case 24-118"), long numbers, and ages.
/// </summary>
internal sealed partial class IdentifierRecogniser(PiiScan scan) : PiiRecogniser(scan)
{
    /// <summary>"123-45-6789"; at a number, only one of three digits before '-'.</summary>
    public int Ssn(int i) => IsNum(i) && !(IsNumOfLength(i, 3, 3) && CharAfter(i) == '-') ? 0 : Pattern(i, PiiPatterns.Ssn(), PiiLabel.Ssn);

    /// <summary>"10.0.0.12" (OTHER_ID); at a number, only one of up to three digits before '.'.</summary>
    public int Ipv4(int i) => IsNum(i) && !(IsNumOfLength(i, 1, 3) && CharAfter(i) == '.') ? 0 : Pattern(i, PiiPatterns.Ipv4(), PiiLabel.OtherId);

    /// <summary>"fe80::1ff:fe23:4567:890a" starting with a digit, or a number followed by ':' (OTHER_ID).</summary>
    public int Ipv6(int i) =>
        tokens[i].Kind == TokenKind.Alnum || P(i + 1, ':') ? Pattern(i, PiiPatterns.Ipv6(), PiiLabel.OtherId) : 0;

    /// <summary>Call signs: "12-Adam", "4-Charlie-12".</summary>
    public int CallSign(int i)
    {
        if (P(i + 1, '-') && Adj(i + 1) && Adj(i + 2) && Is(i + 2, Lex.CallSign))
        {
            var end = IdEnd(i);
            Emit(i, end, PiiLabel.BadgeId);
            return end;
        }

        return 0;
    }

    /// <summary>Call signs written word first: "Adam-12", "Charlie-4".</summary>
    public int CallSignWordFirst(int i)
    {
        if (Is(i, Lex.CallSign) && !tokens[i].Has(TokenFlags.Lower) && P(i + 1, '-') && Adj(i + 1) && IsNum(i + 2) && Adj(i + 2) && tokens[i + 2].Length <= 4)
        {
            Emit(i, i + 3, PiiLabel.BadgeId);
            return i + 3;
        }

        return 0;
    }

    /// <summary>
    /// Capital letters joined to numbers by a hyphen, at least four digits in all: "IA-24-0071", "CR-2024-118" (a case
    /// number or a plate by shape, otherwise OTHER_ID); "AR-15" and "F-150" have too few digits to be identifiers.
    /// </summary>
    public int LetterPrefixedId(int i)
    {
        ref var t = ref T(i);
        if (!t.Has(TokenFlags.AllCaps) && !(t.Length == 1 && char.IsAsciiLetterUpper(text[t.Start])) || t.Length > 4 || !P(i + 1, '-') || !Adj(i + 1) || !Adj(i + 2) || i + 2 >= count || tokens[i + 2].Digits == 0)
        {
            return 0;
        }

        var end = IdEnd(i);
        var digits = 0;
        for (var k = i; k < end; k++)
        {
            digits += tokens[k].Digits;
        }

        if (digits < 4)
        {
            return 0;
        }

        var id = Chars(i, end);
        var label = PiiPatterns.IsMatch(PiiPatterns.CaseShape(), id) ? PiiLabel.CaseNumber : PiiPatterns.IsMatch(PiiPatterns.PlateShape(), id) ? PiiLabel.Plate : PiiLabel.OtherId;
        Emit(i, end, label);
        return end;
    }

    /// <summary>"CB# 19883467", "IR# 2024-0112": a short upper-case code, "#" and a number of five digits or more (OTHER_ID).</summary>
    public int CodeAndNumber(int i)
    {
        ref var t = ref T(i);
        if (!t.Has(TokenFlags.AllCaps) || t.Length > 4 || !P(i + 1, '#') || !Adj(i + 1) || i + 2 >= count || tokens[i + 2].Kind == TokenKind.Punct)
        {
            return 0;
        }

        var j = i + 2;
        var end = IdEnd(j);
        var digits = 0;
        for (var k = j; k < end; k++)
        {
            digits += tokens[k].Digits;
        }

        if (digits < 5)
        {
            return 0;
        }

        Emit(j, end, PiiPatterns.IsMatch(PiiPatterns.CaseShape(), Chars(j, end)) ? PiiLabel.CaseNumber : PiiLabel.OtherId);
        return end;
    }

    /// <summary>Ages: "57 y/o", "32 yrs old", "a 15 year old", "45-year-old".</summary>
    public int AgeWithUnit(int i)
    {
        if (tokens[i].Length <= 3 && IsAgeUnit(i + 1))
        {
            Emit(i, i + 1, PiiLabel.Age);
            return i + 1;
        }

        return 0;
    }

    /// <summary>An age right after a name: "Jared Voss, 27." / "both 19".</summary>
    public int AgeAfterName(int i)
    {
        if (tokens[i].Length <= 2 && !IsMeasure(i + 1) && AfterPersonComma(i))
        {
            Emit(i, i + 1, PiiLabel.Age);
            return i + 1;
        }

        return 0;
    }

    /// <summary>"(41)" right after a name is an age.</summary>
    public int AgeInParens(int i)
    {
        if (text[tokens[i].Start] == '(' && IsNum(i + 1) && Adj(i + 1) && P(i + 2, ')') && tokens[i + 1].Length <= 3 && Value(i + 1) <= 120
            && LastIs(PiiLabel.Person, tokens[i].Start, 2))
        {
            Emit(i + 1, i + 2, PiiLabel.Age);
            return i + 3;
        }

        return 0;
    }

    /// <summary>A card number of at least 12 digits (OTHER_ID).</summary>
    public int Card(int i)
    {
        if (IsNumOfLength(i, 1, 11) && CharAfter(i) is not (' ' or '-'))
        {
            // A shorter number is a card's only when more groups of digits follow it after a space or '-'.
            return 0;
        }

        var start = tokens[i].Start;
        var length = PiiPatterns.MatchLength(PiiPatterns.Card(), text, start);
        return length > 0 && CountDigits(start, length) >= 12 ? EmitChars(start, length, PiiLabel.OtherId) : 0;
    }

    /// <summary>A number joined to more by '-', '/' or '.' in the shape of a case number or a plate: "24-118763".</summary>
    public int NumberShape(int i)
    {
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

        return 0;
    }

    /// <summary>A number of nine digits or more (OTHER_ID).</summary>
    public int LongNumber(int i)
    {
        if (tokens[i].Length >= 9)
        {
            Emit(i, i + 1, PiiLabel.OtherId);
            return i + 1;
        }

        return 0;
    }

    /// <summary>"Tpr. Jonah Amaktoolik (B-21)": a short call sign in parentheses right after a name.</summary>
    public int CallSignInParens(int i)
    {
        if (text[tokens[i].Start] != '(' || !Adj(i + 1) || !(IsWord(i + 1) || IsNum(i + 1) && scan.Contact.PhoneLengthAtPunct(i) == 0))
        {
            return 0;
        }

        if (!LastIs(PiiLabel.Person, tokens[i].Start, 1))
        {
            return 0;
        }

        var end = IdEnd(i + 1);
        if (end == i + 1 || !P(end, ')') || !HasDigit(i + 1, end) || tokens[i + 1].Length > 3 || tokens[i + 1].Has(TokenFlags.Lower) || tokens[end - 1].Length > 5)
        {
            return 0;
        }

        Emit(i + 1, end, PiiLabel.BadgeId);
        return end + 1;
    }

    /// <summary>"#4471", "#A-31", "#7-214" (BADGE_ID), or an ADDRESS unit after a unit word ("Apt #4"); not "#1" alone, a list's item.</summary>
    public int HashNumber(int i)
    {
        if (text[tokens[i].Start] == '#' && i + 1 < count && Adj(i + 1) && (tokens[i + 1].Digits > 0 || IsLetteredNumber(i + 1))
            && !(tokens[i + 1].Kind == TokenKind.Number && tokens[i + 1].Length == 1 && !Is(i - 1, Lex.UnitDesignator) && !(P(i + 2, '-') && Adj(i + 2) && IsNum(i + 3) && Adj(i + 3))))
        {
            var end = IdEnd(i + 1);
            var label = Is(i - 1, Lex.UnitDesignator) ? PiiLabel.Address : PiiLabel.BadgeId;
            Emit(i + 1, end, label);
            return end;
        }

        return 0;
    }

    /// <summary>A capital letter or two, a hyphen and a number: "A-31", "PD-7".</summary>
    private bool IsLetteredNumber(int k) =>
        tokens[k].Kind == TokenKind.Word && (tokens[k].Length == 1 && char.IsUpper(text[tokens[k].Start]) || tokens[k].Length == 2 && tokens[k].Has(TokenFlags.AllCaps))
        && P(k + 1, '-') && Adj(k + 1) && IsNum(k + 2) && Adj(k + 2);

    /// <summary>K9 call signs: "K9-3".</summary>
    public int K9CallSign(int i)
    {
        if (Eq(i, "k9") && P(i + 1, '-') && Adj(i + 1) && IsNum(i + 2) && Adj(i + 2))
        {
            Emit(i, i + 3, PiiLabel.BadgeId);
            return i + 3;
        }

        return 0;
    }

    /// <summary>A vehicle identification number with at least three digits.</summary>
    public int Vin(int i)
    {
        var end = IdEnd(i);
        if (PiiPatterns.IsMatch(PiiPatterns.Vin(), Chars(i, end)) && tokens[i].Digits >= 3)
        {
            Emit(i, end, PiiLabel.VehicleId);
            return end;
        }

        return 0;
    }

    /// <summary>An IBAN (OTHER_ID).</summary>
    public int Iban(int i)
    {
        var end = IdEnd(i);
        if (PiiPatterns.IsMatch(PiiPatterns.Iban(), Chars(i, end)))
        {
            Emit(i, end, PiiLabel.OtherId);
            return end;
        }

        return 0;
    }

    /// <summary>"Glock 17", "Sig P320", "AR-15", "M4": makes and short models are claimed, not flagged.</summary>
    public int WeaponModel(int i)
    {
        var end = IdEnd(i);
        return IsWeaponModel(i, end) ? end : 0;
    }

    /// <summary>
    /// What is left of a run of letters and digits: a case number or plate by shape ("ABC-1234", "TXK 2291"), an
    /// OTHER_ID of six characters or more with three digits; anything else is claimed without a span.
    /// </summary>
    public int LettersAndDigits(int i)
    {
        var end = IdEnd(i);
        var id = Chars(i, end);
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

    /// <summary>Values after their keyword: badge, unit, case, licence, plate, serial and other numbers; ages after "age" and "turned".</summary>
    public int Keywords(int i)
    {
        var w = W(i);
        if (!tokens[i].Is(Lex.Keyword) || w.Length > 12)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        if (lower is "class" && (EqAny(i - 1, "ansi", "nij", "level", "type") || EqAny(i + 2, "vest", "vests", "garment", "garments", "apparel", "standard", "armor", "armour")))
        {
            return 0; // "ANSI Class 3 vest": a rating, not an academy class
        }

        int r;
        switch (lower)
        {
            case "badge" or "shield" or "star" or "employee" or "emp" or "personnel" or "payroll" or "callsign" or "beat":
                return KeywordValue(i + 1, PiiLabel.BadgeId);
            case "id" when tokens[i].Has(TokenFlags.AllCaps) || Eq(i - 1, "employee"):
                return KeywordValue(i + 1, PiiLabel.BadgeId);
            case "call" when Eq(i + 1, "sign"):
                return KeywordValue(i + 2, PiiLabel.BadgeId);
            case "unit" or "units":
                {
                    // A unit's label before what it says on the radio: "UNIT: 10-4, setting flares" is a ten-code.
                    var j = SkipMarkers(i + 1);
                    return Eq(j, "10") && P(j + 1, '-') && Adj(j + 1) && j + 2 < count && tokens[j + 2].Kind == TokenKind.Number && Adj(j + 2) ? 0 : KeywordValue(i + 1, PiiLabel.BadgeId);
                }
            case "serial" or "sn" or "ser":
                {
                    var weapon = false;
                    for (var k = Math.Max(0, i - 6); k < i; k++)
                    {
                        weapon |= tokens[k].Is(Lex.Weapon) || tokens[k].Is(Lex.Brand);
                    }

                    return KeywordValue(i + 1, weapon ? PiiLabel.OtherId : PiiLabel.BadgeId);
                }

            case "car" or "cruiser" or "engine" or "medic" or "truck" or "ladder" or "squad" or "rescue" or "ambulance" or "vehicle" or "veh":
                return CarNumber(i, lower is "veh");
            case "case" or "incident" or "report" or "cad" or "event" or "warrant" or "docket" or "citation" or "complaint" or "file" or "reference"
                or "ref" or "occurrence" or "cause" or "dr" or "rms" or "offense" or "arrest" or "summons" or "cr":
                return KeywordValue(i + 1, PiiLabel.CaseNumber, minLength: 3);
            case "dl" or "cdl" or "ol" or "oln" or "license" or "licence" or "lic" or "dln" or "permit":
                if (EqAny(i + 1, "plate", "plates", "tag"))
                {
                    return KeywordValue(i + 2, PiiLabel.Plate, allowGroups: true);
                }

                if (Is(i + 1, Lex.StateCode) && tokens[i + 1].Has(TokenFlags.AllCaps) && i + 2 < count && tokens[i + 2].Kind is TokenKind.Number or TokenKind.Alnum)
                {
                    return KeywordValue(i + 2, PiiLabel.DriverLicense, allowGroups: true, minLength: 4); // "CDL TX 40918276": the state between
                }

                return KeywordValue(i + 1, PiiLabel.DriverLicense, allowGroups: true, minLength: 4);
            case "d" when P(i + 1, '/') && Eq(i + 2, "l"):
                return KeywordValue(i + 3, PiiLabel.DriverLicense, allowGroups: true, minLength: 4);
            case "s" when P(i + 1, '/') && Eq(i + 2, "n"):
                return KeywordValue(i + 3, PiiLabel.OtherId);
            case "plate" or "plates" or "registration" or "reg":
                {
                    var j = EqAny(i + 1, "was", "reads") ? i + 2 : i + 1; // "plate was IL BX 44218"
                    return KeywordValue(Is(j, Lex.StateCode) && tokens[j].Has(TokenFlags.AllCaps) ? EmitState(j) : j, PiiLabel.Plate, allowGroups: true);
                }

            case "tag" or "tags" when i + 1 < count && !tokens[i + 1].Has(TokenFlags.NewlineBefore):
                {
                    // (a line's end closes it: "FL TAG" then the next log entry's "23:41:40")
                    var plate = Is(i - 1, Lex.StateCode) || Is(i - 1, Lex.State) || EqAny(i - 1, "license", "temp", "paper", "dealer", "his", "her", "their", "vehicle");
                    return KeywordValue(i + 1, plate ? PiiLabel.Plate : PiiLabel.OtherId, allowGroups: plate);
                }

            case "booking" or "bkg" or "sid" or "inmate" or "class" or "ticket" or "evidence" or "item" or "property" or "asset" or "inventory" or "order"
                or "account" or "acct" or "card" or "member" or "passport" or "fbi" or "armory" or "receipt" or "routing" or "iban":
                return KeywordValue(i + 1, PiiLabel.OtherId, minLength: 2); // (one digit numbers a list: "ITEM 1 — CLOSE CALL")
            case "policy":
                return KeywordValue(i + 1, PiiLabel.OtherId, minLength: 5); // (an insurer's number; an agency's policies are numbered shorter: "Policy 314")
            case "ssn" or "social":
                r = KeywordValue(lower is "social" && Eq(i + 1, "security") ? SkipMarkers(i + 2) : i + 1, PiiLabel.Ssn, allowGroups: true, minLength: 9);
                return r;
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
            default:
                return 0;
        }
    }

    private int SkipMarkers(int start)
    {
        // "#", "no.", "number", ":", "num"; a full stop right after a keyword that is a whole word ends its sentence ("the
        // Training Unit. 10-4"), after an abbreviation it does not ("reg. F42-KRM").
        var j = start;
        for (var guard = 0; guard < 3 && j < count; guard++)
        {
            if (P(j, '#') || P(j, ':') || (P(j, '.') && Adj(j) && (j > start || !tokens[j - 1].Lex.IsEnglish)) || EqAny(j, "no", "number", "num", "nr", "nbr", "is", "was"))
            {
                j++;
                continue;
            }

            break;
        }

        return j;
    }

    public int KeywordValue(int keywordEnd, PiiLabel label, bool allowGroups = false, int minLength = 1)
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
        if (end == j + 1 && IsCalibre(j))
        {
            return 0; // "s&w shield 9mm": a calibre, not a badge
        }

        if (end == j + 1 && tokens[j].Kind == TokenKind.Number && tokens[j].Length <= 2 && Said(keywordEnd, j))
        {
            return 0; // "next unit was 45 out", "shield was #1": a count or a place in a line after "was"
        }

        if (!HasDigit(j, end))
        {
            // Plates written in two groups, letters first: "TXK 2291", "P 884512"; in lower case "qrm f22".
            if (label != PiiLabel.Plate || !(tokens[j].Has(TokenFlags.AllCaps) || LowerMode && PlateLetters(j)) || tokens[j].Length > 4 || end >= count || Adj(end)
                || !(tokens[end].Kind == TokenKind.Number || LowerMode && tokens[end].Kind == TokenKind.Alnum && tokens[end].Digits > 0) || tokens[end].Length > 6)
            {
                return 0;
            }

            end = IdEnd(end);
        }

        if (allowGroups)
        {
            // "29 331 114", "LMN 4820"; on the value's line ("TAG LKV-883" and the next entry's "0221").
            while (end < count && !Adj(end) && tokens[end].Kind != TokenKind.Punct && tokens[end].Digits > 0 && tokens[end].Length >= 2 && !tokens[end].Has(TokenFlags.NewlineBefore) && !IsMeasure(end + 1))
            {
                end = IdEnd(end);
            }

            // "plate 448 zkl": in lower case, a group of letters after the digits.
            if (label == PiiLabel.Plate && LowerMode && end < count && !Adj(end) && end - 1 == j && tokens[j].Kind == TokenKind.Number && PlateLetters(end) && !tokens[end].Has(TokenFlags.NewlineBefore))
            {
                end++;
            }
        }

        var length = tokens[end - 1].End - tokens[j].Start;
        // (after a badge's or a vehicle's number, "in" is a unit only before no determiner, and never after "4-117")
        if (length < minLength || (label is PiiLabel.BadgeId or PiiLabel.VehicleId ? end == j + 1 && IsUnitAfterNumber(end) : IsMeasure(end)))
        {
            return 0;
        }

        Emit(j, end, label);
        return end;
    }

    /// <summary>Two to four letters no list holds, read as a plate's group in lower case ("zkl", "qrm").</summary>
    private bool PlateLetters(int k) =>
        IsWord(k) && tokens[k].Length is >= 2 and <= 4 && tokens[k].Lex.Flags == Lex.None && !tokens[k].Lex.IsEnglish && !tokens[k].Lex.Has(LexExtra.NotPii);

    /// <summary>Whether "was" stands between a keyword and its value ("my unit was 3-14").</summary>
    private bool Said(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (Eq(k, "was"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"9mm", "40mm": a calibre.</summary>
    private bool IsCalibre(int j) =>
        tokens[j].Length <= 6 && char.IsAsciiDigit(text[tokens[j].Start]) && W(j).EndsWith("mm", StringComparison.OrdinalIgnoreCase);

    private int EmitState(int i)
    {
        Emit(i, i + 1, PiiLabel.Location);
        return i + 1;
    }

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
        if (spans.Count == 0 || tokens[i].Length > 2)
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
        if (Eq(i - 1, "both") && P(i - 2, ',') && value is > 0 and <= 110 && (i + 1 >= count || P(i + 1, ',') || P(i + 1, '.')))
        {
            // "the two men, both 16, were".
            return true;
        }

        return value is > 0 and <= 110 && LastIs(PiiLabel.Person, tokens[j].Start, 0)
            && (i + 1 >= count || tokens[i + 1].Kind == TokenKind.Punct || EqAny(i + 1, "and", "years", "yrs"));
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

    private int Pattern(int i, System.Text.RegularExpressions.Regex pattern, PiiLabel label)
    {
        var length = PiiPatterns.MatchLength(pattern, text, tokens[i].Start);
        return length > 0 ? EmitChars(tokens[i].Start, length, label) : 0;
    }
}
