namespace NearMiss.Core.Pii;

/// <summary>Call signs in a dispatch log and K9 units by number.</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// "2231 T14 TRAFFIC STOP": a short letters-and-digits code right after a log line's 24-hour time is the unit that
    /// acted, and so is every other mention of that code; "K9 17": a police dog's unit by its number.
    /// </summary>
    private void LogCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // A unit's code and "K9" are letters and digits in one token.
        if (!Shapes.Alnum)
        {
            return;
        }

        HashSet<string>? signs = null;
        for (var k = 0; k + 1 < count; k++)
        {
            if (!(k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)))
            {
                continue;
            }

            // The entry's time: four digits, or a clock time with colons the rules found ("23:41:12 OB21 ATT TO STOP").
            var unit = IsClockNumber(k) ? k + 1 : TimeAt(spans, tokens[k].Start) is var end and > 0 ? TokenAfterChar(end) : -1;
            if (unit > 0 && IsUnitCode(unit) && !tokens[unit].Has(TokenFlags.NewlineBefore))
            {
                (signs ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(unit).ToString());
            }
        }

        var lookup = signs?.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < count; k++)
        {
            var end = lookup is { } known && IsUnitCode(k) && known.Contains(W(k)) ? k
                : tokens[k].Kind == TokenKind.Alnum && Eq(k, "k9") && k + 1 < count && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length <= 3 && tokens[k + 1].Has(TokenFlags.SpaceBefore) ? k + 1
                : -1;
            if (end >= 0 && !Overlaps(spans, tokens[k].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
                k = end;
            }
        }
    }

    /// <summary>The end of a time span starting at <paramref name="start"/>, or 0.</summary>
    private static int TimeAt(List<PiiSpan> spans, int start)
    {
        foreach (var s in spans)
        {
            if (s.Start == start && s.Label == PiiLabel.Time)
            {
                return s.End;
            }
        }

        return 0;
    }

    /// <summary>The first token starting at or after <paramref name="charEnd"/>, or -1.</summary>
    private int TokenAfterChar(int charEnd)
    {
        var k = FirstToken(charEnd);
        return k < count && tokens[k].Start >= charEnd ? k : -1;
    }

    /// <summary>A unit's code: one or two letters, then one to three digits ("T14", "S3", "SQ331"), after a district's one to three digits or not ("1k12", "3S4", "4A12", "612B1").</summary>
    private bool IsUnitCode(int k)
    {
        if (k >= count || tokens[k].Kind != TokenKind.Alnum || tokens[k].Length > 6)
        {
            return false;
        }

        var w = W(k);
        var district = 0;
        while (district < w.Length && char.IsAsciiDigit(w[district]))
        {
            district++;
        }

        var letters = district;
        while (letters < w.Length && char.IsAsciiLetter(w[letters]))
        {
            letters++;
        }

        return district <= 3 && letters - district is >= 1 and <= 2 && w.Length - letters is >= 1 and <= 3 && !w[letters..].ContainsAnyExceptInRange('0', '9')
            && (district > 0 || w.Length <= 5);
    }

    /// <summary>What a unit does, after its number in a log: "22 on scene", "2214 advises", "25 responding".</summary>
    private static readonly WordSet UnitActions = new(["on", "out", "enrt", "en", "responding", "copy", "copies", "clear", "advises", "holds", "arrived", "req", "requests"]);

    /// <summary>
    /// The units of a log, after an entry's 24-hour time and its dash: a call sign with a hyphen ("1735  M-1 (Marshal
    /// Price)") or a bare number before what the unit does or who it is ("0943 - 22 and 25 responding", "2354  2214
    /// (Ofc Haddad)"); then each mention of those numbers that opens an entry or comes before what a unit does.
    /// </summary>
    private void LogUnits(List<PiiSpan> spans, List<PiiSpan> added)
    {
        HashSet<string>? units = null;
        var stamped = StampedLineEnds(spans);
        if (stamped is null && !Shapes.HasNumber(4, 4))
        {
            return; // (no line opens with a time: no entry names a unit)
        }

        for (var k = 0; k + 1 < count; k++)
        {
            // An entry's time is four digits, asked of the token before the rest of its shape.
            var entry = tokens[k].Kind == TokenKind.Number && tokens[k].Length == 4 && IsEntryTime(k);
            if (!entry && !(stamped?.Contains(k) ?? false))
            {
                continue;
            }

            var j = P(k + 1, '-') || P(k + 1, '—') || P(k + 1, '–') ? k + 2 : k + 1;
            var end = HyphenatedUnitEnd(j);
            if (end < 0 && IsUnitNumber(j) && (UnitActs(j + 1) || P(j + 1, '(') || EqAny(j + 1, "and", "&") && IsUnitNumber(j + 2) && UnitActs(j + 3)
                || stamped is not null && IsSpeakerColon(j + 1)))
            {
                end = j;
                if (EqAny(j + 1, "and", "&"))
                {
                    (units ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(j + 2).ToString());
                }
            }

            if (end >= 0)
            {
                (units ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(text[tokens[j].Start..tokens[end].End]);
            }
        }

        if (units is null)
        {
            return;
        }

        var known = units.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < count; k++)
        {
            var end = HyphenatedUnitEnd(k) is >= 0 and var hyphenated ? hyphenated : tokens[k].Kind == TokenKind.Number ? k : -1;
            if (end < 0 || !known.Contains(text.AsSpan(tokens[k].Start, tokens[end].End - tokens[k].Start)) || Overlaps(spans, tokens[k].Start, tokens[end].End))
            {
                continue;
            }

            var opens = IsEntryTime(k - 1) || (P(k - 1, '-') || P(k - 1, '—') || P(k - 1, '–')) && IsEntryTime(k - 2) || (stamped?.Contains(k - 1) ?? false);
            var called = Eq(k - 1, "copy") || P(k - 1, ',') && Eq(k - 2, "copy") || IsSpeakerColon(end + 1) && (opens || P(k - 1, ':'))
                || P(end + 1, ',') && (tokens[k].Has(TokenFlags.SentenceStart) || P(k - 1, ':') || P(k - 1, '.'));
            if (opens || called || UnitActs(end + 1) || EqAny(k - 1, "and", "&") && IsUnitNumber(k - 2) || end > k || P(end + 1, '(') && IsWord(end + 2) && !tokens[end + 2].Has(TokenFlags.Lower))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
            }

            k = end;
        }
    }

    /// <summary>
    /// The last tokens of times with their seconds or colons that open a line ("0615:09", "22:46:11"): a radio log's
    /// stamps, after which the speaker stands. Null when the text has none.
    /// </summary>
    private HashSet<int>? StampedLineEnds(List<PiiSpan> spans)
    {
        HashSet<int>? ends = null;
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.Time)
            {
                continue;
            }

            var first = FirstToken(span.Start);
            if (first < count && (first == 0 || tokens[first].Has(TokenFlags.NewlineBefore)) && text.AsSpan(span.Start, span.End - span.Start).Contains(':'))
            {
                (ends ??= []).Add(TokenEnding(span.End));
            }
        }

        return ends is { Count: >= 2 } ? ends : null;
    }

    /// <summary>A speaker's colon: ":" written against the word before it and followed by a space.</summary>
    private bool IsSpeakerColon(int k) =>
        P(k, ':') && tokens[k].Start == tokens[k - 1].End && (k + 1 >= count || tokens[k + 1].Start > tokens[k].End);

    /// <summary>A four-digit clock time that opens a line, alone or after the line's date ("31DEC 2354").</summary>
    private bool IsEntryTime(int k) =>
        k >= 0 && IsClockNumber(k) && (k == 0 || tokens[k].Has(TokenFlags.NewlineBefore) || k >= 1 && (k == 1 || tokens[k - 1].Has(TokenFlags.NewlineBefore)) && tokens[k - 1].Kind == TokenKind.Alnum)
        && !(k + 1 < count && tokens[k + 1].Start == tokens[k].End);

    /// <summary>One to four digits: a unit's number.</summary>
    private bool IsUnitNumber(int k) => k < count && k >= 0 && tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 4;

    private bool UnitActs(int k) => IsWord(k) && UnitActions.Contains(text, tokens[k]);

    /// <summary>The last token of "M-1", "T-14", "SQ-3": one or two capitals, a hyphen and up to three digits, written together; or -1.</summary>
    private int HyphenatedUnitEnd(int k) =>
        LetterHyphenNumber(k) && !tokens[k].Has(TokenFlags.Lower) && !JoinedAfter(k + 2, ',', ')', ':') ? k + 2 : -1;

    /// <summary>One or two letters (three in capitals: "SGT-4"), a hyphen and one to three digits, written together, from token <paramref name="k"/>.</summary>
    private bool LetterHyphenNumber(int k) =>
        IsWord(k) && (tokens[k].Length <= 2 || tokens[k].Length == 3 && tokens[k].Has(TokenFlags.AllCaps)) && P(k + 1, '-') && k + 2 < count && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length <= 3
        && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End;

    /// <summary>Is something other than the given punctuation written against the end of token <paramref name="last"/>?</summary>
    private bool JoinedAfter(int last, params ReadOnlySpan<char> allowed)
    {
        if (last + 1 >= count || tokens[last + 1].Start != tokens[last].End)
        {
            return false;
        }

        foreach (var c in allowed)
        {
            if (P(last + 1, c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "me (s-14) and chuy archuleta (s-9)", "M-220 (Ofc. Latrice Jenkins)": a unit's letter and number in brackets
    /// after "me" or a name, or before a rank or a name in brackets, is the unit's call sign; so is every other
    /// mention of it ("18:43 M-214 req M-220").
    /// </summary>
    private void UnitsBesidePeople(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // A unit is found only with its hyphen and number beside a bracket.
        if (!Shapes.HasPunct('-') || !Shapes.HasPunct('(') || !Shapes.HasNumber(1, 3))
        {
            return;
        }

        HashSet<string>? units = null;
        for (var k = 2; k + 3 < count; k++)
        {
            // (A unit's hyphen, asked first, passes over most tokens at once.)
            if (!P(k + 1, '-') || LetterUnitEnd(k) != k + 2)
            {
                continue;
            }

            var afterPerson = P(k - 1, '(') && P(k + 3, ')') && (Eq(k - 2, "me") || EndsSpan(spans, tokens[k - 2].End, PiiLabel.Person));
            var beforePerson = P(k + 3, '(') && k + 4 < count && (tokens[k + 4].Is(Lex.Rank) || StartsSpan(spans, tokens[k + 4].Start, PiiLabel.Person, PiiLabel.Person));
            if ((afterPerson || beforePerson) && !OverlapsOther(spans, tokens[k].Start, tokens[k + 2].End, PiiLabel.BadgeId))
            {
                (units ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(text[tokens[k].Start..tokens[k + 2].End]);
            }
        }

        for (var k = 0; units is not null && k + 2 < count; k++)
        {
            if (P(k + 1, '-') && LetterUnitEnd(k) == k + 2 && units.Contains(text[tokens[k].Start..tokens[k + 2].End]) && !Overlaps(spans, tokens[k].Start, tokens[k + 2].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k + 2].End, PiiLabel.BadgeId));
                k += 2;
            }
        }
    }

    /// <summary>
    /// "UNIT 3-12 (OFC HIGH HAWK) AND 3-15 (OFC MEDINA)", "0615 P14 (OFC ANDRZEJEWSKI) AND P30 (SGT LOPEZ-MALUENDA)",
    /// "Units: 212 (Ofc. Jae-won Shin), 215 (Ofc. Layla Mansour)": a unit's number, its letters and digits, or two numbers
    /// joined by a hyphen, before a rank and a name in brackets, is the unit's call sign; so is every other mention of
    /// one with letters or a hyphen ("2229 3-15 OS"; a number alone is spread as every badge's is).
    /// </summary>
    private void UnitsBeforeRanks(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('(') || !Shapes.HasLex(Lex.Rank) || !Shapes.Alnum && !Shapes.HasNumber(1, 5))
        {
            return;
        }

        HashSet<string>? units = null;
        for (var k = 0; k + 3 < count; k++)
        {
            var end = UnitIdEnd(k);
            if (end < 0 || !P(end + 1, '(') || !IsWord(end + 2) || !tokens[end + 2].Is(Lex.Rank) || tokens[end + 2].Is(Lex.Stop))
            {
                continue;
            }

            var name = P(end + 3, '.') ? end + 4 : end + 3;
            // (a name found, or a word that may be one: "(Officer Safety)" names no one)
            if (!(name < count && StartsSpan(spans, tokens[name].Start, PiiLabel.Person, PiiLabel.Person) || IsWord(name) && !tokens[name].Is(Lex.Stop) && !tokens[name].Lex.Has(LexExtra.NotPii)
                    && (!English(name) || tokens[name].Is(Lex.GivenName | Lex.Surname) || tokens[name].Length == 1 && P(name + 1, '.')))
                || OverlapsOther(spans, tokens[k].Start, tokens[end].End, PiiLabel.BadgeId))
            {
                continue;
            }

            if (!Overlaps(spans, tokens[k].Start, tokens[end].End) && !Overlaps(added, tokens[k].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
            }

            if (end > k || tokens[k].Kind == TokenKind.Alnum)
            {
                (units ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(text[tokens[k].Start..tokens[end].End]);
            }

            k = end;
        }

        for (var k = 0; units is not null && k < count; k++)
        {
            var end = UnitIdEnd(k);
            if (end >= 0 && units.Contains(text[tokens[k].Start..tokens[end].End]) && !Overlaps(spans, tokens[k].Start, tokens[end].End) && !Overlaps(added, tokens[k].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
                k = end;
            }
        }
    }

    /// <summary>
    /// The last token of a unit's id standing alone at <paramref name="k"/>: a number of up to five digits, letters and
    /// digits in one token (not "K9"), or two numbers joined by a hyphen; or -1.
    /// </summary>
    private int UnitIdEnd(int k)
    {
        if (k > 0 && tokens[k].Start == tokens[k - 1].End && !P(k - 1, '(') || k >= count)
        {
            return -1;
        }

        var end = tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 5 ? k
            : tokens[k].Kind == TokenKind.Alnum && tokens[k].Length <= 6 && !W(k).StartsWith("k9", StringComparison.OrdinalIgnoreCase) ? k
            : -1;
        if (end == k && tokens[k].Kind == TokenKind.Number && P(k + 1, '-') && k + 2 < count && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length <= 3
            && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End)
        {
            end = k + 2;
        }

        return end >= 0 && (end + 1 >= count || tokens[end + 1].Start > tokens[end].End || P(end + 1, ')') || P(end + 1, ',') || P(end + 1, ':')) ? end : -1;
    }

    /// <summary>"Ofc. Tran (2133)", "Officer Pham (12S17)", "(B3-14)": a number of three digits or more, or letters and
    /// digits, in brackets right after a name is the officer's badge or unit (an age has two digits, a phone goes on).</summary>
    private void BadgesAfterNames(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('(') || !Shapes.HasPunct(')'))
        {
            return;
        }

        for (var k = 1; k + 2 < count; k++)
        {
            if (!P(k, '(') || !EndsSpan(spans, tokens[k - 1].End, PiiLabel.Person))
            {
                continue;
            }

            var last = k + 1;
            while (last + 2 < count && P(last + 1, '-') && !tokens[last + 1].Has(TokenFlags.SpaceBefore) && !tokens[last + 2].Has(TokenFlags.SpaceBefore)
                && tokens[last + 2].Kind is TokenKind.Number or TokenKind.Alnum)
            {
                last += 2;
            }

            ref var first = ref tokens[k + 1];
            var id = first.Kind == TokenKind.Number && (first.Length is >= 3 and <= 6 || last > k + 1)
                || first.Kind == TokenKind.Alnum && first.Digits > 0 && first.Length <= 8
                || first.Kind == TokenKind.Word && first.Length <= 2 && last > k + 1;
            if (id && P(last + 1, ')') && !(last + 2 < count && tokens[last + 2].Kind == TokenKind.Number) && !Overlaps(spans, first.Start, tokens[last].End))
            {
                added.Add(new PiiSpan(first.Start, tokens[last].End, PiiLabel.BadgeId));
                k = last + 1;
            }
        }
    }

    /// <summary>The last token of "s-14", "M-220": one or two letters, a hyphen and one to three digits, written together and standing alone; or -1.</summary>
    private int LetterUnitEnd(int k) =>
        LetterHyphenNumber(k) && (k == 0 || tokens[k].Has(TokenFlags.SpaceBefore) || P(k - 1, '(')) && !JoinedAfter(k + 2, ',', ')', '.', ':') ? k + 2 : -1;

    /// <summary>A dispatcher's acknowledgement stamped with the time, at the end of its line or sentence: "copy, 2347.", "Copy 22, 1853.", "copy code 4 1416", "Copy 2-Sam-9 on scene, 2247.".</summary>
    private bool Acknowledged(int k)
    {
        if (!(k + 1 >= count || tokens[k + 1].Has(TokenFlags.NewlineBefore) || P(k + 1, '.') || P(k + 1, '"') || text[tokens[k + 1].Start] is '”'))
        {
            return false;
        }

        // "Copy, 1417.", "copy code 4 1416", "Copy 2-Sam-9 on scene, 2247.": "copy" earlier in the line's sentence.
        for (var j = k - 1; j >= Math.Max(0, k - 10); j--)
        {
            if (EqAny(j, "copy", "copies", "copied"))
            {
                return true;
            }

            if (tokens[j].Has(TokenFlags.NewlineBefore) || P(j, '.') || P(j, '?') || P(j, '!') || P(j, ':'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"Somebody shut it off. 1734 M-12: Escalator's off": a log's entry inside a paragraph, a clock time after a sentence and before its speaker.</summary>
    private bool BeforeSpeaker(int k)
    {
        if (!(P(k - 1, '.') || P(k - 1, '!') || P(k - 1, '?') || P(k - 1, '"') || text[tokens[k - 1].Start] is '”') || !Apart(k - 1, k))
        {
            return false;
        }

        var at = tokens[k].End;
        if (at + 1 >= text.Length || text[at] != ' ' || char.IsWhiteSpace(text[at + 1]))
        {
            return false;
        }

        var colon = text.IndexOf(':', at + 1, Math.Min(13, text.Length - at - 1));
        return colon > at + 1 && !text.AsSpan(at + 1, colon - at - 1).ContainsAny(' ', '\n') && colon + 1 < text.Length && text[colon + 1] == ' ';
    }

    /// <summary>
    /// "DEP BRANDVOLD P-31.", "DEP A. NWOSU, MC-7.": letters and digits right after a ranked name, or after its comma,
    /// closing the phrase, are the officer's badge or unit.
    /// </summary>
    private void IdsAfterRankedNames(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasLex(Lex.Rank) || !Shapes.Alnum && !Shapes.HasPunct('-'))
        {
            return;
        }

        foreach (var span in spans)
        {
            var f = FirstToken(span.Start);
            if (span.Label != PiiLabel.Person || f < 1 || tokens[f].Start != span.Start || !IsWord(f - 1) || !tokens[f - 1].Is(Lex.Rank))
            {
                continue;
            }

            var k = TokenEnding(span.End) + 1;
            k += P(k, ',') ? 1 : 0;
            var end = LetterHyphenNumber(k) ? k + 2
                : k < count && tokens[k].Kind == TokenKind.Alnum && tokens[k].Digits > 0 && tokens[k].Length <= 8 && !Eq(k, "k9") ? k : -1;
            if (end > 0 && (end + 1 >= count || tokens[end + 1].Has(TokenFlags.NewlineBefore) || P(end + 1, '.') || P(end + 1, ',') || P(end + 1, ';') || P(end + 1, ')'))
                && !Overlaps(spans, tokens[k].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
            }
        }
    }
}
