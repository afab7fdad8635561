namespace NearMiss.Core.Pii;

/// <summary>
/// The lexicon's answers for the words read lately, in front of its large dictionary (decision 047). Most words of a
/// text are a few thousand ordinary ones ("the", "officer", "vehicle"); one slot per hash of the word, overwritten
/// on a miss. A word is answered from a slot only when it equals the slot's word ignoring case, as the lexicon
/// compares, so the answer is the lexicon's own. One cache per thread: it is not safe to share.
/// </summary>
internal sealed class PiiWordCache(PiiLexicon lexicon)
{
    /// <summary>Enough slots that the words of a few hundred reports seldom push each other out.</summary>
    private const int Slots = 16384;

    /// <summary>Each slot's word and answers side by side, so a hit reads one place in memory.</summary>
    private readonly Slot[] _slots = new Slot[Slots];

    public LexEntry Get(ReadOnlySpan<char> word) => Get(word, out _, out _);

    /// <summary>The word's entry, and the <see cref="WordSet"/>s that hold it (<see cref="WordSet.Membership"/>).</summary>
    public LexEntry Get(ReadOnlySpan<char> word, out ulong sets, out int setsKnown)
    {
        ref var slot = ref _slots[SlotOf(word)];
        if (slot.Word is { } cached && word.Equals(cached, StringComparison.OrdinalIgnoreCase))
        {
            if (slot.SetsKnown != WordSet.Indexed)
            {
                (slot.Sets, slot.SetsKnown) = WordSet.Membership(word);
            }

            (sets, setsKnown) = (slot.Sets, slot.SetsKnown);
            return slot.Entry;
        }

        var entry = lexicon.Get(word);
        slot.Word = word.ToString();
        slot.Entry = entry;
        (sets, setsKnown) = WordSet.Membership(word);
        (slot.Sets, slot.SetsKnown) = (sets, setsKnown);
        return entry;
    }

    /// <summary>A hash of the word with ASCII letters folded to lower case (other words may miss, never mislead).</summary>
    private static int SlotOf(ReadOnlySpan<char> word)
    {
        var hash = (uint)word.Length;
        foreach (var c in word)
        {
            hash = (hash ^ (c | 0x20u)) * 16777619u;
        }

        return (int)(hash ^ hash >> 15) & (Slots - 1);
    }

    private struct Slot
    {
        public string? Word;
        public LexEntry Entry;
        public ulong Sets;
        public int SetsKnown;
    }
}
