namespace NearMiss.Core.Pii;

/// <summary>
/// Words beside a name or place that recognisers take for part of it, or for a name: a rank or role written short before
/// a name, a saint's "St." opening a surname, a report's verb opening a sentence, a calibre's "cal".
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

    /// <summary>
    /// A surname of "St." and a name found as a person ("Ptl. Rosalind St. Pierre", "st. clair yelled gun"): the saint's
    /// word is the surname's, joined to a given name found just before it.
    /// </summary>
    private void SaintSurnames(List<PiiSpan> spans)
    {
        if (!TextHas(SaintWords))
        {
            return;
        }

        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            var first = FirstToken(span.Start);
            if (span.Label != PiiLabel.Person || first < 1 || tokens[first].Start != span.Start)
            {
                continue;
            }

            // "St. Pierre" (the dot against the word) or "St Pierre".
            var dotted = first >= 2 && P(first - 1, '.') && tokens[first - 1].Start == tokens[first - 2].End;
            var saint = dotted ? first - 2 : first - 1;
            if (!IsWord(saint) || !In(SaintWords, saint) || !Spaced(first - 1, first)
                || saint > 0 && tokens[saint - 1].Kind is TokenKind.Number or TokenKind.Alnum) // (an address: "1200 St. Pierre")
            {
                continue;
            }

            var start = tokens[saint].Start;
            if (s > 0 && spans[s - 1].Label == PiiLabel.Person && saint > 0 && spans[s - 1].End == tokens[saint - 1].End && Spaced(saint - 1, saint))
            {
                start = spans[s - 1].Start; // "Rosalind" and "St. Pierre" are one name
                spans.RemoveAt(s - 1);
                s--;
            }

            spans[s] = span with { Start = start };
        }
    }

    private static readonly WordSet SaintWords = new(["st", "ste", "saint"]);

    /// <summary>
    /// A report's verb opening a sentence, taken into the place or agency after it by its capital: "ASSIGNED ERIE STATION
    /// ON THE BROAD STREET LINE" is Erie Station. Only verbs of the report's actions: an adjective in "-ed" may open a
    /// name ("United States Park Police", "Painted Desert").
    /// </summary>
    private void VerbsBeforePlaces(List<PiiSpan> spans)
    {
        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            var first = FirstToken(span.Start);
            if (span.Label is not (PiiLabel.Location or PiiLabel.Agency) || first < 0 || tokens[first].Start != span.Start || !IsWord(first + 1)
                || tokens[first + 1].End >= span.End || !tokens[first].Has(TokenFlags.SentenceStart) || !In(ReportVerbs, first))
            {
                continue;
            }

            spans[s] = span with { Start = tokens[first + 1].Start };
        }
    }

    private static readonly WordSet ReportVerbs = new(["assigned", "dispatched", "responded", "arrived", "entered", "stopped", "parked", "patrolled", "transported",
        "radioed", "contacted", "observed", "detained", "arrested", "searched", "cleared", "posted", "staged"]);
}
