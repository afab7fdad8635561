using System.Runtime.CompilerServices;

namespace NearMiss.Core.Pii;

/// <summary>
/// The lexicon's answers for the words read lately, in front of its large dictionary (decision 047). Most words of a
/// text are a few thousand ordinary ones ("the", "officer", "vehicle"); two slots per hash of the word, the newer word
/// and the older, so that two frequent words of the same hash do not push each other out in turn; a miss drops the
/// older. A word is answered from a slot only when it equals the slot's word ignoring case, as the lexicon
/// compares, so the answer is the lexicon's own. One cache per thread: it is not safe to share.
/// </summary>
/// <remarks>
/// A slot holds the letters of a short word itself, beside its answers: a hit then reads one place in memory, where
/// a string kept in the slot would be a second read elsewhere (the cost of most lookups is those reads, not the
/// comparing). Only a word longer than <see cref="ShortWord"/> is kept as a string, in an array read for such words alone.
/// </remarks>
internal sealed class PiiWordCache(PiiLexicon lexicon)
{
    /// <summary>Enough slots that the words of a few hundred reports seldom push each other out.</summary>
    private const int Slots = 16384;

    /// <summary>The longest word kept in its slot; with the answers beside it a slot fills 64 bytes, one cache line's size.</summary>
    private const int ShortWord = 14;

    /// <summary>Each slot's answers and short word side by side, so a hit reads one place in memory.</summary>
    private readonly Slot[] _slots = new Slot[Slots];

    /// <summary>The words longer than <see cref="ShortWord"/>, by slot (null where the slot's word is short or none).</summary>
    private readonly string?[] _longWords = new string?[Slots];

    /// <summary>The start of <see cref="Hash"/>, before a word's first character.</summary>
    public const uint HashSeed = 2166136261u;

    public LexEntry Get(ReadOnlySpan<char> word) => Get(word, HashOf(word), out _, out _);

    /// <summary>
    /// The word's entry, and the <see cref="WordSet"/>s that hold it (<see cref="WordSet.Membership"/>); <paramref name="hash"/>
    /// is the word's <see cref="Hash"/>, read by the caller in its own pass over the word.
    /// </summary>
    public LexEntry Get(ReadOnlySpan<char> word, uint hash, out SetBits sets, out int setsKnown)
    {
        var first = PairOf(hash);
        ref var newer = ref _slots[first];
        if (Holds(ref newer, first, word))
        {
            return Answer(ref newer, word, out sets, out setsKnown);
        }

        ref var older = ref _slots[first + 1];
        if (Holds(ref older, first + 1, word))
        {
            return Answer(ref older, word, out sets, out setsKnown);
        }

        // A miss: the pair's newer word becomes its older one (the older is dropped), and this word the newer.
        older = newer;
        _longWords[first + 1] = _longWords[first];
        var entry = lexicon.Get(word);
        Keep(ref newer, first, word);
        newer.Entry = entry;
        (sets, setsKnown) = WordSet.Membership(word);
        (newer.Sets, newer.SetsKnown) = (sets, setsKnown);
        return entry;
    }

    /// <summary>
    /// One step of the hash of a word, from <see cref="HashSeed"/> over its characters with ASCII letters folded to lower
    /// case, so that a word in any case finds its pair of slots (other words may miss, never mislead).
    /// </summary>
    public static uint Hash(uint hash, char c) => (hash ^ (c | 0x20u)) * 16777619u;

    private static uint HashOf(ReadOnlySpan<char> word)
    {
        var hash = HashSeed;
        foreach (var c in word)
        {
            hash = Hash(hash, c);
        }

        return hash;
    }

    /// <summary>The first of the two slots that may hold a word of the hash.</summary>
    private static int PairOf(uint hash) => (int)(hash ^ hash >> 15) & (Slots - 2);

    /// <summary>The answers kept in a slot that holds the word, its word sets read again when sets were made since.</summary>
    private static LexEntry Answer(ref Slot slot, ReadOnlySpan<char> word, out SetBits sets, out int setsKnown)
    {
        if (slot.SetsKnown != WordSet.Indexed)
        {
            (slot.Sets, slot.SetsKnown) = WordSet.Membership(word);
        }

        (sets, setsKnown) = (slot.Sets, slot.SetsKnown);
        return slot.Entry;
    }

    /// <summary>Whether the slot's word equals <paramref name="word"/> ignoring case (an empty slot holds none).</summary>
    private bool Holds(ref Slot slot, int index, ReadOnlySpan<char> word) =>
        slot.Length == word.Length && word.Length > 0
        && (word.Length <= ShortWord
            ? word.Equals(((ReadOnlySpan<char>)slot.Letters)[..word.Length], StringComparison.OrdinalIgnoreCase)
            : word.Equals(_longWords[index], StringComparison.OrdinalIgnoreCase));

    /// <summary>Makes <paramref name="word"/> the slot's word: its letters in the slot, or a string when it is long.</summary>
    private void Keep(ref Slot slot, int index, ReadOnlySpan<char> word)
    {
        slot.Length = word.Length;
        if (word.Length <= ShortWord)
        {
            word.CopyTo(slot.Letters);
            _longWords[index] = null;
        }
        else
        {
            _longWords[index] = word.ToString();
        }
    }

    private struct Slot
    {
        public SetBits Sets;
        public LexEntry Entry;
        public int SetsKnown;

        /// <summary>The length of the slot's word; 0 while the slot is empty (the tokenizer looks up no empty word).</summary>
        public int Length;

        public Letters Letters;
    }

    /// <summary>The characters of a short word, kept inside its slot.</summary>
    [InlineArray(ShortWord)]
    private struct Letters
    {
        private char _first;
    }
}
