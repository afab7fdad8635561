namespace NearMiss.Core.Pii;

/// <summary>Vehicles that are no PII: the units a crash report draws and a model's year.</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// "Unit 1: patrol, Dodge Charger", "Unit 2: Chevy Colorado": a crash report numbers the vehicles it draws, and
    /// those units (one digit after "Unit") are no call signs where one of them is described by a vehicle's make.
    /// </summary>
    private void CrashDiagramUnits(List<PiiSpan> spans)
    {
        if (!TextHasWord("unit") || !spans.Exists(static s => s.Label == PiiLabel.BadgeId))
        {
            return;
        }

        var drawn = false;
        for (var k = 0; k + 3 < count && !drawn; k++)
        {
            if (Eq(k, "unit") && DiagramNumber(k + 1) && P(k + 2, ':'))
            {
                for (var m = k + 3; m < Math.Min(count, k + 7) && !tokens[m].Has(TokenFlags.NewlineBefore); m++)
                {
                    drawn |= IsWord(m) && tokens[m].Lex.Has(LexExtra.Model) && !tokens[m].Has(TokenFlags.Lower);
                }
            }
        }

        if (drawn)
        {
            spans.RemoveAll(s => s.Label == PiiLabel.BadgeId && TokenEnding(s.End) is >= 1 and var n && DiagramNumber(n) && (Eq(n - 1, "unit") || s.Start < tokens[n].Start));
        }
    }

    /// <summary>A vehicle's number in a crash diagram: one digit.</summary>
    private bool DiagramNumber(int k) => k < count && tokens[k].Kind == TokenKind.Number && tokens[k].Length == 1;

    /// <summary>"a 2016 Ford F-250", "VEH: 2009 GMC YUKON": a year before a vehicle's make is its model's, not a date.</summary>
    private bool ModelYear(PiiSpan span) =>
        span.Label == PiiLabel.Date && span.Length == 4 && FirstToken(span.Start) is >= 0 and var k && tokens[k].Kind == TokenKind.Number && tokens[k].End == span.End
        && IsWord(k + 1) && Spaced(k, k + 1) && tokens[k + 1].Lex.Has(LexExtra.Model);
}
