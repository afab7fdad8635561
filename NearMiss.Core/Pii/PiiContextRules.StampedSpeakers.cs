namespace NearMiss.Core.Pii;

/// <summary>
/// Speakers named by a transcript's labels: above their turns with the time into the recording, as meeting and
/// dictation apps write them, or by rank and name before a colon ("OFC. IRON SHELL:").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// Speakers' labels of a meeting's transcript: a line of one to four words, a stamp two spaces or more after them and
    /// nothing more ("Dennis Major   0:00", "Okonkwo, Sarah   0:04", "Sgt. Ed Kowalczyk  1:17"). Where three lines or more
    /// of the text are so, each label is a person, however ordinary its words ("Grant Young"); a rank before it is left
    /// out, and "Speaker 1" or "Unknown Speaker" is nobody.
    /// </summary>
    private void StampedSpeakers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(':') || !text.Contains("  ", StringComparison.Ordinal))
        {
            return;
        }

        List<(int First, int Last)>? labels = null;
        for (var k = 0; k < count; k++)
        {
            if ((k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) && LabelEnd(k) is >= 0 and var last)
            {
                (labels ??= []).Add((k, last));
            }
        }

        if (labels is not { Count: >= 3 })
        {
            return;
        }

        foreach (var (first, last) in labels)
        {
            var from = first;
            while (from < last && (IsWord(from) && tokens[from].Is(Lex.Rank) || P(from, '.')))
            {
                from++; // (the rank before the name: "Sgt. Ed Kowalczyk")
            }

            if (IsWord(from) && !In(TranscriptRoles, from) && !In(NotSpeakers, from))
            {
                AddSpeaker(spans, added, new PiiSpan(tokens[from].Start, tokens[last].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>
    /// The last token of a speaker's label opening a line at <paramref name="k"/>: one to four words (a comma, a period
    /// or a hyphen between them), then two spaces or more and a stamp ("0:04", "01:12:09") that ends the line; or -1.
    /// </summary>
    private int LabelEnd(int k)
    {
        var last = -1;
        var words = 0;
        var j = k;
        for (; j < count && !(j > k && tokens[j].Has(TokenFlags.NewlineBefore)); j++)
        {
            if (IsWord(j) && !IsNumberWord(j))
            {
                if (++words > 4)
                {
                    return -1;
                }

                last = j;
            }
            else if (!(P(j, ',') || P(j, '.') || P(j, '-') || P(j, '\'')) || j == k)
            {
                break;
            }
        }

        // The stamp: numbers joined by colons, spaced two or more from the label, and the line's end after it.
        if (last < 0 || j != last + 1 || j + 2 >= count || tokens[j].Kind != TokenKind.Number || tokens[j].Start - tokens[last].End < 2
            || text[tokens[j].Start - 1] != ' ' || text[tokens[j].Start - 2] != ' ' || !P(j + 1, ':') || tokens[j + 2].Kind != TokenKind.Number)
        {
            return -1;
        }

        var end = P(j + 3, ':') && j + 4 < count && tokens[j + 4].Kind == TokenKind.Number ? j + 4 : j + 2;
        return end + 1 == count || tokens[end + 1].Has(TokenFlags.NewlineBefore) ? last : -1;
    }

    /// <summary>
    /// A speaker's label of rank and name that opens a line, after a recorder's stamp at most: "OFC. IRON SHELL: P-23,
    /// traffic", "[00:01:40] OFC HUGHES: ok", "CAPT. TWO BULLS: All right". The one to three words after the rank, up to
    /// the colon, are the person, whatever else they read as.
    /// </summary>
    private void RankedSpeakers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(':'))
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            if (k > 0 && !tokens[k].Has(TokenFlags.NewlineBefore))
            {
                continue;
            }

            var rank = AfterStamp(k);
            if (!IsWord(rank) || !tokens[rank].Is(Lex.Rank) || tokens[rank].Is(Lex.Stop) || tokens[rank].Has(TokenFlags.Lower) || rank > k && tokens[rank].Has(TokenFlags.NewlineBefore))
            {
                continue;
            }

            // (a label in capitals reads as lower case once the case is mended: "OFC. iron shell:")
            var capitals = tokens[rank].Has(TokenFlags.AllCaps);
            var first = P(rank + 1, '.') ? rank + 2 : rank + 1;
            var last = first;
            var worded = false; // (a number alone is a unit's call, "SGT 12:"; a name may hold one, "TWO BULLS")
            while (last < count && last - first < 3 && IsWord(last) && !tokens[last].Is(Lex.Rank) && (capitals || !tokens[last].Has(TokenFlags.Lower))
                && !tokens[last].Has(TokenFlags.NewlineBefore))
            {
                worded |= !IsNumberWord(last);
                last++;
            }

            if (!worded || !P(last, ':') || tokens[first].Length < 2 || In(NotSpeakers, first) || In(TranscriptRoles, first))
            {
                continue;
            }

            AddSpeaker(spans, added, new PiiSpan(tokens[first].Start, tokens[last - 1].End, PiiLabel.Person));
        }
    }

    /// <summary>A speaker's name in place of the names and places found inside it, unless anything else overlaps it.</summary>
    private static void AddSpeaker(List<PiiSpan> spans, List<PiiSpan> added, PiiSpan name)
    {
        if (OnlyNamesWithin(spans, name) && OnlyNamesWithin(added, name))
        {
            RemoveWithin(spans, name.Start, name.End);
            RemoveWithin(added, name.Start, name.End);
            added.Add(name);
        }
    }
}
