using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace NearMiss.Core.Pii;

/// <summary>
/// A trained token tagger (decision 048): an averaged perceptron over <see cref="PiiTaggerFeatures"/>, read left to
/// right, each token given one of <see cref="Labels"/> (none, or a person, agency, place, address or age). The rules
/// stay the detector; the tagger adds names, agencies, places, addresses and ages where the rules found nothing.
/// The model is <c>Data/pii-tagger.bin</c>, made by <c>nearmiss pii train</c>.
/// </summary>
internal sealed class PiiTagger
{
    public const string ResourceName = "NearMiss.Pii.pii-tagger.bin";

    /// <summary>What a tag means; tag 0 is no PII.</summary>
    public static readonly PiiLabel?[] Labels = [null, PiiLabel.Person, PiiLabel.Agency, PiiLabel.Location, PiiLabel.Address, PiiLabel.Age];

    /// <summary>Floats kept per row of scores: the six tags and two of padding, so a row is one 256-bit vector.</summary>
    public const int Stride = 8;

    private const uint Magic = 0x5450_4D4E; // "NMPT"
    private const int Version = 1;

    private static readonly Lazy<PiiTagger?> LazyShared = new(Load);

    /// <summary>
    /// Open addressing: each slot holds a feature's key (high half; 0 for none) and its row (low half); the rows of
    /// weights are packed one after another, so the model stays small enough to sit in the processor's cache.
    /// </summary>
    private readonly ulong[] _slots;
    private readonly float[] _weights;
    private readonly int _shift;

    public PiiTagger(IReadOnlyDictionary<uint, float[]> weights)
        : this(weights.Count)
    {
        foreach (var (feature, row) in weights.OrderBy(pair => pair.Key))
        {
            row.AsSpan().CopyTo(_weights.AsSpan(Insert(feature) * Stride));
        }
    }

    /// <summary>An empty table sized for <paramref name="features"/> features; <see cref="Insert"/> fills it.</summary>
    private PiiTagger(int features)
    {
        var bits = Math.Max(4, System.Numerics.BitOperations.Log2((uint)Math.Max(1, features)) + 2);
        _shift = 32 - bits;
        _slots = new ulong[1 << bits];
        _weights = new float[features * Stride];
    }

    /// <summary>The model shipped with the detector, or null when none is.</summary>
    public static PiiTagger? Shared => LazyShared.Value;

    public int Features { get; private set; }

    /// <summary>Tags every token, and how far each tag's score is ahead of "no PII" (for tag 0: how far "no PII" is ahead of the best PII tag).</summary>
    public void Tag(string text, ReadOnlySpan<Token> tokens, bool caseless, Span<byte> tags, Span<float> margins)
    {
        const int Width = PiiTaggerMemo.RowsPerToken * Stride;
        var memo = PiiTaggerMemo.For(this);
        var buffers = memo.Buffers(tokens.Length);
        var words = buffers.Words.AsSpan(0, tokens.Length);
        var shapes = buffers.Shapes.AsSpan(0, tokens.Length);
        var rows = buffers.Rows.AsSpan(0, tokens.Length * Width);
        PiiTaggerFeatures.Prepare(text, tokens, words, shapes);
        for (var i = 0; i < tokens.Length; i++)
        {
            memo.Rows(text, tokens[i], words[i], shapes[i], caseless).CopyTo(rows.Slice(i * Width));
        }

        Span<uint> features = stackalloc uint[8];
        Span<float> scores = stackalloc float[Stride];
        var previous = PiiTaggerFeatures.Start;
        for (var i = 0; i < tokens.Length; i++)
        {
            var sum = Vector256.Create<float>(rows.Slice(i * Width, Stride));
            for (var position = 0; position < PiiTaggerFeatures.Positions; position++)
            {
                var k = i + PiiTaggerFeatures.Offset(position);
                sum += Vector256.Create<float>(k < 0 || k >= tokens.Length
                    ? memo.EdgeRow(position)
                    : rows.Slice((k * PiiTaggerMemo.RowsPerToken + 1 + position) * Stride, Stride));
            }

            sum += Vector256.Create<float>(memo.PreviousRow(previous, shapes[i]));
            var n = PiiTaggerFeatures.Linked(words, shapes, i, features, 0);
            foreach (var feature in features[..n])
            {
                sum += Vector256.Create<float>(memo.FeatureRow(feature));
            }

            sum.CopyTo(scores);
            var best = 0;
            var pii = float.MinValue; // (the best PII tag's score, in the one pass)
            for (var c = 1; c < Labels.Length; c++)
            {
                if (scores[c] > scores[best])
                {
                    best = c;
                }

                pii = Math.Max(pii, scores[c]);
            }

            tags[i] = (byte)best;
            margins[i] = best == 0 ? scores[0] - pii : scores[best] - scores[0];
            previous = best;
        }
    }

    /// <summary>The scores of a set of features into <paramref name="scores"/> (<see cref="Stride"/> long): what <see cref="Tag"/> sums from its rows.</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores) => Add(features, Vector256<float>.Zero).CopyTo(scores);

    private Vector256<float> Add(ReadOnlySpan<uint> features, Vector256<float> sum)
    {
        var mask = _slots.Length - 1;
        foreach (var feature in features)
        {
            for (var slot = Slot(feature); _slots[slot] != 0; slot = (slot + 1) & mask)
            {
                if ((uint)(_slots[slot] >> 32) == feature)
                {
                    sum += Vector256.Create<float>(_weights.AsSpan((int)(uint)_slots[slot] * Stride, Stride));
                    break;
                }
            }
        }

        return sum;
    }

    private int Slot(uint feature) => (int)((feature * 2654435769u) >> _shift);

    /// <summary>
    /// The row of weights of a feature, given the next free row when the table has none for it yet (a feature read
    /// twice keeps one row, the last weights written to it win, as in a dictionary).
    /// </summary>
    private int Insert(uint feature)
    {
        var slot = Slot(feature);
        while (_slots[slot] != 0)
        {
            if ((uint)(_slots[slot] >> 32) == feature)
            {
                return (int)(uint)_slots[slot];
            }

            slot = (slot + 1) & (_slots.Length - 1);
        }

        var row = Features++;
        _slots[slot] = (ulong)feature << 32 | (uint)row;
        return row;
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Labels.Length);
        writer.Write(Features);
        foreach (var entry in _slots.Where(entry => entry != 0).Order())
        {
            writer.Write((uint)(entry >> 32));
            foreach (var weight in _weights.AsSpan((int)(uint)entry * Stride, Labels.Length))
            {
                writer.Write((Half)weight);
            }
        }
    }

    /// <summary>
    /// Reads a model written by <see cref="Write"/>. The model is read at start-up, so its rows are read from one
    /// buffer straight into the table rather than through a reader and a dictionary; the file comes sorted by
    /// feature, so the rows take the same places as when the model was made.
    /// </summary>
    public static PiiTagger Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[sizeof(int)];
        if (ReadInt(stream, header) != unchecked((int)Magic) || ReadInt(stream, header) != Version || ReadInt(stream, header) != Labels.Length)
        {
            throw new InvalidDataException("Not a PII tagger model of this version.");
        }

        var count = ReadInt(stream, header);
        if (count < 0)
        {
            throw new InvalidDataException("Not a PII tagger model of this version.");
        }

        // Each row: the feature's key, then one half float per label.
        var rowBytes = sizeof(uint) + Labels.Length * 2;
        var bytes = new byte[count * rowBytes];
        stream.ReadExactly(bytes);
        var tagger = new PiiTagger(count);
        for (var at = 0; at < bytes.Length; at += rowBytes)
        {
            var row = tagger._weights.AsSpan(tagger.Insert(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at))) * Stride, Labels.Length);
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(at + sizeof(uint) + c * 2));
            }
        }

        return tagger;
    }

    private static int ReadInt(Stream stream, Span<byte> buffer)
    {
        stream.ReadExactly(buffer);
        return BinaryPrimitives.ReadInt32LittleEndian(buffer);
    }

    private static PiiTagger? Load()
    {
        using var stream = PiiLexicon.Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }
}
