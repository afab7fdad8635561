namespace NearMiss.Core.Pii;

/// <summary>Call signs in a dispatch log and K9 units by number.</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// "2231 T14 TRAFFIC STOP": a short letters-and-digits code right after a log line's 24-hour time is the unit that
    /// acted, and so is every other mention of that code; "K9 17": a police dog's unit by its number.
    /// </summary>
    private void LogCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        HashSet<string>? signs = null;
        for (var k = 0; k + 1 < count; k++)
        {
            if (IsClockNumber(k) && (k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) && IsUnitCode(k + 1) && !tokens[k + 1].Has(TokenFlags.NewlineBefore))
            {
                (signs ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(k + 1).ToString());
            }
        }

        var lookup = signs?.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < count; k++)
        {
            var end = lookup is { } known && IsUnitCode(k) && known.Contains(W(k)) ? k
                : Eq(k, "k9") && k + 1 < count && tokens[k + 1].Kind == TokenKind.Number && tokens[k + 1].Length <= 3 && tokens[k + 1].Has(TokenFlags.SpaceBefore) ? k + 1
                : -1;
            if (end >= 0 && !Overlaps(spans, tokens[k].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.BadgeId));
                k = end;
            }
        }
    }

    /// <summary>A unit's code: one or two letters, then one to three digits ("T14", "S3", "SQ331").</summary>
    private bool IsUnitCode(int k)
    {
        if (k >= count || tokens[k].Kind != TokenKind.Alnum || tokens[k].Length > 5 || !char.IsAsciiLetter(text[tokens[k].Start]))
        {
            return false;
        }

        var w = W(k);
        var letters = 0;
        while (letters < w.Length && char.IsAsciiLetter(w[letters]))
        {
            letters++;
        }

        return letters <= 2 && w.Length - letters is >= 1 and <= 3 && !w[letters..].ContainsAnyExceptInRange('0', '9');
    }
}
