namespace NearMiss.Core.Pii;

/// <summary>
/// Numbers in a form's labelled fields that name a vehicle or a unit: "Squad: 3251", "Car: 27", "UNITS: 612B 634 6420".
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Labels of a field that holds a vehicle's number.</summary>
    private static readonly WordSet VehicleFields = new(["squad", "car", "vehicle", "veh", "cruiser", "unit", "units"]);

    private void LabelledVehicles(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(':') || !TextHas(VehicleFields))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            // The label opens a line or follows a wide gap after the field before ("Badge: 7724   Squad: 3251").
            if (!In(VehicleFields, k) || !P(k + 1, ':') || !(TurnStart(k) || k > 0 && tokens[k].Start - tokens[k - 1].End >= 2))
            {
                continue;
            }

            var units = EqAny(k, "unit", "units");
            if (tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length == 4 && int.TryParse(W(k + 2), out var year) && year is >= 1950 and <= 2039 && IsWord(k + 3) && !tokens[k + 3].Has(TokenFlags.NewlineBefore))
            {
                continue; // a model year before its make: "VEH: 2011 Ford F-350"
            }

            for (var n = k + 2; n < count && !tokens[n].Has(TokenFlags.NewlineBefore) && tokens[n].Kind is TokenKind.Number or TokenKind.Alnum && tokens[n].Length <= 6 && !P(n + 1, '-'); n++) // (not a ten-code: "Unit: 10-4")
            {
                AddInPlace(spans, added, new PiiSpan(tokens[n].Start, tokens[n].End, units ? PiiLabel.BadgeId : PiiLabel.VehicleId));
                if (!units)
                {
                    break;
                }
            }
        }
    }
}
