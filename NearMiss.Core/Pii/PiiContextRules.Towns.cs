namespace NearMiss.Core.Pii;

/// <summary>
/// Towns by their context where their name alone says nothing (decision 067): a listed town before its state ("Hope,
/// AR"), and a town of two or three words typed in lower case after a word of place ("near storm lake").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// "Hope, AR", "HAZARD, KY", "Boring, Oregon": a listed town before a comma and its state, even where the town's name
    /// is an ordinary word or a name. The state closes the phrase: a clause's end, a bracket, a dash or a postcode after
    /// it ("AR-15" and "CA compliant" are no state).
    /// </summary>
    private void TownsBeforeStates(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(',') || !Shapes.HasLex(Lex.State | Lex.StateCode))
        {
            return;
        }

        for (var k = 2; k < count; k++)
        {
            if (!P(k - 1, ',') || !IsWord(k) || !(tokens[k].Is(Lex.StateCode) && tokens[k].Length == 2 && tokens[k].Has(TokenFlags.AllCaps) || tokens[k].Is(Lex.State) && !tokens[k].Has(TokenFlags.Lower)))
            {
                continue;
            }

            var after = k + 1;
            var closes = after >= count || tokens[after].Has(TokenFlags.NewlineBefore) || P(after, '.') || P(after, ',') || P(after, ';') || P(after, '(') || P(after, ')')
                || P(after, '-') && !(after + 1 < count && tokens[after + 1].Start == tokens[after].End)
                || tokens[after].Kind == TokenKind.Number && tokens[after].Length == 5 && tokens[after].Start > tokens[k].End;
            // The town: a listed phrase of two or three words ("BOWLING GREEN"), or one listed word.
            var last = k - 2;
            var town = -1;
            for (var first = last - 2; closes && first < last; first++)
            {
                if (first >= 0 && AllCapitalised(first, last)
                    && lexicon.PhrasePopulation(text.AsSpan(tokens[first].Start, tokens[last].End - tokens[first].Start).ToString().ToLowerInvariant()) >= 0)
                {
                    town = first;
                    break;
                }
            }

            // (One word of a longer capitalised name is not the town: "BOWLING GREEN" when only "GREEN" is listed.)
            if (town < 0 && IsWord(last) && !tokens[last].Has(TokenFlags.Lower) && tokens[last].Is(Lex.Place) && !(last > 0 && AllCapitalised(last - 1, last)) && !tokens[last].Is(Lex.Stop | Lex.Month | Lex.Weekday | Lex.State))
            {
                town = last;
            }

            if (!closes || town < 0 || OverlapsBeyond(spans, new PiiSpan(tokens[town].Start, tokens[last].End, PiiLabel.Location)) || Overlaps(added, tokens[town].Start, tokens[last].End))
            {
                continue;
            }

            RemoveWithin(spans, tokens[town].Start, tokens[last].End);
            added.Add(new PiiSpan(tokens[town].Start, tokens[last].End, PiiLabel.Location));
        }
    }

    /// <summary>
    /// Towns of two or three words typed in lower case after a word of place: "at fort peck", "near reeds spring",
    /// "in storm lake". A listed phrase, not opened by a word of grammar ("the village"), of a town of five thousand people
    /// or more, or of a thousand with a word that is not English; a phrase of ordinary words naming a small place ("plain
    /// view", "cut off") and a single word in lower case are too often ordinary, and are left to the tagger.
    /// </summary>
    private void LowerPlacePhrases(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasLex(Lex.PlaceHead))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Has(TokenFlags.Lower) || !tokens[k].Is(Lex.PlaceHead) || tokens[k].Is(Lex.Stop) || !IsWord(k - 1) || !tokens[k - 1].Is(Lex.Locative) || !tokens[k - 1].Has(TokenFlags.Lower))
            {
                continue;
            }

            var end = -1;
            for (var last = k + 1; last <= k + 2 && last < count && IsWord(last) && tokens[last].Has(TokenFlags.Lower) && Spaced(last - 1, last); last++)
            {
                var population = tokens[last].Is(Lex.Stop) ? -1 : lexicon.PhrasePopulation(text.AsSpan(tokens[k].Start, tokens[last].End - tokens[k].Start));
                if (population >= 5000 || population >= 1000 && !(English(k) && English(last) && (last == k + 1 || English(k + 1))))
                {
                    end = last;
                }
            }

            if (end > 0 && !Overlaps(spans, tokens[k].Start, tokens[end].End) && !Overlaps(added, tokens[k].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Location));
                k = end;
            }
        }
    }

    /// <summary>Are the tokens from <paramref name="first"/> to <paramref name="last"/> words, none in lower case, with one space between?</summary>
    private bool AllCapitalised(int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (!IsWord(k) || tokens[k].Has(TokenFlags.Lower) || k > first && !Spaced(k - 1, k))
            {
                return false;
            }
        }

        return true;
    }
}
