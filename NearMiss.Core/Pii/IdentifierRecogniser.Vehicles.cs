namespace NearMiss.Core.Pii;

/// <summary>A vehicle's fleet number after its word: "car 3417", "car 7-114", "car (12-0971)", "my car (2207)", "VEH #3-0447", "Vehicle: 2217", "patrol car No. 1862".</summary>
internal sealed partial class IdentifierRecogniser
{
    /// <summary>The number after "car", "cruiser", "engine", "medic", "truck", "squad", "vehicle" and the like at <paramref name="i"/>: its end, or 0.</summary>
    private int CarNumber(int i, bool veh)
    {
        if (P(i + 1, ':') && IsNum(i + 2) && tokens[i + 2].Length is >= 3 and <= 5 && !IsMeasure(i + 3) && !P(i + 3, '-') && !(IsWord(i + 3) && !tokens[i + 3].Has(TokenFlags.Lower) && !tokens[i + 3].Has(TokenFlags.NewlineBefore))
            && !(tokens[i + 2].Length == 4 && (W(i + 2).StartsWith("19", StringComparison.Ordinal) || W(i + 2).StartsWith("20", StringComparison.Ordinal))))
        {
            // "Vehicle: 2217" in a form's header (a report numbering its vehicles writes "Vehicle: 1"; "VEH: 2011 FORD" is a model year).
            Emit(i + 2, i + 3, PiiLabel.VehicleId);
            return i + 3;
        }

        if (P(i + 1, '(') && IsNum(i + 2) && Adj(i + 2) && P(i + 3, '-') && IsNum(i + 4) && P(i + 5, ')'))
        {
            // "car (12-0971)".
            Emit(i + 2, i + 5, PiiLabel.VehicleId);
            return i + 6;
        }

        if (MarkedVehicleId(i) is > 0 and var marked)
        {
            return marked;
        }

        // "patrol car No. 1862", "squad car, No. 214,", "car number 3417".
        var no = P(i + 1, ',') ? i + 2 : i + 1;
        var numbered = Eq(no, "no") && P(no + 1, '.') && Adj(no + 1) ? no + 2 : Eq(no, "number") ? no + 1 : 0;
        if (numbered > 0 && IsNum(numbered) && tokens[numbered].Length <= 5 && !IsMeasure(numbered + 1) && !(P(numbered + 1, '-') && Adj(numbered + 1)))
        {
            Emit(numbered, numbered + 1, PiiLabel.VehicleId);
            return numbered + 1;
        }

        if (IsNum(i + 1) && tokens[i + 1].Length <= 3 && P(i + 2, '-') && Adj(i + 2) && IsNum(i + 3) && Adj(i + 3) && tokens[i + 3].Length <= 4 && !(Adj(i + 4) && !P(i + 4, '.') && !P(i + 4, ',') && !P(i + 4, ')')))
        {
            // "car 7-114", "VEH 4-12.".
            Emit(i + 1, i + 4, PiiLabel.VehicleId);
            return i + 4;
        }

        if (IsNum(i + 1) && tokens[i + 1].Length <= 5 && !(tokens[i + 1].Length == 1 ? IsMeasure(i + 2) : IsUnitAfterNumber(i + 2)) && !(P(i + 2, '-') && (Adj(i + 2) || tokens[i + 1].Length == 1)) && !(veh && tokens[i + 1].Length == 1))
        {
            // "car 3417", "car 3417 - 3500 S" (a spaced dash ends it; "CAR 1 - MELISSA", "VEH 1" number a report's vehicles);
            // "parked car 5207 in the right lane" (no length in inches; "CAR 1 IN THE DITCH" counts a crash's cars).
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
    }

    /// <summary>
    /// A car's number set off after its word: in brackets ("my car (2207)", "car (63-G)"), after a number sign ("VEH
    /// #3-0447") or between commas ("My car, P-207, was"); the end of the id, or 0.
    /// </summary>
    private int MarkedVehicleId(int i)
    {
        var open = P(i + 1, '(');
        var comma = P(i + 1, ',');
        if (!open && !comma && !P(i + 1, '#'))
        {
            return 0;
        }

        var j = i + 2;
        if (j >= count || tokens[j].Kind == TokenKind.Punct || tokens[j].Has(TokenFlags.NewlineBefore))
        {
            return 0;
        }

        var end = IdEnd(j);
        var length = tokens[end - 1].End - tokens[j].Start;
        var closed = open ? P(end, ')') : !comma || P(end, ',') && (tokens[j].Kind != TokenKind.Word || tokens[j].Has(TokenFlags.AllCaps));
        if (!closed || !HasDigit(j, end) || length > 9 || IsMeasure(end) || IsCalibre(j))
        {
            return 0;
        }

        Emit(j, end, PiiLabel.VehicleId);
        return end;
    }
}
