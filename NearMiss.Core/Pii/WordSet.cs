namespace NearMiss.Core.Pii;

/// <summary>A fixed list of words, looked up ignoring case without making a string; each word has a value (its index unless given).</summary>
internal sealed class WordSet
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _shortest;
    private readonly int _longest;

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
    }

    /// <summary>The word's value, or -1 when it is not in the list.</summary>
    public int Value(ReadOnlySpan<char> word) => Contains(word) && _lookup.TryGetValue(word, out var value) ? value : -1;

    public bool Contains(ReadOnlySpan<char> word) => word.Length >= _shortest && word.Length <= _longest && _lookup.ContainsKey(word);
}
