namespace NearMiss.Core.Pii;

/// <summary>Premises named in lower case, as a voice's transcript writes them: "the sundowner motel", "the allsup's".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>The words that end a premise's name said in lower case.</summary>
    private static readonly WordSet LowerPremiseHeads = new(["motel", "hotel", "inn", "clinic", "mall", "school", "elementary", "apartments", "apts", "houses", "plaza", "union",
        "bank", "church", "hospital", "casino", "market", "tower", "towers", "regional", "memorial", "lodge", "saloon", "tavern", "bar", "grill", "diner", "cafe", "liquors", "liquor"]);

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
}
