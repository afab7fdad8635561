namespace NearMiss.Core.Pii;

/// <summary>Plates after their state, with or without "plate" between (decision 067): "IL CJ 74109", "Oregon plates, 173 KFG".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// A plate after its state, with or without "plate" or "tag" between: "IL CJ 74109", "Illinois plates, DK 48213",
    /// "Colorado ARN-Q82", "MN DKL-552" (in a text all in capitals the code as the true-caser wrote it: "ok JKL-442"), "Oregon plates, 173 KFG", "plate was iowa JYK 772". The plate is in capitals with
    /// letters and digits: one token of five to eight, a hyphened one of six to nine ("F-150" is a truck), or a group
    /// of letters and a group of digits. The state is a place, found here when no rule found it.
    /// </summary>
    private void PlatesAfterStates(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasLex(Lex.State | Lex.StateCode))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            if (!IsWord(k) || !(tokens[k].Is(Lex.State) || tokens[k].Is(Lex.StateCode) && tokens[k].Length == 2 && (tokens[k].Has(TokenFlags.AllCaps) || caseless && !tokens[k].Is(Lex.Stop))))
            {
                continue;
            }

            var n = k + 1;
            var named = IsWord(n) && EqAny(n, "plate", "plates", "tag", "tags");
            n += named ? 1 : 0;
            n += P(n, ',') || P(n, ':') ? 1 : 0;
            n += Eq(n, "was") || Eq(n, "is") ? 1 : 0;

            // In lower case only where "plate" or "tag" says so, before the state or after it: "kansas plate kt 20581",
            // "plate was iowa jyk 772"; its letters no word ("colorado plate was new").
            named |= In(PlateNames, k - 1) || EqAny(k - 1, "was", "is") && In(PlateNames, k - 2);
            var lower = named && n < count && tokens[n].Has(TokenFlags.Lower) && tokens[n].Kind == TokenKind.Word && !English(n) && !IsNumberWord(n);
            if (n >= count || tokens[n].Has(TokenFlags.NewlineBefore) || tokens[n].Has(TokenFlags.Lower) && !lower || tokens[n].Kind == TokenKind.Punct)
            {
                continue;
            }

            var end = PlateShapeEnd(n, lower);
            if (end <= n)
            {
                continue;
            }

            // (in place of a part read as a place or a name: "colorado plate cgk 2209")
            var plate = new PiiSpan(tokens[n].Start, tokens[end - 1].End, PiiLabel.Plate);
            if (!OverlapsBeyond(spans, plate) && !Overlaps(added, plate.Start, plate.End))
            {
                RemoveWithin(spans, plate.Start, plate.End);
                added.Add(plate);
            }

            // The state too, which the place rules pass over in capitals ("BLK SILVERADO OK JKL-442"); not "ID", which
            // before an id is that word ("radio ID FC-118").
            if (!Eq(k, "id") && !Overlaps(spans, tokens[k].Start, tokens[k].End) && !Overlaps(added, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
            }

            k = end - 1;
        }
    }

    /// <summary>The words that name a plate before or after its state.</summary>
    private static readonly WordSet PlateNames = new(["plate", "plates", "tag", "tags"]);

    /// <summary>The end (exclusive) of a plate's shape at <paramref name="n"/>, or <paramref name="n"/>; in lower case too when <paramref name="lower"/>.</summary>
    private int PlateShapeEnd(int n, bool lower = false)
    {
        var joined = n;
        while (joined + 2 < count && (P(joined + 1, '-') || P(joined + 1, '/')) && tokens[joined + 1].Start == tokens[joined].End && tokens[joined + 2].Start == tokens[joined + 1].End
            && tokens[joined + 2].Kind != TokenKind.Punct)
        {
            joined += 2;
        }

        int letters = 0, digits = 0;
        for (var j = n; j <= joined; j++)
        {
            digits += tokens[j].Digits;
            letters += tokens[j].Kind == TokenKind.Punct ? 0 : tokens[j].Length - tokens[j].Digits;
            if (tokens[j].Has(TokenFlags.Lower) && !lower)
            {
                return n;
            }
        }

        var length = tokens[joined].End - tokens[n].Start;
        var closed = joined + 1 >= count || tokens[joined + 1].Start > tokens[joined].End || P(joined + 1, '.') || P(joined + 1, ',') || P(joined + 1, ')');
        if (letters > 0 && digits > 0 && closed && (joined == n ? length is >= 5 and <= 8 : length is >= 6 and <= 9))
        {
            return joined + 1;
        }

        // Two groups, letters then digits or digits then letters: "CJ 74109", "173 KFG"; not a bill ("California AB 109").
        var second = n + 1;
        if (joined == n && second < count && !EqAny(n, "ab", "sb", "hb", "hf", "sf", "lb", "hr", "sr") && Spaced(n, second) && (lower || !tokens[second].Has(TokenFlags.Lower))
            && (tokens[n].Kind == TokenKind.Word && tokens[n].Length is >= 2 and <= 3 && tokens[second].Kind == TokenKind.Number && tokens[second].Length is >= 3 and <= 6
                || tokens[n].Kind == TokenKind.Number && tokens[n].Length is >= 3 and <= 4 && tokens[second].Kind == TokenKind.Word && tokens[second].Length == 3)
            && (second + 1 >= count || !IsWord(second + 1) || tokens[second + 1].Has(TokenFlags.Lower)) && !IsCounted(second + 1) && !(lower && IsNumberWord(second + 1)))
        {
            return second + 1;
        }

        return n;
    }

    /// <summary>
    /// A plate or serial read out in the spelling alphabet, with no word before it to say so: "Colorado Bravo Kilo Whiskey
    /// one niner eight four", "golf bravo x ray seven seven two one". Five signs or more in a row, two of them letters of the
    /// alphabet said as words and two digits, spaced or each set off by a comma ("Paul, King, George, four, four, zero, one",
    /// where the older alphabet's words count only so); after "vin" or "serial" it is that number. A run inside a call sign
    /// already found ("adam one one adam one one") is left to it.
    /// </summary>
    private void RadioLetterPlates(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(PhoneticLetters, Phonetic) || !TextHas(DigitWords) && !Shapes.HasNumber(1, 4))
        {
            return;
        }

        for (var k = 0; k + 4 < count; k++)
        {
            if (!In(PhoneticLetters, k) && !IsReadSign(k) && !(In(Phonetic, k) && P(k + 1, ',')))
            {
                continue;
            }

            // (read with a comma after each sign: "Charlie, Papa, X-ray, four, one, one, nine", "Paul, King, George, four")
            var commas = P(k + 1, ',');
            int words = 0, digits = 0, signs = 0, last = k, n = k;
            while (n < count && (n == k || (commas ? P(n - 1, ',') : Spaced(n - 1, n) || Unfilled(n - 1, n)) || tokens[n].Start == tokens[n - 1].End && (P(n, '-') || P(n - 1, '-') || commas && P(n, ','))))
            {
                if (commas && P(n, ',') && n + 1 < count && Spaced(n, n + 1) && !tokens[n + 1].Has(TokenFlags.NewlineBefore))
                {
                    n++;
                    continue;
                }

                var x = Eq(n, "x") && (Eq(n + 1, "ray") && Spaced(n, n + 1) || P(n + 1, '-') && Eq(n + 2, "ray")) ? (P(n + 1, '-') ? n + 2 : n + 1) : -1;
                if (x > 0 || In(PhoneticLetters, n) || In(Phonetic, n) && P(n + 1, ','))
                {
                    words++;
                    n = x > 0 ? x : n;
                }
                else if (tokens[n].Kind == TokenKind.Number && tokens[n].Length <= 4)
                {
                    digits += tokens[n].Length;
                }
                else if (In(DigitWords, n) || Eq(n, "niner"))
                {
                    digits++;
                }
                else if (!(IsWord(n) && IsLetterAlone(n) || Eq(n, "dash") || P(n, '-')))
                {
                    break;
                }

                signs += P(n, '-') || Eq(n, "dash") ? 0 : 1;
                last = P(n, '-') || Eq(n, "dash") ? last : n;
                n++;
            }

            if (words < 2 || digits < 2 || signs < 5)
            {
                k = Math.Max(k, last);
                continue;
            }

            var id = new PiiSpan(tokens[k].Start, tokens[last].End, EqAny(k - 1, "vin") || EqAny(k - 2, "vin") ? PiiLabel.VehicleId
                : EqAny(k - 1, "serial", "was") && EqAny(k - 2, "serial", "number") ? PiiLabel.OtherId : PiiLabel.Plate);
            if (In(PhoneticLetters, k))
            {
                // Its digits after its letters were read as a unit's number: "tag charlie november four seven two eight copy".
                added.RemoveAll(a => a.Label == PiiLabel.BadgeId && a.Start > id.Start && a.End <= id.End && IsDigitsSaid(a));
            }

            if (!Overlaps(added, id.Start, id.End) && !Covered(spans, id))
            {
                // A place or name read into the letters gives them back ("oregon plate hotel" of "plate hotel x ray lima").
                for (var s = spans.Count - 1; s >= 0; s--)
                {
                    var found = spans[s];
                    if (found.Start < id.Start && found.End > id.Start && found.End <= id.End && found.Label is PiiLabel.Location or PiiLabel.Person)
                    {
                        spans[s] = new PiiSpan(found.Start, tokens[k - 1].End, found.Label);
                    }
                }

                if (!OverlapsBeyond(spans, id))
                {
                    RemoveWithin(spans, id.Start, id.End);
                    added.Add(id);
                }
            }

            k = last;
        }
    }

    /// <summary>The span is digits alone, said or written ("four seven two eight", "4728").</summary>
    private bool IsDigitsSaid(PiiSpan span)
    {
        for (var k = FirstToken(span.Start); k < count && tokens[k].Start < span.End; k++)
        {
            if (!(tokens[k].Kind == TokenKind.Number || In(DigitWords, k)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Tokens <paramref name="a"/> and <paramref name="b"/> are apart by a filler made spaces ("seven seven uh niner one",
    /// <see cref="PiiSpokenNumbers.Unfill"/>): a few spaces, no line's end.
    /// </summary>
    private bool Unfilled(int a, int b) =>
        b < count && tokens[b].Start - tokens[a].End is > 2 and <= 6 && text.AsSpan(tokens[a].End, tokens[b].Start - tokens[a].End).IsWhiteSpace() && !tokens[b].Has(TokenFlags.NewlineBefore);

    /// <summary>A sign that may open an id read aloud: a digit said or written alone, or a letter alone.</summary>
    private bool IsReadSign(int k) => tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 4 || In(DigitWords, k) || IsWord(k) && IsLetterAlone(k);
}
