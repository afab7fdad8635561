namespace NearMiss.Core.Pii;

/// <summary>
/// Names by the shape of a typed message (decision 079): a speaker of two words, a name signed after a dash on the
/// last line, and a name's middle word that is also an ordinary word.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// "Young Bear: Rocco wants a steak": a speaker found by its last word only ("bear"), where the line's two words
    /// are a person named elsewhere in the text ("dep Young Bear + Rocco"), is the two words.
    /// </summary>
    private void TwoWordSpeakers(List<PiiSpan> spans)
    {
        for (var s = 0; s < spans.Count; s++)
        {
            var k = FirstToken(spans[s].Start);
            if (spans[s].Label != PiiLabel.Person || k < 1 || tokens[k].End != spans[s].End || !P(k + 1, ':')
                || !(k == 1 || tokens[k - 1].Has(TokenFlags.NewlineBefore)) || tokens[k].Has(TokenFlags.NewlineBefore) || !IsWord(k - 1))
            {
                continue;
            }

            var pair = text.AsSpan(tokens[k - 1].Start, tokens[k].End - tokens[k - 1].Start);
            foreach (var other in spans)
            {
                if (other.Label == PiiLabel.Person && other.Start != spans[s].Start && text.AsSpan(other.Start, other.End - other.Start).Equals(pair, StringComparison.OrdinalIgnoreCase))
                {
                    spans[s] = new PiiSpan(tokens[k - 1].Start, spans[s].End, PiiLabel.Person);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// "Big Will: where at" … "Big Will: thats the same dude": a nickname of "Big", "Lil" or "Little" and a word,
    /// opening two lines or more before a colon, is a chat's speaker (the word may be one of grammar, as "Will", which
    /// the true-caser lowers).
    /// </summary>
    private void NicknameSpeakers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(':') || !TextHasWord("big") && !TextHasWord("lil") && !TextHasWord("little"))
        {
            return;
        }

        for (var k = 0; k + 2 < count; k++)
        {
            if (!IsNicknameSpeaker(k))
            {
                continue;
            }

            var turns = 0;
            for (var j = 0; j + 2 < count; j++)
            {
                turns += IsNicknameSpeaker(j) && W(j + 1).Equals(W(k + 1), StringComparison.OrdinalIgnoreCase) && W(j).Equals(W(k), StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }

            var pair = new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.Person);
            if (turns >= 2 && !OverlapsBeyondPerson(spans, pair) && !OverlapsBeyondPerson(added, pair))
            {
                RemoveWithin(spans, pair.Start, pair.End);
                RemoveWithin(added, pair.Start, pair.End);
                added.Add(pair);
            }
        }
    }

    /// <summary>Does a line open at <paramref name="k"/> with "Big", "Lil" or "Little", a word and a colon?</summary>
    private bool IsNicknameSpeaker(int k) =>
        (k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) && EqAny(k, "big", "lil", "little") && IsWord(k + 1) && tokens[k + 1].Length >= 2
        && Spaced(k, k + 1) && P(k + 2, ':') && tokens[k + 2].Start == tokens[k + 1].End;

    /// <summary>
    /// "- Young", "— Sgt. T. Okafor" closing a text: a line of a dash and one to three words of a name (a rank before
    /// them allowed) as the text's last line is the writer's name. An ordinary word must be a listed name ("Young") and
    /// every word be written with a capital.
    /// </summary>
    private void DashSignatures(List<PiiSpan> spans)
    {
        var k = count - 1;
        while (k > 0 && !tokens[k].Has(TokenFlags.NewlineBefore))
        {
            k--;
        }

        if (k <= 0 || !(P(k, '-') || P(k, '—') || P(k, '–') || P(k, '~')))
        {
            return;
        }

        var first = k + 1;
        if (IsWord(first) && tokens[first].Is(Lex.Rank | Lex.NounRank))
        {
            first += P(first + 1, '.') ? 2 : 1;
        }

        var words = 0;
        var named = false;
        for (var j = first; j < count; j++)
        {
            if (P(j, '.') && tokens[j - 1].Length == 1)
            {
                continue;
            }

            if (!IsWord(j) || tokens[j].Has(TokenFlags.Lower) || !char.IsUpper(text[tokens[j].Start]) || ++words > 3
                || tokens[j].Length > 1 && !(IsNameShaped(j) && (!English(j) || tokens[j].Is(Lex.GivenName | Lex.Surname))))
            {
                return;
            }

            named |= tokens[j].Length > 1;
        }

        if (named && !Overlaps(spans, tokens[first].Start, tokens[count - 1].End))
        {
            spans.Add(new PiiSpan(tokens[first].Start, tokens[count - 1].End, PiiLabel.Person));
        }
    }

    /// <summary>
    /// "Kyle Chase Brennan", "Maria Hope Delgado": two names apart by one capitalised word that is a listed name too, or
    /// by a frequent given name in any case (an ordinary word the rules leave alone between them), are one person; an initial before a name ("D. Hunter")
    /// is the name's.
    /// </summary>
    private void MiddleNames(List<PiiSpan> spans)
    {
        InitialsBeforeNames(spans);
        for (var s = 0; s + 1 < spans.Count; s++)
        {
            if (spans[s].Label != PiiLabel.Person || spans[s + 1].Label != PiiLabel.Person)
            {
                continue;
            }

            var k = FirstToken(spans[s].End);
            if (IsWord(k) && tokens[k].End < spans[s + 1].Start && FirstToken(tokens[k].End) == k + 1 && tokens[k + 1].Start == spans[s + 1].Start
                && !tokens[k].Has(TokenFlags.NewlineBefore) && !tokens[k + 1].Has(TokenFlags.NewlineBefore)
                && (char.IsUpper(text[tokens[k].Start]) && tokens[k].Is(Lex.GivenName | Lex.Surname) || tokens[k].Lex.GivenCount >= 20_000) // (the true-caser may have lowered a frequent one: "Kyle chase Brennan") && text.AsSpan(spans[s].End, tokens[k].Start - spans[s].End).IsWhiteSpace()
                && text.AsSpan(tokens[k].End, spans[s + 1].Start - tokens[k].End).IsWhiteSpace())
            {
                spans[s] = new PiiSpan(spans[s].Start, spans[s + 1].End, PiiLabel.Person);
                spans.RemoveAt(s + 1);
                s--;
            }
        }
    }

    /// <summary>
    /// "CO D. HUNTER", "DEP K. LINDQVIST": an initial with its full stop before a name found goes with it; a word no list
    /// holds, taken for a place, right after a rank is a surname ("DEP BRANDVOLD").
    /// </summary>
    private void InitialsBeforeNames(List<PiiSpan> spans)
    {
        spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        for (var s = 0; s < spans.Count; s++)
        {
            var f = FirstToken(spans[s].Start);
            if ((spans[s].Label == PiiLabel.Person || IsInitialledWord(spans[s], f)) && f >= 2 && tokens[f].Start == spans[s].Start && P(f - 1, '.') && IsWord(f - 2) && tokens[f - 2].Length == 1
                && char.IsUpper(text[tokens[f - 2].Start]) && tokens[f - 1].Start == tokens[f - 2].End && Spaced(f - 1, f) && !Overlaps(spans, tokens[f - 2].Start, tokens[f - 1].End)
                && !(P(f - 3, '.') && tokens[f - 2].Start == tokens[f - 3].End) && !(EqAny(f - 2, "a", "q") && (f == 2 || tokens[f - 2].Has(TokenFlags.NewlineBefore)))) // (not "P.O." nor a transcript's "A.")
            {
                spans[s] = new PiiSpan(tokens[f - 2].Start, spans[s].End, PiiLabel.Person);
            }
            else if (spans[s].Label == PiiLabel.Location && tokens[f].Start == spans[s].Start && tokens[f].End == spans[s].End && tokens[f].Lex.Flags == Lex.None
                && IsWord(f - 1) && tokens[f - 1].Is(Lex.Rank) && Spaced(f - 1, f))
            {
                spans[s] = spans[s] with { Label = PiiLabel.Person }; // "DEP BRANDVOLD": a word no list holds after a rank
            }
        }
    }

    /// <summary>
    /// "DEP K. LINDQVIST", "DET Y. MARRERO": a word taken for a place alone, after a rank and an initial with its full
    /// stop, is a surname; so is a word no list holds after an initial other than a compass letter's ("N. LINDEN").
    /// </summary>
    private bool IsInitialledWord(PiiSpan span, int f) =>
        span.Label == PiiLabel.Location && f >= 2 && tokens[f].End == span.End && IsWord(f - 2)
        && (f >= 3 && tokens[f - 3].Is(Lex.Rank) || tokens[f].Lex.Flags == Lex.None && !EqAny(f - 2, "n", "s", "e", "w"));

    /// <summary>
    /// "three adam twelve roger eighteen forty two", "roger that": the radio's "roger" after a call sign or before
    /// "that" is an answer, not a man's name, though the true-caser may have written it with a capital.
    /// </summary>
    private void Acknowledgements(List<PiiSpan> spans)
    {
        for (var s = spans.Count - 1; s >= 0; s--)
        {
            var k = FirstToken(spans[s].Start);
            if (spans[s].Label == PiiLabel.Person && tokens[k].End == spans[s].End && Eq(k, "roger")
                && (Eq(k + 1, "that") || s > 0 && spans[s - 1].Label == PiiLabel.BadgeId && spans[s - 1].End == tokens[k - 1].End && Spaced(k - 1, k)))
            {
                spans.RemoveAt(s);
            }
        }
    }

    private static readonly WordSet VehicleColours = new(PiiProducts.Colours);

    /// <summary>
    /// "a silver Tacoma", "a black Santa Fe": in text with its case, a name of one or two words right after a colour in
    /// lower case is a vehicle's model, not a place or a person; in text of one case, a make or model after a colour.
    /// </summary>
    private bool ModelAfterColour(PiiSpan span)
    {
        var first = FirstToken(span.Start);
        var last = TokenEnding(span.End);
        return span.Label is PiiLabel.Location or PiiLabel.Person or PiiLabel.Agency && first >= 1 && In(VehicleColours, first - 1) && Spaced(first - 1, first) && last - first is 0 or 1
            && (!caseless && tokens[first - 1].Has(TokenFlags.Lower) && tokens[first].Has(TokenFlags.Capitalized) && !(IsWord(last + 1) && tokens[last + 1].Has(TokenFlags.Capitalized))
                || caseless && tokens[first].Lex.Has(LexExtra.Model)); // ("A GREEN PONTIAC MONTANA": a make after the colour)
    }

    /// <summary>
    /// "talk to the doc", "heard the jake brake", "a shank": lower-case words after an article are a thing, not a person;
    /// in text of one case, whatever capitals the recaser gave them; so is a given name alone ("a Henry lever action").
    /// </summary>
    private bool PersonAfterArticle(PiiSpan span)
    {
        var first = FirstToken(span.Start);
        if (span.Label != PiiLabel.Person || first < 1)
        {
            return false;
        }

        // "a white Mercedes", "his Mercedes": a vehicle's make alone after an article, a possessive or a colour.
        if (tokens[first].End == span.End && tokens[first].Lex.Has(LexExtra.Model)
            && (EqAny(first - 1, "the", "a", "an", "his", "her", "their", "my", "your", "our") || In(VehicleColours, first - 1)))
        {
            return true;
        }

        if (!(Eq(first - 1, "the") || Eq(first - 1, "a") || Eq(first - 1, "an")))
        {
            return false;
        }

        if (caseless)
        {
            return true;
        }

        // "a Henry lever action", "by the Rose bushes": a given name alone after an article is a thing named for one.
        if (tokens[first].End == span.End && tokens[first].Is(Lex.GivenName) && !tokens[first].Is(Lex.Month) && tokens[first].Lex.GivenCount > tokens[first].Lex.SurnameCount
            && (first + 1 >= count || tokens[first + 1].Kind == TokenKind.Punct || tokens[first + 1].Has(TokenFlags.Lower)))
        {
            return true;
        }

        foreach (var c in text.AsSpan(span.Start, span.End - span.Start))
        {
            if (char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
