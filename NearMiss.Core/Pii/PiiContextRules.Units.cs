namespace NearMiss.Core.Pii;

/// <summary>Unit and call-sign numbers said again on their own ("3-Lincoln-22" ... "22, copy").</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// Other mentions of a unit's number: once a badge or call sign ending in a number of two or more digits is found,
    /// the same number standing alone elsewhere in the text is the same unit on the radio ("22, copy", "31 on scene",
    /// "dispatch sends 722"), unless a measure follows ("22 minutes") or it is part of a time, date or larger number.
    /// </summary>
    private void SpreadUnits(List<PiiSpan> spans)
    {
        HashSet<string>? numbers = null;
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.BadgeId)
            {
                continue;
            }

            var last = TokenEnding(span.End);
            if (last >= 0 && tokens[last].Kind == TokenKind.Number && tokens[last].Length is >= 2 and <= 5)
            {
                (numbers ??= new HashSet<string>(StringComparer.Ordinal)).Add(W(last).ToString());
            }
        }

        if (numbers is null)
        {
            return;
        }

        var lookup = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var added = false;
        for (var k = 0; k < count; k++)
        {
            if (tokens[k].Kind != TokenKind.Number || !lookup.Contains(W(k)) || !StandsAlone(k) || IsWord(k + 1) && tokens[k + 1].Is(Lex.Measure)
                || Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            spans.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.BadgeId));
            added = true;
        }

        if (added)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>A number not joined to another by a point, colon, slash or dash ("12:40", "3/4", "1.5", "4-21").</summary>
    private bool StandsAlone(int k) =>
        !(k >= 2 && tokens[k - 1].Kind == TokenKind.Punct && tokens[k - 1].End == tokens[k].Start && text[tokens[k - 1].Start] is '.' or ':' or '/' or '-' && tokens[k - 2].End == tokens[k - 1].Start)
        && !(k + 2 < count && tokens[k + 1].Kind == TokenKind.Punct && tokens[k + 1].Start == tokens[k].End && text[tokens[k + 1].Start] is '.' or ':' or '/' or '-' && tokens[k + 2].Start == tokens[k + 1].End && tokens[k + 2].Kind != TokenKind.Punct);
}
