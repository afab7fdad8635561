namespace NearMiss.Core.Pii;

/// <summary>
/// Premises named in lower case, as a voice's transcript writes them: "the sundowner motel", "the allsup's", "lansing
/// correctional facility".
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>The words that end a premise's name said in lower case.</summary>
    private static readonly WordSet LowerPremiseHeads = new(["motel", "hotel", "inn", "clinic", "mall", "school", "elementary", "apartments", "apts", "houses", "plaza", "union",
        "bank", "church", "hospital", "casino", "market", "tower", "towers", "regional", "memorial", "lodge", "saloon", "tavern", "bar", "grill", "diner", "cafe", "liquors", "liquor",
        "storage", "terminal", "station", "service", "building", "reservation", "high", "academy", "park", "stadium", "arena", "depot", "dock", "pier", "marina", "airport", "fountain", "wash"]);

    /// <summary>
    /// A premise named in lower case after "the" or a word of place: one to three words and a word of premises ("the uh
    /// the sundowner motel", "transport to lake cumberland regional"), or a name and "'s" ("pulling into the allsup's at
    /// 45th"). One word of the name is no English word: "the vet clinic" names none.
    /// </summary>
    private void LowerPremises(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(LowerPremiseHeads) && !Shapes.HasPunct('\''))
        {
            return; // (a premise's head word, or a name and "'s")
        }

        for (var k = 1; k < count; k++)
        {
            // (the lead is a word of grammar, its flag tested before its letters)
            if (!IsWord(k - 1) || !tokens[k - 1].Is(Lex.Stop) || !IsWord(k) || !tokens[k].Has(TokenFlags.Lower) || tokens[k].Is(Lex.Stop) || !Spaced(k - 1, k) || !PremiseLead(k - 1))
            {
                continue;
            }

            var last = k;
            var named = false;
            var end = -1;
            while (last < count && last - k < 4 && IsWord(last) && tokens[last].Has(TokenFlags.Lower) && !tokens[last].Is(Lex.Stop | Lex.Locative) && !IsFiller(last) && !IsNumberWord(last)
                && (last == k || Spaced(last - 1, last)))
            {
                if (last > k && In(LowerPremiseHeads, last))
                {
                    // (over a premise's second word: "regional park"; not a street named for it: "tower ridge rd")
                    end = IsWord(last + 1) && Spaced(last, last + 1) && (tokens[last + 1].Is(Lex.PremiseSuffix) || In(LowerPremiseHeads, last + 1)) && !tokens[last + 1].Is(Lex.StreetSuffix) ? last + 1 : last;
                    end = IsWord(end + 1) && tokens[end + 1].Is(Lex.StreetSuffix) ? -1 : end;
                    break;
                }

                named |= !English(last);
                if (last == k && P(last + 1, '\'') && Eq(last + 2, "s") && tokens[last + 1].Start == tokens[last].End && !English(last) && EqAny(last + 3, "at", "on", "off", "by", "near")
                    && last + 4 < count && (IsWord(last + 4) && !tokens[last + 4].Is(Lex.Stop) || tokens[last + 4].Kind is TokenKind.Number or TokenKind.Alnum))
                {
                    end = last + 2; // "the allsup's at 45th"
                    break;
                }

                last++;
            }

            if (end < 0 || !named)
            {
                continue;
            }

            if (AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Location)))
            {
                k = end;
            }
        }
    }

    /// <summary>What stands before a premise's name: "the" (after a filler and "the" again: "the uh the"), or "at", "to", "into", "from", "near", "behind", "by", "outside".</summary>
    private bool PremiseLead(int k) => Eq(k, "the") || EqAny(k, "at", "to", "into", "from", "near", "behind", "outside") && tokens[k].Has(TokenFlags.Lower);

    /// <summary>Words of premises that follow the place or the name they are called by, in lower case.</summary>
    private static readonly WordSet PremiseHeadsAfter = new(["farm", "ranch", "barn", "school", "elementary", "plaza", "bridge", "ramp", "dam", "marina", "motel", "hotel",
        "inn", "casino", "church", "mall", "market", "tavern", "saloon", "apartments", "campground", "trailhead", "landing"]);

    /// <summary>
    /// A place found, or a name found after a word of place, and a word of premises after it in lower case: the premises
    /// are the place ("little wound school", "toward koreatown plaza", "the old kessler farm", "at the thedford sale
    /// barn"); not a road by its number ("the exit 47 ramp"). Read with the rules and again after the tagger, whose names and places it grows.
    /// </summary>
    private void PremiseHeadsAfterPlaces(List<PiiSpan> spans)
    {
        if (!TextHas(PremiseHeadsAfter))
        {
            return;
        }

        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            if (span.Label is not (PiiLabel.Location or PiiLabel.Person))
            {
                continue;
            }

            var first = FirstToken(span.Start);
            var last = TokenEnding(span.End);
            var head = last + 1;
            if (first >= count || last < first || tokens[last].End != span.End || !IsWord(last) || !IsWord(head) || !Spaced(last, head) || !tokens[head].Has(TokenFlags.Lower) || !In(PremiseHeadsAfter, head)
                || span.Label == PiiLabel.Person && !(PremiseLead(first - 1) || Eq(first - 1, "old") || EqAny(first - 1, "toward", "towards", "past", "by")))
            {
                continue;
            }

            if (s + 1 < spans.Count && spans[s + 1].Start < tokens[head].End)
            {
                continue; // (the head is another span's)
            }

            spans[s] = new PiiSpan(span.Start, tokens[head].End, PiiLabel.Location);
        }
    }

    /// <summary>The first words of premises of two words ("correctional facility", "national park", "state prison").</summary>
    private static readonly WordSet PremiseKinds = new(["correctional", "national", "state", "regional", "medical", "detention", "juvenile", "federal", "memorial", "community", "municipal", "international"]);

    /// <summary>Their second words.</summary>
    private static readonly WordSet PremiseHeads = new(["facility", "center", "centre", "institution", "park", "forest", "monument", "prison", "penitentiary", "hospital", "airport", "complex", "refuge", "seashore", "lakeshore", "preserve"]);

    /// <summary>
    /// The end of a premise of two words in lower case (or capitalised by the true-caser in text of one case) right after
    /// token <paramref name="last"/>, or -1. An agency found over it ("national park service") keeps it out.
    /// </summary>
    private int PremisePairEnd(int last)
    {
        var k = last + 1;
        return IsWord(k) && IsWord(k + 1) && Spaced(last, k) && Spaced(k, k + 1) && (tokens[k + 1].Has(TokenFlags.Lower) || caseless)
            && In(PremiseKinds, k) && In(PremiseHeads, k + 1)
            ? k + 1 : -1;
    }
}
