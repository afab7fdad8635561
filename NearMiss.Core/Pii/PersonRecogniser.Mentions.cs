namespace NearMiss.Core.Pii;

/// <summary>Mention propagation, the people family's last step after the scan.</summary>
internal sealed partial class PersonRecogniser
{
    /// <summary>
    /// Later mentions of a name found ("Caleb Harper" ... "Caleb came out") and of a police dog's name ("K9 Bruno" ...
    /// "Bruno alerted"); a dog's name read as a person's is relabelled.
    /// </summary>
    public void Propagate()
    {
        if (spans.Count == 0)
        {
            return;
        }

        // The words of the names found, each once, as the positions of tokens that hold them: a text names few people, so
        // a word is looked up by comparing it with each (no string is made, and no set is built, per text).
        List<int>? names = null;
        List<int>? dogs = null;
        List<int>? surnames = null;
        var lengths = 0UL;
        var firsts = 0UL;
        foreach (var span in spans)
        {
            if (span.Label is not (PiiLabel.Person or PiiLabel.OtherId))
            {
                continue;
            }

            var first = TokenAfter(span.Start);
            for (var k = first; k < count && tokens[k].Start < span.End; k++)
            {
                ref var t = ref T(k);
                if (t.Kind != TokenKind.Word || t.Length < 3 || t.Is(Lex.Stop))
                {
                    continue;
                }

                lengths |= LengthBit(t.Length);
                firsts |= FirstLetterBit(text[t.Start]);

                if (span.Label == PiiLabel.Person)
                {
                    AddWord(ref names, 0, k);
                    if (k > first && tokens[k].End == span.End && t.Has(TokenFlags.Capitalized))
                    {
                        // The surname of a full name ("Brianna Love"): later "Love was" is the person, even as a common word.
                        AddWord(ref surnames, 1, k);
                    }
                }
                else if (span.Length == t.Length)
                {
                    AddWord(ref dogs, 2, k);
                }
            }
        }

        if (names is null && dogs is null)
        {
            return;
        }

        if (dogs is not null)
        {
            // A dog's name found first as a dog ("K9 Bruno") and later read as a person's ("Bruno alerted").
            for (var n = 0; n < spans.Count; n++)
            {
                var span = spans[n];
                if (span.Label == PiiLabel.Person && HoldsWord(dogs, text.AsSpan(span.Start, span.Length)))
                {
                    spans[n] = span with { Label = PiiLabel.OtherId };
                }
            }
        }

        var added = false;
        var s = 0;
        var original = spans.Count;
        for (var k = 0; k < count; k++)
        {
            ref var t = ref T(k);
            if (t.Kind != TokenKind.Word || t.Length < 3 || (lengths & LengthBit(t.Length)) == 0)
            {
                // A word of a length no name or dog's name has cannot be a later mention of one.
                continue;
            }

            if ((firsts & FirstLetterBit(text[t.Start])) == 0)
            {
                // Nor can a word whose first letter, ignoring case, starts none of them (no list is read).
                continue;
            }

            while (s < original && spans[s].End <= t.Start)
            {
                s++;
            }

            if (s < original && spans[s].Start <= t.Start)
            {
                continue;
            }

            var w = W(k);
            var common = t.Is(Lex.Common) || t.Is(Lex.Stop);
            if (common && !t.Has(TokenFlags.Capitalized))
            {
                continue;
            }

            var dog = HoldsWord(dogs, w);
            if (common && t.Has(TokenFlags.SentenceStart) && !dog && !HoldsWord(surnames, w))
            {
                continue;
            }

            if (dog)
            {
                spans.Add(new PiiSpan(t.Start, t.End, PiiLabel.OtherId));
                added = true;
            }
            else if (HoldsWord(names, w))
            {
                spans.Add(new PiiSpan(t.Start, t.End, PiiLabel.Person));
                added = true;
            }
        }

        if (added)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    [ThreadStatic]
    private static List<int>?[]? _mentionLists;

    /// <summary>
    /// Adds token k's word to the list unless a word equal to it, ignoring case, is there already. A list is first
    /// taken, emptied, from the thread's own (<paramref name="slot"/> of three): none is made per text.
    /// </summary>
    private void AddWord(ref List<int>? words, int slot, int k)
    {
        if (!HoldsWord(words, W(k)))
        {
            if (words is null)
            {
                words = (_mentionLists ??= new List<int>?[3])[slot] ??= new List<int>(16);
                words.Clear();
            }

            words.Add(k);
        }
    }

    /// <summary>Whether the list holds a word equal to <paramref name="w"/>, ignoring case; the length is compared first.</summary>
    private bool HoldsWord(List<int>? words, ReadOnlySpan<char> w)
    {
        if (words is null)
        {
            return false;
        }

        foreach (var k in words)
        {
            if (tokens[k].Length == w.Length && W(k).Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word length's bit in a set of lengths; lengths of 63 and more share the last bit.</summary>
    private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    /// <summary>
    /// A first character's bit in a set of first characters: an ASCII letter's bit is the same in either case (some
    /// other ASCII characters share bits, which only lets more words through); a character beyond ASCII has every bit,
    /// since it may equal another ignoring case.
    /// </summary>
    private static ulong FirstLetterBit(char c) => c < 128 ? 1UL << ((c | 0x20) & 63) : ulong.MaxValue;
}
