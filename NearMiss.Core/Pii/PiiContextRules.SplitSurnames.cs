namespace NearMiss.Core.Pii;

/// <summary>
/// Surnames of two ordinary words ("Sgt. Iron Cloud", "Loretta Not Afraid", "Tyrell Two Crow"): the Census lists them
/// as one word ("Ironcloud"), so the word lists alone never read the two words as a name.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// Two words that make a listed surname, right after a rank, a first name, an initial or a name found, join that
    /// name (or are one); every other mention of the two words in the text is then the same person.
    /// </summary>
    private void SplitSurnames(List<PiiSpan> spans)
    {
        List<(int Start, int Length)>? found = null;
        var personEnds = PersonEndBits(spans);
        for (var k = 1; k + 1 < count; k++)
        {
            // The shape and the name before it are cheap to test; the look-up of the two words comes last.
            if (!(caseless || CapitalWord(k) && CapitalWord(k + 1)) || !SplitSurnameShape(k) || NameStartBefore(spans, k, personEnds) is not { } start
                || !lexicon.IsSplitSurname(text.AsSpan(tokens[k].Start, tokens[k + 1].End - tokens[k].Start)))
            {
                continue;
            }

            var name = new PiiSpan(start, tokens[k + 1].End, PiiLabel.Person);
            if (!OverlapsBeyondPerson(spans, name))
            {
                RemoveWithin(spans, name.Start, name.End);
                spans.Add(name);
                personEnds |= PersonEndBit(name.End);
                (found ??= []).Add((tokens[k].Start, tokens[k + 1].End - tokens[k].Start));
            }

            k++;
        }

        if (found is null)
        {
            return;
        }

        // Later mentions: "Not Afraid was compliant the whole time".
        for (var k = 0; k + 1 < count; k++)
        {
            foreach (var (start, length) in found)
            {
                var mention = new PiiSpan(tokens[k].Start, tokens[k + 1].End, PiiLabel.Person);
                if (mention.End - mention.Start == length && text.AsSpan(mention.Start, length).Equals(text.AsSpan(start, length), StringComparison.OrdinalIgnoreCase)
                    && !Overlaps(spans, mention.Start, mention.End))
                {
                    // With the first name before it: "ROSE TWO BULLS".
                    var first = k > 0 && IsWord(k - 1) && tokens[k - 1].Is(Lex.GivenName) && !tokens[k - 1].Is(Lex.Stop) && (caseless || CapitalWord(k - 1))
                        && !Overlaps(spans, tokens[k - 1].Start, tokens[k - 1].End);
                    spans.Add(first ? mention with { Start = tokens[k - 1].Start } : mention);
                }
            }
        }

        spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>Are tokens <paramref name="k"/> and the next two words of three letters or more, one space apart (as a split surname is)?</summary>
    private bool SplitSurnameShape(int k) =>
        IsWord(k) && IsWord(k + 1) && tokens[k].Length >= 3 && tokens[k + 1].Length >= 3 && tokens[k + 1].Start == tokens[k].End + 1 && text[tokens[k].End] == ' ';

    /// <summary>
    /// The ends of the persons found, one bit each by the end's offset modulo 64: a clear bit says no person ends
    /// there, so the spans need not be searched. (A bit may stand for another end too; removals may leave bits set.)
    /// </summary>
    private static ulong PersonEndBits(List<PiiSpan> spans)
    {
        var bits = 0UL;
        foreach (var s in spans)
        {
            if (s.Label == PiiLabel.Person)
            {
                bits |= PersonEndBit(s.End);
            }
        }

        return bits;
    }

    private static ulong PersonEndBit(int end) => 1UL << (end & 63);

    private bool IsInitial(int k) => IsWord(k) && tokens[k].Length == 1 && char.IsUpper(text[tokens[k].Start]);

    private bool CapitalWord(int k) => tokens[k].Has(TokenFlags.Capitalized | TokenFlags.AllCaps);

    /// <summary>
    /// Where the name holding a surname at <paramref name="k"/> starts (<paramref name="personEnds"/>: <see cref="PersonEndBits"/>): at a name found or a first name just before
    /// it ("Loretta"), or at the surname itself after a rank or an initial ("Sgt. Iron Cloud", "W. Iron Cloud"); else null.
    /// In text all of one case only a rank or a name found will do.
    /// </summary>
    private int? NameStartBefore(List<PiiSpan> spans, int k, ulong personEnds)
    {
        var before = tokens[k - 1].End;
        var initial = P(k - 1, '.') && IsInitial(k - 2) ? tokens[k - 2].End : -1; // a name found ending "Wesley J" before the dot
        if ((personEnds & PersonEndBit(before)) != 0 || initial >= 0 && (personEnds & PersonEndBit(initial)) != 0)
        {
            foreach (var s in spans)
            {
                if (s.Label == PiiLabel.Person && (s.End == before && tokens[k].Start == before + 1 || s.End == initial))
                {
                    return s.Start;
                }
            }
        }

        var p = P(k - 1, '.') ? k - 2 : k - 1;
        if (p < 0 || !IsWord(p))
        {
            return null;
        }

        if (tokens[p].Is(Lex.Rank) || !caseless && tokens[p].Is(Lex.NounRank))
        {
            return tokens[k].Start;
        }

        if (caseless)
        {
            return null;
        }

        if (p == k - 2 && IsInitial(p))
        {
            return tokens[p].Start; // "W. Iron Cloud"
        }

        return p == k - 1 && tokens[p].Is(Lex.GivenName) && CapitalWord(p) && !tokens[p].Is(Lex.Stop) ? tokens[p].Start : null;
    }
}
