namespace NearMiss.Core.Pii;

/// <summary>
/// The rules that read names, run a second time over the names the tagger adds after them (decision 075), and a name
/// started over after a pause.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// The rules that read the names found, again over the names the tagger added after them (decision 075): an age said
    /// after a name ("suspect is travis young thirty from sun prairie"), a name started over ("rusty uh rusty mills").
    /// </summary>
    public List<PiiSpan> ApplyToTaggedNames(List<PiiSpan> spans)
    {
        try
        {
            var added = new List<PiiSpan>();
            SpokenAges(spans, added);
            NamesRestarted(spans, added);
            Merge(spans, added);
            PremiseHeadsAfterPlaces(spans);
            InitialsBeforeNames(spans);
            DottedRanks(spans);
            SlashedCorners(spans);
            IdsAfterRankedNames(spans, added);
            Merge(spans, added);
            return spans;
        }
        finally
        {
            ReturnTokenIndex();
        }
    }

    /// <summary>
    /// A name said, a pause, and the same word again, as a speaker starts a name over: "deputy rusty uh rusty mills",
    /// "officer hunter uh hunter gray", "trooper hope um hope lindgren". Where one of the two is found, the other is the
    /// same person (and a surname after the second goes with it).
    /// </summary>
    private void NamesRestarted(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(Fillers))
        {
            return;
        }

        foreach (var span in spans)
        {
            var first = FirstToken(span.Start);
            var last = TokenEnding(span.End);
            if (span.Label != PiiLabel.Person || first < 0 || last < first)
            {
                continue;
            }

            // Said before the name found: "rusty uh [rusty mills]".
            var before = first - 1;
            while (before > first - 4 && IsFiller(before))
            {
                before--;
            }

            if (before < first - 1 && IsWord(before) && W(before).Equals(W(first), StringComparison.OrdinalIgnoreCase))
            {
                AddUnfound(spans, added, before, before);
            }

            // Said after it: "[hunter] uh hunter gray".
            var after = last + 1;
            while (after < last + 4 && IsFiller(after))
            {
                after++;
            }

            if (after > last + 1 && IsWord(after) && W(after).Equals(W(last), StringComparison.OrdinalIgnoreCase) && !tokens[after].Has(TokenFlags.NewlineBefore))
            {
                var end = Spaced(after, after + 1) && tokens[after + 1].Is(Lex.Surname) && !tokens[after + 1].Is(Lex.Stop | Lex.Rank | Lex.Role) && !IsNumberWord(after + 1) ? after + 1 : after;
                AddUnfound(spans, added, after, end);
            }
        }
    }

    /// <summary>Tokens <paramref name="a"/> to <paramref name="b"/> as a person, where nothing is found yet.</summary>
    private void AddUnfound(List<PiiSpan> spans, List<PiiSpan> added, int a, int b)
    {
        if (!Overlaps(spans, tokens[a].Start, tokens[b].End) && !Overlaps(added, tokens[a].Start, tokens[b].End))
        {
            added.Add(new PiiSpan(tokens[a].Start, tokens[b].End, PiiLabel.Person));
        }
    }
}
