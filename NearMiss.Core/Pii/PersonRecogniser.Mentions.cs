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

        HashSet<string>? names = null;
        HashSet<string>? dogs = null;
        HashSet<string>? surnames = null;
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
                    (names ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(k).ToString());
                    if (k > first && tokens[k].End == span.End && t.Has(TokenFlags.Capitalized))
                    {
                        // The surname of a full name ("Brianna Love"): later "Love was" is the person, even as a common word.
                        (surnames ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(k).ToString());
                    }
                }
                else if (span.Length == t.Length)
                {
                    (dogs ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(k).ToString());
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
            var dogNames = dogs.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var n = 0; n < spans.Count; n++)
            {
                var span = spans[n];
                if (span.Label == PiiLabel.Person && dogNames.Contains(text.AsSpan(span.Start, span.Length)))
                {
                    spans[n] = span with { Label = PiiLabel.OtherId };
                }
            }
        }

        var nameLookup = names?.GetAlternateLookup<ReadOnlySpan<char>>();
        var dogLookup = dogs?.GetAlternateLookup<ReadOnlySpan<char>>();
        var surnameLookup = surnames?.GetAlternateLookup<ReadOnlySpan<char>>();
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
                // Nor can a word whose first letter, ignoring case, starts none of them (no set is asked).
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

            if (common && t.Has(TokenFlags.SentenceStart) && !(dogLookup is { } dogs0 && dogs0.Contains(w)) && !(surnameLookup is { } sl && sl.Contains(w)))
            {
                continue;
            }

            if (dogLookup is { } dl0 && dl0.Contains(w))
            {
                spans.Add(new PiiSpan(t.Start, t.End, PiiLabel.OtherId));
                added = true;
            }
            else if (nameLookup is { } nl && nl.Contains(w))
            {
                spans.Add(new PiiSpan(t.Start, t.End, PiiLabel.Person));
                added = true;
            }
            else if (dogLookup is { } dl && dl.Contains(w))
            {
                spans.Add(new PiiSpan(t.Start, t.End, PiiLabel.OtherId));
                added = true;
            }
        }

        if (added)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
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
