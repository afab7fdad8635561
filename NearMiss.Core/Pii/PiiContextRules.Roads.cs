namespace NearMiss.Core.Pii;

/// <summary>
/// Freeways named by their number alone, as drivers in the West say them: "on the 101 southbound", "off the 202.",
/// "at the 33 split", "onto the 405 ramp". The number is the place; "the" and a word of travel before it, and after it
/// the end of a clause, a direction or a word of the freeway itself, keep it apart from "on the 25 bus" or "on the 911
/// line".
/// </summary>
internal sealed partial class PiiContextRules
{
    private void FreewaysByNumber(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(1, 3) || !TextHasWord("the"))
        {
            return;
        }

        for (var k = 2; k < count; k++)
        {
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
}
