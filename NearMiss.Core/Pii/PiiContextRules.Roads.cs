namespace NearMiss.Core.Pii;

/// <summary>
/// Freeways named by their number alone, as drivers in the West say them: "on the 101 southbound", "off the 202.",
/// "at the 33 split", "onto the 405 ramp". The number is the place; "the" and a word of travel before it, and after it
/// the end of a clause, a direction or a word of the freeway itself, keep it apart from "on the 25 bus" or "on the 911
/// line". State routes named by the state's AP abbreviation, as news writes them: "Ky. 15", "Ga. 400".
/// </summary>
internal sealed partial class PiiContextRules
{
    private void FreewaysByNumber(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 3))
        {
            return;
        }

        for (var k = 2; k < count; k++)
        {
            // "northbound 491, speeds 90": a direction of travel names the road before its number.
            if (tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 3 && EqAny(k - 1, "northbound", "southbound", "eastbound", "westbound") && Spaced(k - 1, k)
                && !IsCounted(k + 1) && !(IsWord(k + 1) && tokens[k + 1].Is(Lex.Measure)) && !(k + 1 < count && tokens[k + 1].Start == tokens[k].End && !P(k + 1, '.') && !P(k + 1, ','))
                && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
                continue;
            }

            if (tokens[k].Kind != TokenKind.Number || tokens[k].Length > 3 || !Eq(k - 1, "the") || !EqAny(k - 2, "on", "onto", "off", "via", "take", "took", "taking", "hit", "exited", "merged")
                || Eq(k, "911") || k + 1 < count && tokens[k + 1].Start == tokens[k].End && !P(k + 1, '.') && !P(k + 1, ','))
            {
                continue;
            }

            var after = k + 1 >= count || P(k + 1, '.') || P(k + 1, ',') || P(k + 1, ';') || P(k + 1, '!') || P(k + 1, '?')
                || EqAny(k + 1, "northbound", "southbound", "eastbound", "westbound", "nb", "sb", "eb", "wb", "north", "south", "east", "west")
                || EqAny(k + 1, "fwy", "freeway", "ramp", "interchange", "split", "exit", "overpass", "on-ramp", "offramp", "off-ramp");
            if (after && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
            }
        }
    }

    /// <summary>"along Ky. 160", "parts of Ky. 15 and Ky. 80": a state route by the AP abbreviation of its state.</summary>
    private void StateRoutes(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('.') || !Shapes.HasNumber(1, 4))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            if (!IsWord(k) || !tokens[k].Lex.Has(LexExtra.ApState) || !tokens[k].Has(TokenFlags.Capitalized) || !P(k + 1, '.') || tokens[k + 1].Start != tokens[k].End
                || tokens[k + 2].Kind != TokenKind.Number || tokens[k + 2].Length > 4 || !Spaced(k + 1, k + 2)
                || k + 3 < count && (tokens[k + 3].Start == tokens[k + 2].End && !P(k + 3, '.') && !P(k + 3, ',') || IsCounted(k + 3)))
            {
                continue;
            }

            var route = new PiiSpan(tokens[k].Start, tokens[k + 2].End, PiiLabel.Location);
            if (!OverlapsBeyond(spans, route))
            {
                RemoveWithin(spans, route.Start, route.End);
                added.Add(route);
                k += 2;
            }
        }
    }
}
