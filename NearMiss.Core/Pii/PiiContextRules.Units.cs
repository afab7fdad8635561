namespace NearMiss.Core.Pii;

/// <summary>Unit and call-sign numbers said again on their own ("3-Lincoln-22" ... "22, copy"), and call signs by their spelling word ("Baker 4-12").</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// Other mentions of a unit's number: once a badge or call sign ending in a number of two or more digits is found,
    /// the same number standing alone elsewhere in the text is the same unit on the radio ("22, copy", "31 on scene",
    /// "dispatch sends 722"), unless a measure follows ("22 minutes") or it is part of a time, date or larger number.
    /// </summary>
    private void SpreadUnits(List<PiiSpan> spans)
    {
        HashSet<string>? numbers = null;
        HashSet<string>? codes = null;
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.BadgeId)
            {
                continue;
            }

            var last = TokenEnding(span.End);
            if (last >= 0 && tokens[last].Kind == TokenKind.Number && tokens[last].Length is >= 2 and <= 5)
            {
                (numbers ??= new HashSet<string>(StringComparer.Ordinal)).Add(W(last).ToString());
            }
            else if (last >= 0 && tokens[last].Start == span.Start && tokens[last].Kind == TokenKind.Alnum && tokens[last].Length is >= 2 and <= 6)
            {
                (codes ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(last).ToString());
            }
        }

        if (codes is not null)
        {
            SpreadCodes(spans, codes);
        }

        if (numbers is null)
        {
            return;
        }

        var lookup = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var added = false;
        for (var k = 0; k < count; k++)
        {
            if (tokens[k].Kind != TokenKind.Number || !lookup.Contains(W(k)) || !StandsAlone(k) || IsWord(k + 1) && tokens[k + 1].Is(Lex.Measure)
                || Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            spans.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.BadgeId));
            added = true;
        }

        if (added)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>
    /// Other mentions of a call sign of letters and digits found ("UNIT C12", "P14:"): the same, in either case ("c12 copy"),
    /// or its letter said apart from its number ("p 14 ill be out", "DISPATCH: P 14 they are advising").
    /// </summary>
    private void SpreadCodes(List<PiiSpan> spans, HashSet<string> codes)
    {
        var lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> joined = stackalloc char[8];
        var added = false;
        for (var k = 0; k < count; k++)
        {
            var last = k;
            if (tokens[k].Kind == TokenKind.Alnum)
            {
                if (!lookup.Contains(W(k)))
                {
                    continue;
                }
            }
            else if (IsWord(k) && tokens[k].Length == 1 && k + 1 < count && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length <= 4 && Spaced(k, k + 1)
                && !tokens[k + 1].Has(TokenFlags.NewlineBefore))
            {
                W(k).CopyTo(joined);
                W(k + 1).CopyTo(joined[1..]);
                if (!lookup.Contains(joined[..(1 + tokens[k + 1].Length)]))
                {
                    continue;
                }

                last = k + 1;
            }
            else
            {
                continue;
            }

            if (!Overlaps(spans, tokens[k].Start, tokens[last].End))
            {
                spans.Add(new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.BadgeId));
                added = true;
            }

            k = last;
        }

        if (added)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>A number not joined to another by a point, colon, slash or dash ("12:40", "3/4", "1.5", "4-21").</summary>
    private bool StandsAlone(int k) =>
        !(k >= 2 && tokens[k - 1].Kind == TokenKind.Punct && tokens[k - 1].End == tokens[k].Start && text[tokens[k - 1].Start] is '.' or ':' or '/' or '-' && tokens[k - 2].End == tokens[k - 1].Start)
        && !(k + 2 < count && tokens[k + 1].Kind == TokenKind.Punct && tokens[k + 1].Start == tokens[k].End && text[tokens[k + 1].Start] is '.' or ':' or '/' or '-' && tokens[k + 2].Start == tokens[k + 1].End && tokens[k + 2].Kind != TokenKind.Punct);

    /// <summary>Words of the older spelling alphabet that call signs still use ("Baker 4-12", "Able 3").</summary>
    private static readonly WordSet OldPhonetic = new(["able", "baker", "easy", "fox", "item", "jig", "nan", "oboe", "peter", "sugar", "uncle", "yoke"]);

    /// <summary>
    /// Call signs by their spelling word: once a unit's number is found with a capitalised spelling word before it or
    /// opening it ("Baker 4-12"), that word before a number is a call sign wherever it stands ("2216  Baker 4-12:",
    /// "Baker 4-9, I'm at Exit 78"), and the word joins the number found alone.
    /// </summary>
    private void CallSignWords(List<PiiSpan> spans)
    {
        HashSet<string>? words = null;
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.BadgeId || FirstToken(span.Start) is not (>= 0 and var k) || tokens[k].Start != span.Start)
            {
                continue;
            }

            var word = IsSpellingWord(k) && CallNumberEnd(k + 1) >= 0 ? k : IsSpellingWord(k - 1) && Spaced(k - 1, k) && CallNumberEnd(k) >= 0 ? k - 1 : -1;
            if (word >= 0)
            {
                (words ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(word).ToString());
            }
        }

        if (words is null)
        {
            return;
        }

        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var added = false;
        for (var k = 0; k + 1 < count; k++)
        {
            if (!IsSpellingWord(k) || !lookup.Contains(W(k)) || !Spaced(k, k + 1) || CallNumberEnd(k + 1) is not (>= 0 and var end))
            {
                continue;
            }

            var sign = new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId);
            if (!OverlapsBeyond(spans, sign) && !OverlapsOther(spans, sign.Start, sign.End, PiiLabel.BadgeId))
            {
                RemoveWithin(spans, sign.Start, sign.End);
                spans.Add(sign);
                added = true;
            }

            k = end;
        }

        if (added)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>A capitalised word of either spelling alphabet ("Baker", "Adam", "LINCOLN").</summary>
    private bool IsSpellingWord(int k) =>
        k >= 0 && IsWord(k) && tokens[k].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) && (In(Phonetic, k) || In(OldPhonetic, k));

    /// <summary>The last token of a unit's number at <paramref name="k"/> ("12", "4-12"), not a measure's or a clock's; -1 if none.</summary>
    private int CallNumberEnd(int k)
    {
        if (k >= count || tokens[k].Kind != TokenKind.Number || tokens[k].Length > 4)
        {
            return -1;
        }

        var end = P(k + 1, '-') && k + 2 < count && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End ? k + 2 : k;
        return IsWord(end + 1) && tokens[end + 1].Is(Lex.Measure) || P(end + 1, ':') && end + 2 < count && tokens[end + 2].Kind == TokenKind.Number ? -1 : end;
    }

    /// <summary>
    /// A police dog's name after "k nine" said aloud, as speech-to-text writes K9 ("my partner is k nine jinx she's a
    /// malinois", "k nine ranger, he's three"): a word that is no title, count or unit, before a pause, a pronoun or a verb
    /// of being. Its other mentions are found with the names'.
    /// </summary>
    private void SaidK9Names(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!caseless || !TextHas(NumberWords))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            if (!Eq(k, "k") || !Eq(k + 1, "nine") || !Spaced(k, k + 1) || !Spaced(k + 1, k + 2))
            {
                continue;
            }

            var j = k + 2;
            var closes = j + 1 >= count || tokens[j + 1].Kind == TokenKind.Punct || tokens[j + 1].Has(TokenFlags.NewlineBefore) || EqAny(j + 1, "she", "he", "is", "was", "and", "uh", "um");
            if (IsWord(j) && tokens[j].Length > 2 && closes && !tokens[j].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Measure) && !IsNumberWord(j) && !In(NotDogNames, j)
                && !Overlaps(spans, tokens[j].Start, tokens[j].End) && !Overlaps(added, tokens[j].Start, tokens[j].End))
            {
                added.Add(new PiiSpan(tokens[j].Start, tokens[j].End, PiiLabel.OtherId));
            }
        }
    }

    /// <summary>What follows "k nine" that is no dog's name: the unit, its people, its work.</summary>
    private static readonly WordSet NotDogNames = new(["unit", "units", "officer", "handler", "deputy", "team", "truck", "car", "track", "tracking", "sniff", "deployment", "deployed", "bite",
        "search", "program", "trained", "training", "partner", "dog", "vehicle", "sergeant", "corporal", "trooper", "report", "incident", "call", "log", "memo", "note", "notes", "update", "work"]);

    /// <summary>
    /// A police dog's name after "K-9" written with its hyphen: "Sheriff's K-9 Ranger is recovering", "K-9 Havoc
    /// indicated". The word is capitalised and no title, count or unit; a rank's word only with no name after it ("K-9
    /// Ranger Dale Hess" is a ranger, "K-9 Sgt. Hess" a sergeant).
    /// </summary>
    private void HyphenedK9Names(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasLetter("k") || !Shapes.HasNumber(1, 1))
        {
            return;
        }

        for (var k = 0; k + 3 < count; k++)
        {
            var j = k + 3;
            if (!Eq(k, "k") || !P(k + 1, '-') || !Eq(k + 2, "9") || tokens[k + 1].Start != tokens[k].End || tokens[k + 2].Start != tokens[k + 1].End || !Spaced(k + 2, j)
                || !IsWord(j) || !tokens[j].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) || tokens[j].Length <= 2 || tokens[j].Is(Lex.Stop | Lex.Measure)
                || In(NotDogNames, j) || IsWord(j + 1) && tokens[j + 1].Has(TokenFlags.Capitalized) && Spaced(j, j + 1) || P(j + 1, '.') && tokens[j + 1].Start == tokens[j].End && tokens[j].Is(Lex.Rank))
            {
                continue;
            }

            if (!Overlaps(spans, tokens[j].Start, tokens[j].End) && !Overlaps(added, tokens[j].Start, tokens[j].End))
            {
                added.Add(new PiiSpan(tokens[j].Start, tokens[j].End, PiiLabel.OtherId));
            }
        }
    }

    /// <summary>
    /// A vehicle's number said aloud: two number words or more after "car", "bus", "van", "cruiser", "truck", "boat",
    /// "vessel", a fire engine, medic unit or ladder, a patrol car ("rmp") or a train ("in car two fourteen", "the operator
    /// of bus fourteen oh nine", "my car is two thirty one", "engine fifty six came out"), not a count ("van two miles
    /// back", "car two three times") nor a vehicle of a report's list ("car two" alone); one word of ten or more where the
    /// vehicle is someone's ("in car fourteen", "on patrol boat eleven", "sheriff's office car fourteen"); a unit's or a motor officer's the same way
    /// (BADGE_ID: "by myself unit four twelve", "motor five fourteen").
    /// </summary>
    private void SpokenVehicles(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(SaidVehicles) || !TextHas(NumberWords))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            // "my car is two thirty one": the number may follow "is" or "was".
            var said = In(SaidVehicles, k) && (Eq(k + 1, "is") || Eq(k + 1, "was")) && Eq(k - 1, "my") ? k + 1 : k;
            if (!In(SaidVehicles, k) || !IsNumberWord(said + 1) || Eq(said + 1, "oh") || !Spaced(said, said + 1))
            {
                continue;
            }

            k = said;
            var n = k + 1;
            while (n < count && n <= k + 5 && IsNumberWord(n) && Spaced(n - 1, n))
            {
                n++;
            }

            // One word only where it cannot be a count and the vehicle is someone's: "in car fourteen", "my unit, car twenty".
            // An agency's car, any number: "iowa state university police car nineteen", "hoosick falls police department car three".
            var one = n - k - 1 == 1 && ((In(Teens, k + 1) || In(Tens, k + 1) || EqAny(k + 1, "sixty", "seventy", "eighty", "ninety"))
                && (EqAny(k - 1, "in", "my", "patrol", "our", "his", "her", "their", "office", "department", "pd", "police") || P(k - 1, ','))
                || EqAny(k - 1, "police", "department", "pd", "so") && Eq(k, "car"));
            if (n - k - 1 < 2 && !one || In(Counted, n) || IsWord(n) && tokens[n].Is(Lex.Measure))
            {
                continue;
            }

            var vehicle = new PiiSpan(tokens[k + 1].Start, tokens[n - 1].End, EqAny(k, "unit", "motor") ? PiiLabel.BadgeId : PiiLabel.VehicleId);
            if (AddInPlace(spans, added, vehicle))
            {
                k = n - 1;
            }
        }
    }

    /// <summary>
    /// Units listed after "units" and one found, in the same shape: "UNITS 231B 234B DISP": each next number or code of
    /// the first's length and letters' places, a comma, "and" or "&amp;" between.
    /// </summary>
    private void UnitsListed(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("units"))
        {
            return;
        }

        for (var s = 0; s < spans.Count; s++)
        {
            if (spans[s].Label != PiiLabel.BadgeId || FirstToken(spans[s].Start) is var k && (k >= count || tokens[k].Start != spans[s].Start || TokenEnding(spans[s].End) != k) || tokens[k].Kind == TokenKind.Word
                || !Eq(k - 1, "units"))
            {
                continue;
            }

            for (var next = k + 1; next < count && !tokens[next].Has(TokenFlags.NewlineBefore);)
            {
                next += P(next, ',') || P(next, '&') || Eq(next, "and") ? 1 : 0;
                if (next >= count || !SameShape(k, next) || Overlaps(spans, tokens[next].Start, tokens[next].End) || Overlaps(added, tokens[next].Start, tokens[next].End))
                {
                    break;
                }

                added.Add(new PiiSpan(tokens[next].Start, tokens[next].End, PiiLabel.BadgeId));
                next++;
            }
        }
    }

    /// <summary>Are tokens <paramref name="a"/> and <paramref name="b"/> of one kind and length, their letters in the same places ("231B", "234B")?</summary>
    private bool SameShape(int a, int b)
    {
        if (tokens[a].Kind != tokens[b].Kind || tokens[a].Length != tokens[b].Length)
        {
            return false;
        }

        for (var i = 0; i < tokens[a].Length; i++)
        {
            if (char.IsAsciiDigit(text[tokens[a].Start + i]) != char.IsAsciiDigit(text[tokens[b].Start + i]))
            {
                return false;
            }
        }

        return true;
    }
}
