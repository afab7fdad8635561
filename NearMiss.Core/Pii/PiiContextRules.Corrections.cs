namespace NearMiss.Core.Pii;

/// <summary>
/// What a speaker sets right after saying it, as dictation keeps both: "unit two oh six comma no sorry unit two oh
/// eight", "four four nine two no wait four four niner two", "friday the second no wait it was thursday the first".
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>The words that take back what was just said; "no" only before "wait", "sorry", a comma or digits ("2100 no 2115").</summary>
    private static readonly WordSet TakeBacks = new(["sorry", "wait", "correction", "scratch", "mean", "no", "actually"]);

    /// <summary>
    /// After a span found, a word that takes it back and then the same kind of thing said again: the same first word
    /// ("unit … unit"), number words for number words, a day for a day. The second takes the first's label.
    /// </summary>
    private void Corrections(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(TakeBacks))
        {
            return;
        }

        foreach (var span in spans)
        {
            var first = FirstToken(span.Start);
            var last = TokenEnding(span.End);
            if (first < 0 || last < first || last + 2 >= count || span.Label is PiiLabel.Person or PiiLabel.Agency)
            {
                continue;
            }

            var again = AfterTakeBack(last + 1);
            if (again <= last + 1 || again >= count)
            {
                continue;
            }

            var end = SaidAgainEnd(first, again, span.Label);
            if (end >= again && !Overlaps(spans, tokens[again].Start, tokens[end].End) && !Overlaps(added, tokens[again].Start, tokens[end].End))
            {
                added.Add(new PiiSpan(tokens[again].Start, tokens[end].End, span.Label));
            }
        }
    }

    /// <summary>
    /// The token after a taking back that starts at <paramref name="k"/> ("comma no sorry", ", no wait it was", "sorry
    /// scratch that i mean yeah"), or <paramref name="k"/> when none does.
    /// </summary>
    private int AfterTakeBack(int k)
    {
        var n = k;
        if (P(n, ',') || Eq(n, "comma"))
        {
            n++;
        }

        var taken = false;
        while (n < count && !tokens[n].Has(TokenFlags.NewlineBefore))
        {
            if (Eq(n, "no") && (EqAny(n + 1, "wait", "sorry") || P(n + 1, ',') || Eq(n + 1, "comma") || ImSorryEnd(n + 1) > 0 || n == k && n + 1 < count && tokens[n + 1].Kind == TokenKind.Number && Spaced(n, n + 1))
                || EqAny(n, "sorry", "wait", "correction", "actually"))
            {
                taken = true;
                n++;
            }
            else if (ImSorryEnd(n) is > 0 and var sorry)
            {
                taken = true;
                n = sorry; // "one one four seven no I'm sorry one one seven four"
            }
            else if (Eq(n, "scratch") && Eq(n + 1, "that") || Eq(n, "i") && Eq(n + 1, "mean"))
            {
                taken = true;
                n += 2;
            }
            else if (taken && (P(n, ',') || Eq(n, "comma") || IsFiller(n) || EqAny(n, "yeah", "it", "was", "is", "its", "that's", "thats") || P(n, '\'') || Eq(n, "s") && P(n - 1, '\'')))
            {
                n++;
            }
            else
            {
                break;
            }
        }

        return taken ? n : k;
    }

    /// <summary>The token after "I'm sorry" (or "im sorry") said at <paramref name="n"/>, or 0.</summary>
    private int ImSorryEnd(int n) =>
        Eq(n, "i") && P(n + 1, '\'') && Eq(n + 2, "m") && Eq(n + 3, "sorry") ? n + 4 : Eq(n, "im") && Eq(n + 1, "sorry") ? n + 2 : 0;

    /// <summary>
    /// The last token of the thing said again from <paramref name="again"/>, of the same kind as the span that starts at
    /// <paramref name="first"/>; -1 if it is not.
    /// </summary>
    private int SaidAgainEnd(int first, int again, PiiLabel label)
    {
        var n = again;
        if (IsWord(first) && !IsSpokenIdWord(first) && IsWord(again) && W(first).Equals(W(again), StringComparison.OrdinalIgnoreCase))
        {
            n++; // "unit two oh six … unit two oh eight"
            if (!IsSpokenIdWord(n) && tokens[first].Is(Lex.Keyword | Lex.UnitDesignator))
            {
                return -1;
            }
        }
        else if (label == PiiLabel.Date && IsWord(first) && tokens[first].Is(Lex.Weekday | Lex.Month))
        {
            if (!IsWord(again) || !tokens[again].Is(Lex.Weekday | Lex.Month))
            {
                return -1;
            }

            // "thursday the first of august"
            var end = again;
            while (end + 1 < count && Spaced(end, end + 1) && (EqAny(end + 1, "the", "of") || MayBeOrdinalWord(end + 1) || tokens[end + 1].Is(Lex.Month)))
            {
                end++;
            }

            return EqAny(end, "the", "of") ? end - 1 : end;
        }
        else if (!IsSpokenIdWord(first) || !IsSpokenIdWord(again)
            || tokens[first].Kind == TokenKind.Number && tokens[again].Kind == TokenKind.Number && tokens[first].Length != tokens[again].Length)
        {
            return -1; // (digits set right are as many: "1960, no wait, 11702 FM 2149" is another thing)
        }

        var last = n - 1;
        while (n < count && IsSpokenIdWord(n) && (n == again || Spaced(n - 1, n) || P(n - 1, '-')))
        {
            last = n++;
        }

        return last >= again && IsSpokenIdWord(last) ? last : -1;
    }

    /// <summary>A word or number an id is said in: a number word, a digit run, a single letter or a radio letter ("niner").</summary>
    private bool IsSpokenIdWord(int k) =>
        k < count && (tokens[k].Kind == TokenKind.Number || IsNumberWord(k) || Eq(k, "niner") || IsWord(k) && (tokens[k].Length == 1 || In(PhoneticLetters, k)));
}
