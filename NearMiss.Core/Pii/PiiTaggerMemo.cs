namespace NearMiss.Core.Pii;

/// <summary>
/// The tagger's scores of a token alone and as each neighbour, kept for the tokens read lately (decision 049). Most
/// features of a token depend on the token only (<see cref="TokenKey"/>), and most tokens are a few hundred ordinary
/// words, so their sums are worked out once and only the features that tie a token to the tag before it are looked
/// up at every token. A memo answers only for a key equal to the one it stored, so what it returns is what the sums
/// would be; one memo per thread and model: it is not safe to share.
/// </summary>
internal sealed class PiiTaggerMemo
{
    /// <summary>The token's own row, then one per neighbour position.</summary>
    public const int RowsPerToken = 1 + PiiTaggerFeatures.Positions;

    private const int Slots = 16384;
    private const int FeatureSlots = 16384;
    private const int Row = PiiTagger.Stride;
    private const int Width = RowsPerToken * Row;

    [ThreadStatic]
    private static PiiTaggerMemo? _current;

    private readonly PiiTagger _tagger;
    private readonly TokenKey[] _keys = new TokenKey[Slots];
    private readonly bool[] _filled = new bool[Slots];
    private readonly float[] _rows = new float[Slots * Width];
    private readonly float[] _edges = new float[PiiTaggerFeatures.Positions * Row];
    private readonly float[] _linked = new float[16 * 256 * Row];
    private readonly bool[] _linkedFilled = new bool[16 * 256];
    private readonly uint[] _featureKeys = new uint[FeatureSlots];
    private readonly float[] _featureRows = new float[FeatureSlots * Row];
    private Buffer _buffers = new(0);

    private PiiTaggerMemo(PiiTagger tagger)
    {
        _tagger = tagger;
        Span<uint> features = stackalloc uint[2];
        for (var position = 0; position < PiiTaggerFeatures.Positions; position++)
        {
            var n = PiiTaggerFeatures.Edge(position, features, 0);
            tagger.Score(features[..n], _edges.AsSpan(position * Row, Row));
        }
    }

    public static PiiTaggerMemo For(PiiTagger tagger) =>
        _current is { } memo && ReferenceEquals(memo._tagger, tagger) ? memo : _current = new PiiTaggerMemo(tagger);

    /// <summary>Forgets every token (the benchmark's cold start).</summary>
    public static void Clear()
    {
        if (_current is { } memo)
        {
            Array.Clear(memo._filled);
            Array.Clear(memo._linkedFilled);
            Array.Clear(memo._featureKeys);
        }
    }

    public Buffer Buffers(int tokens) => _buffers.Words.Length >= tokens ? _buffers : _buffers = new Buffer(Math.Max(1024, tokens));

    public ReadOnlySpan<float> EdgeRow(int position) => _edges.AsSpan(position * Row, Row);

    /// <summary>The scores of the tag before a token of this shape (<see cref="PiiTaggerFeatures.Previous"/>).</summary>
    public ReadOnlySpan<float> PreviousRow(int previousTag, uint shape)
    {
        var index = previousTag << 8 | (int)shape;
        var row = _linked.AsSpan(index * Row, Row);
        if (!_linkedFilled[index])
        {
            Span<uint> features = stackalloc uint[2];
            var n = PiiTaggerFeatures.Previous(previousTag, shape, features, 0);
            _tagger.Score(features[..n], row);
            _linkedFilled[index] = true;
        }

        return row;
    }

    /// <summary>
    /// The scores of one feature that ties a token to its neighbour's word (<see cref="PiiTaggerFeatures.Linked"/>),
    /// zero when the model has none: these are looked up at every token, and the model's table is too large to stay
    /// in the processor's nearest caches, so the features read lately are kept here.
    /// </summary>
    public ReadOnlySpan<float> FeatureRow(uint feature)
    {
        // The top 14 bits of the hash pick one of FeatureSlots, made even: the first of its pair.
        var slot = (int)((feature * 2654435769u) >> 18) & ~1;
        if (_featureKeys[slot] == feature)
        {
            return _featureRows.AsSpan(slot * Row, Row);
        }

        if (_featureKeys[slot + 1] == feature)
        {
            return _featureRows.AsSpan((slot + 1) * Row, Row);
        }

        // Each hash has a pair of slots, so two features that meet in one text do not keep pushing each other out:
        // the new one takes the first place, the one that was there the second (and the second's is dropped).
        _featureKeys[slot + 1] = _featureKeys[slot];
        _featureRows.AsSpan(slot * Row, Row).CopyTo(_featureRows.AsSpan((slot + 1) * Row, Row));
        var row = _featureRows.AsSpan(slot * Row, Row);
        _tagger.Score([feature], row);
        _featureKeys[slot] = feature;
        return row;
    }

    /// <summary>The token's scores alone, then as the neighbour at each position of <see cref="PiiTaggerFeatures.Offset"/>.</summary>
    public ReadOnlySpan<float> Rows(string text, in Token token, uint word, uint shape, bool caseless)
    {
        var key = PiiTaggerFeatures.Key(text, token, word, shape, caseless);
        var slot = Slot(key);
        if (_filled[slot] && _keys[slot] == key)
        {
            return _rows.AsSpan(slot * Width, Width);
        }

        if (_filled[slot + 1] && _keys[slot + 1] == key)
        {
            return _rows.AsSpan((slot + 1) * Width, Width);
        }

        // As for the features: a pair of slots per hash (Slot is even), the new key first, the one that was first
        // moved second.
        _keys[slot + 1] = _keys[slot];
        _filled[slot + 1] = _filled[slot];
        var rows = _rows.AsSpan(slot * Width, Width);
        rows.CopyTo(_rows.AsSpan((slot + 1) * Width, Width));
        Span<uint> features = stackalloc uint[PiiTaggerFeatures.Max];
        var n = PiiTaggerFeatures.Own(text, token, word, shape, caseless, features);
        _tagger.Score(features[..n], rows[..Row]);
        for (var position = 0; position < PiiTaggerFeatures.Positions; position++)
        {
            n = PiiTaggerFeatures.AsNeighbour(token, word, shape, position, features, 0);
            _tagger.Score(features[..n], rows.Slice((1 + position) * Row, Row));
        }

        _keys[slot] = key;
        _filled[slot] = true;
        return rows;
    }

    private static int Slot(in TokenKey key)
    {
        var hash = key.Word * 2654435769u;
        hash = (hash ^ key.Shape) * 2246822519u;
        hash = (hash ^ key.Suffix ^ key.Number) * 3266489917u;
        hash = (hash ^ (uint)key.Lex ^ key.Counts) * 668265263u;
        return (int)(hash ^ hash >> 15) & (Slots - 2);
    }

    /// <summary>Per-text working space, grown to the longest text seen.</summary>
    public sealed class Buffer(int tokens)
    {
        public uint[] Words { get; } = new uint[tokens];

        public uint[] Shapes { get; } = new uint[tokens];

        public float[] Rows { get; } = new float[tokens * Width];
    }
}
