namespace NearMiss.Core.Pii;

/// <summary>
/// Words written short that recognisers take for part of a name: a rank or role before the name, a calibre's "cal".
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// "C.O." (a corrections or commanding officer) and "P.O." (a police or probation officer) before a name are the
    /// rank, not two initials: "WRITER C.O. TASHA BRANDWEIN" is Tasha Brandwein, "THIS P.O., TREMAINE WASHBURN" is
    /// Tremaine Washburn. A person found as nothing but the rank is none. So are a supervisory special agent's and an
    /// individual in custody's letters before a name of two words or more ("SSA MELINDA CHAO-WEXLER", "IIC JOEL HARGROVE").
    /// </summary>
    private void DottedRanks(List<PiiSpan> spans)
    {
        if (!text.Contains(".O.", StringComparison.Ordinal) && !text.Contains(".o.", StringComparison.Ordinal) && !TextHas(RoleLetters))
        {
            return;
        }

        for (var s = spans.Count - 1; s >= 0; s--)
        {
            var span = spans[s];
            var first = FirstToken(span.Start);
            if (span.Label != PiiLabel.Person || first < 0 || tokens[first].Start != span.Start)
            {
                continue;
            }

            if (RoleLetters.Contains(text, tokens[first]) && IsWord(first + 1) && tokens[first + 1].End < span.End)
            {
                spans[s] = span with { Start = tokens[first + 1].Start };
                continue;
            }

            if (!IsDottedRank(first))
            {
                continue;
            }

            var k = first + 4;
            while (k < count && tokens[k].Kind == TokenKind.Punct && tokens[k].End <= span.End)
            {
                k++;
            }

            if (k >= count || tokens[k].End > span.End)
            {
                spans.RemoveAt(s);
            }
            else
            {
                spans[s] = span with { Start = tokens[k].Start };
            }
        }
    }

    /// <summary>"C.O." or "P.O." from token <paramref name="i"/>, the dots right after their letters.</summary>
    private bool IsDottedRank(int i) =>
        i + 3 < count && IsWord(i) && tokens[i].Length == 1 && (Eq(i, "c") || Eq(i, "p")) && P(i + 1, '.') && Eq(i + 2, "o") && P(i + 3, '.')
        && tokens[i + 1].Start == tokens[i].End && tokens[i + 2].Start == tokens[i + 1].End && tokens[i + 3].Start == tokens[i + 2].End;

    /// <summary>Letters for a role that go before a name: a supervisory special agent, an assistant special agent in charge, an individual in custody.</summary>
    private static readonly WordSet RoleLetters = new(["ssa", "asac", "iic"]);

    /// <summary>"3 .40 CAL CASINGS", "a 22 cal": the calibre's word after its number, not a man called Cal.</summary>
    private bool CalibreWord(PiiSpan span)
    {
        if (span.Label != PiiLabel.Person || span.End - span.Start is < 3 or > 4)
        {
            return false;
        }

        var k = FirstToken(span.Start);
        return k > 0 && tokens[k].Start == span.Start && tokens[k].End >= span.End - 1 && (Eq(k, "cal") || Eq(k, "cal."))
            && tokens[k - 1].Kind == TokenKind.Number;
    }
}
