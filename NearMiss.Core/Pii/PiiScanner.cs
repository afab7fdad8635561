namespace NearMiss.Core.Pii;

/// <summary>The rules, applied left to right over the tokens of one text; see <see cref="LocalPiiDetector"/>.</summary>
internal sealed class PiiScanner(string text, Token[] tokens, int count, PiiLexicon lexicon, bool lowerText = false)
{
    private readonly List<PiiSpan> _spans = [];
    private bool _lowerMode;
    private bool _capsMode;
    private bool _dogContext;

    public List<PiiSpan> Run()
    {
        DetectMode();
        var i = 0;
        while (i < count)
        {
            var next = TryAt(i);
            i = next > i ? next : i + 1;
        }

        Propagate();
        return _spans;
    }

    // ------------------------------------------------------------------ helpers
    private ref Token T(int i) => ref tokens[i];

    private ReadOnlySpan<char> W(int i) => text.AsSpan(tokens[i].Start, tokens[i].Length);

    private bool Eq(int i, string word) => i >= 0 && i < count && W(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool EqAny(int i, params ReadOnlySpan<string> words)
    {
        if (i < 0 || i >= count)
        {
            return false;
        }

        var w = W(i);
        foreach (var word in words)
        {
            if (w.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool P(int i, char c) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Punct && text[tokens[i].Start] == c;

    private bool Adj(int i) => i < count && !tokens[i].Has(TokenFlags.SpaceBefore);

    private bool IsWord(int i) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Word;

    private bool Cap(int i) => IsWord(i) && tokens[i].Has(TokenFlags.Capitalized);

    private bool Is(int i, Lex flag) => i >= 0 && i < count && tokens[i].Is(flag);

    private bool IsNum(int i) => i >= 0 && i < count && tokens[i].Kind == TokenKind.Number;

    private bool IsInitial(int i) => IsWord(i) && tokens[i].Length == 1 && char.IsUpper(text[tokens[i].Start]) && P(i + 1, '.') && Adj(i + 1);

    private int Value(int i)
    {
        var value = 0;
        foreach (var c in W(i))
        {
            value = (value * 10) + (c - '0');
            if (value > 1_000_000)
            {
                break;
            }
        }

        return value;
    }

    private void Emit(int first, int endExclusive, PiiLabel label) =>
        _spans.Add(new PiiSpan(tokens[first].Start, tokens[endExclusive - 1].End, label));

    private int EmitChars(int start, int length, PiiLabel label)
    {
        _spans.Add(new PiiSpan(start, start + length, label));
        return TokenAfter(start + length);
    }

    private int TokenAfter(int charEnd)
    {
        // Tokens are sorted by start: binary search for the first that starts at or after charEnd.
        var lo = 0;
        var hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[mid].Start < charEnd)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>End (exclusive) of an identifier: word/number tokens joined by '-', '/' or '.' without spaces.</summary>
    private int IdEnd(int i)
    {
        if (i >= count || tokens[i].Kind == TokenKind.Punct)
        {
            return i;
        }

        var j = i + 1;
        while (j + 1 < count && Adj(j) && Adj(j + 1) && (P(j, '-') || P(j, '/') || P(j, '.')) && tokens[j + 1].Kind != TokenKind.Punct)
        {
            j += 2;
        }

        return j;
    }

    private bool HasDigit(int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (tokens[k].Digits > 0)
            {
                return true;
            }
        }

        return false;
    }

    private ReadOnlySpan<char> Chars(int first, int end) => text.AsSpan(tokens[first].Start, tokens[end - 1].End - tokens[first].Start);

    private void DetectMode()
    {
        int upper = 0, letters = 0;
        for (var k = 0; k < count; k++)
        {
            ref var t = ref tokens[k];
            if (t.Kind == TokenKind.Punct)
            {
                continue;
            }

            if (t.Kind == TokenKind.Word)
            {
                letters++;
                if (t.Has(TokenFlags.AllCaps) || t.Has(TokenFlags.Capitalized))
                {
                    upper++;
                }

                if (!_dogContext && (Eq(k, "dog") || Eq(k, "canine") || Eq(k, "k9") || Eq(k, "handler")))
                {
                    _dogContext = true;
                }
            }
            else if (!_dogContext && Eq(k, "k9"))
            {
                _dogContext = true;
            }
        }

        _lowerMode = lowerText || letters > 8 && upper * 50 < letters;
        var caps = 0;
        for (var k = 0; k < count; k++)
        {
            if (tokens[k].Has(TokenFlags.AllCaps))
            {
                caps++;
            }
        }

        _capsMode = letters > 8 && caps * 10 > letters * 6;
    }

    // ------------------------------------------------------------------ dispatch
    private int TryAt(int i)
    {
        ref var t = ref T(i);
        var first = text[t.Start];

        // E-mail and URLs: only where the whitespace-delimited run holds '@' or starts like a URL.
        if (t.Kind != TokenKind.Punct)
        {
            if (ContainsAt(t.Start))
            {
                var length = PiiPatterns.MatchLength(PiiPatterns.Email(), text, t.Start, 256);
                if (length > 0)
                {
                    return EmitChars(t.Start, length, PiiLabel.Email);
                }
            }

            if ((first is 'h' or 'H' or 'w' or 'W') && (EqAny(i, "http", "https", "www")))
            {
                var length = PiiPatterns.MatchLength(PiiPatterns.Url(), text, t.Start, 256);
                if (length > 0)
                {
                    while (length > 0 && text[t.Start + length - 1] is '.' or ',' or ')' or ';')
                    {
                        length--;
                    }

                    return EmitChars(t.Start, length, PiiLabel.OtherId);
                }
            }
        }

        if (t.Kind == TokenKind.Punct)
        {
            return PunctRules(i);
        }

        if (t.Has(TokenFlags.DigitFirst))
        {
            return NumberRules(i);
        }

        if (t.Kind == TokenKind.Alnum)
        {
            return AlnumRules(i);
        }

        return WordRules(i);
    }

    private bool ContainsAt(int start)
    {
        for (var k = start; k < text.Length && k < start + 128; k++)
        {
            var c = text[k];
            if (c == '@')
            {
                return true;
            }

            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return false;
    }

    // ------------------------------------------------------------------ punctuation
    private int PunctRules(int i)
    {
        var c = text[tokens[i].Start];
        if ((c == '(' || c == '+') && IsNum(i + 1) && Adj(i + 1))
        {
            // "(41)" right after a name is an age.
            if (c == '(' && P(i + 2, ')') && tokens[i + 1].Length <= 3 && Value(i + 1) <= 120 && LastIs(PiiLabel.Person, tokens[i].Start, 2))
            {
                Emit(i + 1, i + 2, PiiLabel.Age);
                return i + 3;
            }

            var length = PiiPatterns.MatchLength(PiiPatterns.Phone(), text, tokens[i].Start);
            if (length == 0 && c == '(' && CallSignInParens(i) is var callSign and > 0)
            {
                return callSign;
            }

            if (length > 0 && CountDigits(tokens[i].Start, length) >= 7)
            {
                return EmitChars(tokens[i].Start, length, PiiLabel.Phone);
            }
        }

        if (c == '(' && IsWord(i + 1) && Adj(i + 1) && CallSignInParens(i) is var sign and > 0)
        {
            return sign;
        }

        if (c == '#' && i + 1 < count && Adj(i + 1) && tokens[i + 1].Digits > 0)
        {
            var end = IdEnd(i + 1);
            var label = Is(i - 1, Lex.UnitDesignator) ? PiiLabel.Address : PiiLabel.BadgeId;
            Emit(i + 1, end, label);
            return end;
        }

        return 0;
    }

    /// <summary>"Tpr. Jonah Amaktoolik (B-21)": a short call sign in parentheses right after a name.</summary>
    private int CallSignInParens(int i)
    {
        if (!LastIs(PiiLabel.Person, tokens[i].Start, 1) || !Adj(i + 1))
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

    private bool LastIs(PiiLabel label, int before, int maxGap)
    {
        if (_spans.Count == 0)
        {
            return false;
        }

        var last = _spans[^1];
        return last.Label == label && before - last.End <= maxGap && before >= last.End;
    }

    private int CountDigits(int start, int length)
    {
        var digits = 0;
        foreach (var c in text.AsSpan(start, length))
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return digits;
    }

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

    private int CornerOf(int i)
    {
        var first = Eq(i - 1, "the") ? i - 1 : i;
        var j = i + 2;
        var sawAnd = false;
        var last = -1;
        while (j < count && !tokens[j].Has(TokenFlags.NewlineBefore))
        {
            if (tokens[j].Kind == TokenKind.Punct && !P(j, '.') && !P(j, '-') && !P(j, '\''))
            {
                break;
            }

            if (P(j, '.') && (j + 1 >= count || !Adj(j + 1)) && !(j > 0 && tokens[j - 1].Is(Lex.Abbreviation | Lex.StreetSuffix)))
            {
                break;
            }

            if (EqAny(j, "and", "&"))
            {
                sawAnd = true;
            }
            else if (tokens[j].Kind == TokenKind.Word && tokens[j].Has(TokenFlags.Lower) && !tokens[j].Is(Lex.ForeignStreet) && !tokens[j].Is(Lex.StreetSuffix) && sawAnd && last > 0)
            {
                break;
            }

            last = j;
            j++;
        }

        if (!sawAnd || last < 0)
        {
            return 0;
        }

        Emit(first, last + 1, PiiLabel.Address);
        return last + 1;
    }

    /// <summary>After a street name: "and E 105th St", "&amp; Main St" make one intersection; returns the new end or <paramref name="fallback"/>.</summary>
    private int IntersectionTail(int end, int fallback)
    {
        if (!EqAny(end, "and", "&"))
        {
            return fallback;
        }

        var k = end + 1;
        if (k < count && tokens[k].Length == 1 && EqAny(k, "n", "s", "e", "w") && Cap(k))
        {
            k++;
        }

        var last = k;
        while (last < count && last < k + 3 && (Cap(last) && !Is(last, Lex.Stop) || tokens[last].Kind == TokenKind.Alnum && IsOrdinal(last)) && !Is(last, Lex.StreetSuffix))
        {
            last++;
        }

        if (last > k && Is(last, Lex.StreetSuffix) && (Cap(last) || tokens[last].Has(TokenFlags.AllCaps)))
        {
            last++;
            return P(last, '.') && Adj(last) && Is(last - 1, Lex.Abbreviation) ? last + 1 : last;
        }

        if (last == k + 1 && tokens[k].Kind == TokenKind.Alnum && IsOrdinal(k) && EndsStreetName(last))
        {
            // "Elm St and 9th".
            return last;
        }

        return fallback;
    }

    private int Intersection(int i)
    {
        // "5th and Broad", "Main and 3rd".
        if (!EqAny(i + 1, "and", "&") && !P(i + 1, '/'))
        {
            return 0;
        }

        var k = i + 2;
        var ordinals = k < count && tokens[k].Kind == TokenKind.Alnum && IsOrdinal(k);
        if (ordinals && !IsStreetPreposition(i - 1) && !(Is(k + 1, Lex.StreetSuffix) && !Eq(k + 1, "way")) || ordinals && !EndsStreetName(k + 1))
        {
            // "finished 1st and 3rd", "between 1st and 2nd period": ranks and ordinals, not streets.
            return 0;
        }

        if ((Cap(k) && !Is(k, Lex.Stop) && !Is(k, Lex.SubUnit)) || ordinals)
        {
            var end = k + 1;
            if (Is(end, Lex.StreetSuffix))
            {
                end++;
            }

            Emit(i, end, PiiLabel.Address);
            return end;
        }

        return 0;
    }

    /// <summary>A preposition that puts a following street name on the map: "at", "near", "on", "found him at".</summary>
    private bool IsStreetPreposition(int i) =>
        EqAny(i, "at", "near", "on", "of", "to", "from", "off", "onto", "toward", "towards", "by", "past", "around", "approaching", "along", "down", "up", "crossing", "into", "outside", "via");

    /// <summary>
    /// Can the token after a numbered street end the street name? Punctuation, the end, a street type, a capitalised word
    /// that is no sub-unit, or a function word ("and", "around", "when"); not a lower-case noun ("shift", "gear", "graders").
    /// </summary>
    private bool EndsStreetName(int next)
    {
        if (next >= count || tokens[next].Kind != TokenKind.Word || tokens[next].Has(TokenFlags.NewlineBefore) || Is(next, Lex.StreetSuffix))
        {
            return next >= count || tokens[next].Kind != TokenKind.Alnum;
        }

        if (tokens[next].Has(TokenFlags.Capitalized | TokenFlags.AllCaps))
        {
            return !Is(next, Lex.SubUnit);
        }

        return Is(next, Lex.Stop | Lex.Locative | Lex.TimeLead);
    }

    /// <summary>
    /// "Elm and 9th", "Oak &amp; 3rd", "Maple at 12th", "Walnut and 14th St": a named street and a numbered one, one ADDRESS
    /// span. The name needs a street preposition before it, or must not read as a person's name; "at" always needs one.
    /// </summary>
    private int NamedIntersection(int i)
    {
        var connector = i + 1;
        var at = Eq(connector, "at");
        if (!at && !EqAny(connector, "and", "&") && !P(connector, '/'))
        {
            return 0;
        }

        var k = connector + 1;
        if (k >= count || tokens[k].Kind != TokenKind.Alnum || !IsOrdinal(k) || tokens[k].Has(TokenFlags.NewlineBefore) || tokens[k].Length > 5)
        {
            return 0;
        }

        ref var t = ref T(i);
        if (t.Length < 2 || t.Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Measure | Lex.Brand | Lex.Weapon | Lex.SubUnit | Lex.Keyword | Lex.Holiday)
            || (t.Lex.Flags & Lex.Common) != 0 && !t.Is(Lex.Place | Lex.Surname) && t.Lex.IsEnglish && !IsStreetPreposition(i - 1))
        {
            return 0;
        }

        var preposition = IsStreetPreposition(i - 1);
        var lower = !t.Has(TokenFlags.Capitalized);
        if ((at || lower) && !preposition || lower && !_lowerMode)
        {
            return 0;
        }

        if (!preposition && (t.Is(Lex.GivenName) && t.Lex.GivenCount >= 1500 || Is(i - 1, Lex.Rank | Lex.Role)))
        {
            // "Marcus and 2nd ..." reads as a person.
            return 0;
        }

        var end = k + 1;
        if (Is(end, Lex.StreetSuffix) && !tokens[end].Has(TokenFlags.NewlineBefore))
        {
            end++;
            if (P(end, '.') && Adj(end) && Is(end - 1, Lex.Abbreviation))
            {
                end++;
            }
        }
        else if (!EndsStreetName(end))
        {
            return 0;
        }

        Emit(i, end, PiiLabel.Address);
        return end;
    }

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

    private bool IsSingleWordHoliday(int i) =>
        EqAny(i, "thanksgiving", "christmas", "halloween", "easter", "juneteenth", "ramadan", "hanukkah", "chanukah", "kwanzaa", "diwali", "passover", "purim", "eid", "pentecost");

    /// <summary>"Black Friday Weekend", "Mardi Gras Eve": a capitalised Weekend or Eve is part of the name ("Memorial Day weekend" is not).</summary>
    private int DayTail(int end) => EqAny(end, "weekend", "eve") && Cap(end) && !tokens[end].Has(TokenFlags.NewlineBefore) ? end + 1 : end;

    /// <summary>Emits a named day from token <paramref name="i"/>, widened over "day before" / "weekend after".</summary>
    private int EmitHoliday(int i, int end)
    {
        var from = i;
        if ((Eq(i - 1, "before") || Eq(i - 1, "after")) && (Eq(i - 2, "day") || Eq(i - 2, "night") || Eq(i - 2, "weekend")))
        {
            from = i - 2;
        }

        Emit(from, end, PiiLabel.Date);
        return end;
    }

    /// <summary>
    /// A named day of several words from the lexicon's list: "Black Friday", "Cinco de Mayo", "Mother's Day",
    /// "St. Patrick's Day", "Super Bowl Sunday". Its words must be capitalised unless the text is all lower case or the
    /// phrase holds a weekday or month ("black friday").
    /// </summary>
    private int NamedDay(int i)
    {
        foreach (var words in lexicon.HolidayPhraseWords)
        {
            var end = MatchPhrase(i, words, out var capitalised, out var calendar);
            if (end > 0 && (capitalised || calendar || _lowerMode))
            {
                return EmitHoliday(i, DayTail(end));
            }
        }

        return 0;
    }

    /// <summary>Matches words case-insensitively from token i; "x's" also matches "xs" and "x’s", "st." matches "St" and "St.".</summary>
    private int MatchPhrase(int i, string[] words, out bool capitalised, out bool calendar)
    {
        capitalised = true;
        calendar = false;
        var k = i;
        foreach (var word in words)
        {
            if (!IsWord(k) && !(k < count && tokens[k].Kind == TokenKind.Alnum) || k > i && tokens[k].Has(TokenFlags.NewlineBefore))
            {
                return 0;
            }

            var w = W(k);
            var possessive = word.EndsWith("'s", StringComparison.Ordinal);
            var plural = word.EndsWith("s'", StringComparison.Ordinal);
            var dotted = word.EndsWith('.');
            var core = possessive ? word.AsSpan(0, word.Length - 2) : plural || dotted ? word.AsSpan(0, word.Length - 1) : word.AsSpan();
            var start = k;
            if (w.Equals(core, StringComparison.OrdinalIgnoreCase))
            {
                k++;
                if (possessive && (P(k, '\'') || P(k, '’')) && Adj(k) && Eq(k + 1, "s") && Adj(k + 1))
                {
                    k += 2;
                }
                else if ((plural && (P(k, '\'') || P(k, '’')) || dotted && P(k, '.')) && Adj(k))
                {
                    k++;
                }
            }
            else if (possessive && w.Length == core.Length + 1 && w.StartsWith(core, StringComparison.OrdinalIgnoreCase) && (w[^1] is 's' or 'S'))
            {
                k++;
            }
            else
            {
                return 0;
            }

            calendar |= tokens[start].Is(Lex.Weekday | Lex.Month);
            if (core.Length >= 3 && !tokens[start].Is(Lex.Stop) && !tokens[start].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) && tokens[start].Kind == TokenKind.Word)
            {
                capitalised = false;
            }
        }

        return k;
    }

    private int DateWords(int i)
    {
        ref var t = ref T(i);
        if ((t.Lex.Extra & LexExtra.HolidayHead) != 0)
        {
            var named = NamedDay(i);
            if (named > 0)
            {
                return named;
            }
        }

        if (t.Is(Lex.Weekday) && (t.Has(TokenFlags.Capitalized) || t.Has(TokenFlags.Lower)))
        {
            var weekdayEnd = i + 1;
            if (t.Length <= 5 && P(weekdayEnd, '.') && Adj(weekdayEnd))
            {
                weekdayEnd++;
            }
            else if (EqAny(weekdayEnd, "before", "after") && Is(weekdayEnd + 1, Lex.Holiday) && Cap(weekdayEnd + 1))
            {
                // "Sunday after Thanksgiving": one holiday-relative date.
                var holiday = DateWords(weekdayEnd + 1);
                if (holiday > 0)
                {
                    _spans.RemoveAt(_spans.Count - 1);
                    Emit(i, holiday, PiiLabel.Date);
                    return holiday;
                }
            }

            Emit(i, weekdayEnd, PiiLabel.Date);
            return weekdayEnd;
        }

        // "New Year's Day", "New Year's Eve", "New Years".
        if (Eq(i, "new") && t.Has(TokenFlags.Capitalized) && Cap(i + 1) && EqAny(i + 1, "year", "years", "year's"))
        {
            var newYearEnd = i + 2;
            if ((P(newYearEnd, '\'') || P(newYearEnd, '’')) && Adj(newYearEnd) && Eq(newYearEnd + 1, "s"))
            {
                newYearEnd += 2;
            }

            if (EqAny(newYearEnd, "day", "eve") && Cap(newYearEnd))
            {
                newYearEnd++;
            }

            Emit(i, newYearEnd, PiiLabel.Date);
            return newYearEnd;
        }

        if (t.Is(Lex.Holiday) && t.Has(TokenFlags.Capitalized))
        {
            var holidayEnd = i + 1;
            if (P(holidayEnd, '\'') && Eq(holidayEnd + 1, "s") && Adj(holidayEnd))
            {
                holidayEnd += 2;
            }

            if (EqAny(holidayEnd, "day", "eve", "sunday", "weekend") && Cap(holidayEnd))
            {
                holidayEnd++;
            }
            else if (!IsSingleWordHoliday(i))
            {
                return 0;
            }

            return EmitHoliday(i, DayTail(holidayEnd));
        }

        if (EqAny(i, "fourth") && Eq(i + 1, "of") && Eq(i + 2, "july") && t.Has(TokenFlags.Capitalized))
        {
            Emit(i, i + 3, PiiLabel.Date);
            return i + 3;
        }

        if (!t.Is(Lex.Month) || t.Has(TokenFlags.AllCaps))
        {
            return 0;
        }

        var w = W(i);
        var abbreviation = w.Length <= 4 && !w.Equals("june", StringComparison.OrdinalIgnoreCase) && !w.Equals("july", StringComparison.OrdinalIgnoreCase) && !w.Equals("may", StringComparison.OrdinalIgnoreCase);
        var ambiguous = EqAny(i, "may", "march", "june", "august", "april");
        if (t.Has(TokenFlags.Lower) && (ambiguous || abbreviation) || (!t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.Lower)))
        {
            return 0;
        }

        var j = i + 1;
        if (abbreviation && P(j, '.') && Adj(j))
        {
            j++;
        }

        // "May through October": a season, not a date.
        if (EqAny(j, "through", "thru", "to", "until", "-") && Is(j + 1, Lex.Month))
        {
            return j + 2;
        }

        var end = -1;
        if (j < count && (IsNum(j) && tokens[j].Length <= 2 && Value(j) is >= 1 and <= 31 || tokens[j].Kind == TokenKind.Alnum && IsOrdinal(j) && tokens[j].Length <= 4))
        {
            end = j + 1;
            if (P(end, ',') && IsNum(end + 1) && tokens[end + 1].Length == 4)
            {
                end += 2;
            }
            else if (IsNum(end) && tokens[end].Length == 4)
            {
                end++;
            }
        }
        else if (IsNum(j) && tokens[j].Length == 4)
        {
            end = j + 1;
        }
        else if (P(j, ',') && IsNum(j + 1) && tokens[j + 1].Length == 4)
        {
            end = j + 2;
        }
        else if (!abbreviation && (!ambiguous || EqAny(i - 1, "in", "of", "since", "early", "late", "mid", "last", "next", "this", "until", "by", "during", "on", "from")))
        {
            end = i + 1;
        }

        if (end < 0)
        {
            return 0;
        }

        // "9th of July", "12 March".
        var first = i;
        if (Eq(i - 1, "of") && i >= 2 && tokens[i - 2].Kind == TokenKind.Alnum && IsOrdinal(i - 2) && (_spans.Count == 0 || _spans[^1].End <= tokens[i - 2].Start))
        {
            first = i - 2;
        }

        Emit(first, end, PiiLabel.Date);
        return end;
    }

    private bool IsAgencySuffix(int j) => AgencySuffixEnd(j) > 0;

    /// <summary>End of an agency suffix starting at token j ("PD", "Police Department", "County Sheriff's Office", ...), or 0.</summary>
    private int AgencySuffixEnd(int j)
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

    /// <summary>
    /// A run of capitalised words ending in an agency, premise, street, county or organisation word:
    /// "Union Gap PD", "Pike County Jail", "Dock Street", "Kenosha County", "Abt Associates".
    /// </summary>
    private int CapitalRun(int i)
    {
        ref var t = ref T(i);
        var saint = EqAny(i, "st", "ft", "mt") && P(i + 1, '.') && Adj(i + 1) && Cap(i + 2) || Eq(i, "saint") && t.Has(TokenFlags.Capitalized) && Cap(i + 1);
        if (!saint && (t.Is(Lex.Stop) || t.Is(Lex.Rank) || t.Is(Lex.Weekday) || t.Is(Lex.Month) && !Cap(i + 1)))
        {
            return 0;
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
            if (names > 0 && tj.Kind == TokenKind.Word && (tj.Has(TokenFlags.Capitalized) || tj.Has(TokenFlags.Lower) && EqAny(j, "apts", "apartments", "county")))
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

                if (Is(j, Lex.StreetSuffix) && IsStreetName(i, j))
                {
                    var end = j + 1;
                    if (P(end, '.') && Adj(end))
                    {
                        end++;
                    }

                    if (Eq(j, "dr") && Cap(end))
                    {
                        break;
                    }

                    if (EqAny(end, "apts", "apartments") && tokens[end].Has(TokenFlags.Lower))
                    {
                        // "Rosewood Terrace apts bldg F": a complex named like a street.
                        j = end;
                        continue;
                    }

                    if (end < count && tokens[end].Has(TokenFlags.Lower) && IsWord(end) && W(end).EndsWith("ing", StringComparison.Ordinal) && !EqAny(end, "heading", "going", "traveling", "travelling", "driving", "walking", "running"))
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

                    var unit = UnitDesignator(end);
                    bestEnd = unit > end ? unit : IntersectionTail(end, j + 1);
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
    private bool PremiseAhead(int j)
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
    private bool IsPremiseWord(int j) =>
        Is(j, Lex.PremiseSuffix) || EqAny(j, "stop", "stops") && EqAny(j - 1, "truck", "travel", "fuel") || Eq(j, "area") && EqAny(j - 1, "rest", "service");

    private bool IsStreetName(int first, int suffix)
    {
        if (suffix <= first)
        {
            return false;
        }

        for (var k = first; k < suffix; k++)
        {
            if (!tokens[k].Is(Lex.Common) && !tokens[k].Is(Lex.Stop))
            {
                return !(Eq(suffix, "way") || Eq(suffix, "court") || Eq(suffix, "run") || Eq(suffix, "pass") || Eq(suffix, "walk") || Eq(suffix, "row") || Eq(suffix, "point") || Eq(suffix, "bend") || Eq(suffix, "landing"))
                    || Cap(suffix);
            }
        }

        return Eq(suffix, "street") || Eq(suffix, "st") || Eq(suffix, "avenue") || Eq(suffix, "ave") || Eq(suffix, "road") || Eq(suffix, "rd") || Eq(suffix, "blvd");
    }

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
