namespace NearMiss.Core.Pii;

/// <summary>
/// The lexicon's answers for the words read lately, in front of its large dictionary (decision 047). Most words of a
/// text are a few hundred ordinary ones ("the", "officer", "vehicle"); one slot per hash of the word, overwritten
/// on a miss. A word is answered from a slot only when it equals the slot's word ignoring case, as the lexicon
/// compares, so the answer is the lexicon's own. One cache per thread: it is not safe to share.
/// </summary>
internal sealed class PiiWordCache(PiiLexicon lexicon)
{
    private const int Slots = 4096;

    private readonly string?[] _words = new string?[Slots];
    private readonly LexEntry[] _entries = new LexEntry[Slots];
    private readonly ulong[] _sets = new ulong[Slots];
    private readonly int[] _setsKnown = new int[Slots];

    public LexEntry Get(ReadOnlySpan<char> word) => Get(word, out _, out _);

    /// <summary>The word's entry, and the <see cref="WordSet"/>s that hold it (<see cref="WordSet.Membership"/>).</summary>
    public LexEntry Get(ReadOnlySpan<char> word, out ulong sets, out int setsKnown)
    {
        var slot = Slot(word);
        if (_words[slot] is { } cached && word.Equals(cached, StringComparison.OrdinalIgnoreCase))
        {
            if (_setsKnown[slot] != WordSet.Indexed)
            {
                (_sets[slot], _setsKnown[slot]) = WordSet.Membership(word);
            }

            (sets, setsKnown) = (_sets[slot], _setsKnown[slot]);
            return _entries[slot];
        }

        var entry = lexicon.Get(word);
        _words[slot] = word.ToString();
        _entries[slot] = entry;
        (sets, setsKnown) = WordSet.Membership(word);
        (_sets[slot], _setsKnown[slot]) = (sets, setsKnown);
        return entry;
    }

    /// <summary>A hash of the word with ASCII letters folded to lower case (other words may miss, never mislead).</summary>
    private static int Slot(ReadOnlySpan<char> word)
    {
        var hash = (uint)word.Length;
        foreach (var c in word)
        {
            hash = (hash ^ (c | 0x20u)) * 16777619u;
        }

        return (int)(hash ^ hash >> 15) & (Slots - 1);
    }
}
