using System.Runtime.CompilerServices;

namespace NearMiss.Core.Pii;

/// <summary>
/// A fixed list of words, looked up ignoring case without making a string; each word has a value (its index unless
/// given). Every set also takes one bit of <see cref="Token.Sets"/>: the tokenizer asks once per word which sets hold
/// it (<see cref="Membership"/>, cached with the word), so a rule asking of a token (<see cref="Contains(string, in Token)"/>)
/// tests a bit instead of hashing the word again (decision 055). A token read before a set was made has no bit for
/// it and is looked up as a word.
/// </summary>
internal sealed class WordSet
{
    /// <summary>Sets a token's bits can answer for; a set made after these is looked up word by word.</summary>
    public const int MaxIndexed = 256;

    private static readonly Lock Gate = new();
    private static volatile Registry _registry = new(new Dictionary<string, SetBits>(StringComparer.OrdinalIgnoreCase), 0);

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _shortest;
    private readonly int _longest;
    private readonly int _index;

    /// <param name="words">The words.</param>
    /// <param name="value">Each word's value from its index, or the index.</param>
    public WordSet(IReadOnlyList<string> words, Func<int, int>? value = null)
    {
        var map = new Dictionary<string, int>(words.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < words.Count; i++)
        {
            map[words[i]] = value is null ? i : value(i);
        }

        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        _shortest = words.Min(word => word.Length);
        _longest = words.Max(word => word.Length);
        lock (Gate)
        {
            _index = _registry.Count;
            if (_index < MaxIndexed)
            {
                var all = new Dictionary<string, SetBits>(_registry.Words, StringComparer.OrdinalIgnoreCase);
                foreach (var word in map.Keys)
                {
                    all[word] = all.GetValueOrDefault(word).With(_index);
                }

                _registry = new Registry(all, _index + 1);
            }
        }
    }

    /// <summary>How many sets, so far, <see cref="Membership"/> answers for.</summary>
    public static int Indexed => _registry.Count;

    /// <summary>A token's bits answer for this set (it was made among the first <see cref="MaxIndexed"/>).</summary>
    public bool HasBit => _index < MaxIndexed;

    /// <summary>The bits of every set made so far that holds the word, and how many sets that covers.</summary>
    public static (SetBits Sets, int Known) Membership(ReadOnlySpan<char> word)
    {
        var registry = _registry;
        return (registry.Lookup.TryGetValue(word, out var sets) ? sets : default, registry.Count);
    }

    /// <summary>The word's value, or -1 when it is not in the list.</summary>
    public int Value(ReadOnlySpan<char> word) => Contains(word) && _lookup.TryGetValue(word, out var value) ? value : -1;

    /// <summary>The token's value (<paramref name="text"/> is the token's text), or -1 when it is not in the list.</summary>
    public int Value(string text, in Token token) => Contains(text, token) && _lookup.TryGetValue(text.AsSpan(token.Start, token.Length), out var value) ? value : -1;

    public bool Contains(ReadOnlySpan<char> word) => word.Length >= _shortest && word.Length <= _longest && _lookup.ContainsKey(word);

    /// <summary>Whether the token's word is in the list: its bit when the tokenizer knew of this set, else the word.</summary>
    public bool Contains(string text, in Token token) =>
        _index < token.SetsKnown ? token.Sets.Has(_index) : Contains(text.AsSpan(token.Start, token.Length));

    /// <summary>
    /// Whether a text whose words' bits, OR-ed together, are <paramref name="sets"/> (all read knowing at least
    /// <paramref name="known"/> sets) may hold a word of this list. False only when the bits prove none does; a set the
    /// bits do not answer for says true.
    /// </summary>
    public bool MayBeIn(SetBits sets, int known) => _index >= known || sets.Has(_index);

    private sealed class Registry(Dictionary<string, SetBits> words, int count)
    {
        public Dictionary<string, SetBits> Words { get; } = words;

        public Dictionary<string, SetBits>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } = words.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Count { get; } = count;
    }
}

/// <summary>
/// One bit for each of the <see cref="WordSet.MaxIndexed"/> sets, in four words of 64 (a shift by 64 or more takes its
/// count modulo 64, so each word's bit is the index's low six bits).
/// </summary>
internal readonly record struct SetBits(ulong W0, ulong W1, ulong W2, ulong W3)
{
    public static SetBits All => new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Has(int index) => (Word(index >> 6) & (1UL << index)) != 0;

    public SetBits With(int index) => (index >> 6) switch
    {
        0 => this with { W0 = W0 | (1UL << index) },
        1 => this with { W1 = W1 | (1UL << index) },
        2 => this with { W2 = W2 | (1UL << index) },
        _ => this with { W3 = W3 | (1UL << index) },
    };

    public static SetBits operator |(SetBits a, SetBits b) => new(a.W0 | b.W0, a.W1 | b.W1, a.W2 | b.W2, a.W3 | b.W3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Word(int word) => word switch
    {
        0 => W0,
        1 => W1,
        2 => W2,
        _ => W3,
    };
}
