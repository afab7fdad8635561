using System.Collections.Frozen;

namespace NearMiss.Core.Pii;

/// <summary>
/// A trained token tagger (decision 047): an averaged perceptron over <see cref="PiiTaggerFeatures"/>, read left to
/// right, each token given one of <see cref="Labels"/> (none, or a person, agency, place, address or age). The rules
/// stay the detector; the tagger adds names, agencies, places, addresses and ages where the rules found nothing.
/// The model is <c>Data/pii-tagger.bin</c>, made by <c>nearmiss pii train</c>.
/// </summary>
internal sealed class PiiTagger
{
    public const string ResourceName = "NearMiss.Pii.pii-tagger.bin";

    /// <summary>What a tag means; tag 0 is no PII.</summary>
    public static readonly PiiLabel?[] Labels = [null, PiiLabel.Person, PiiLabel.Agency, PiiLabel.Location, PiiLabel.Address, PiiLabel.Age];

    private const uint Magic = 0x5450_4D4E; // "NMPT"
    private const int Version = 1;

    private static readonly Lazy<PiiTagger?> LazyShared = new(Load);

    private readonly FrozenDictionary<uint, int> _rows;
    private readonly float[] _weights;

    public PiiTagger(IReadOnlyDictionary<uint, float[]> weights)
    {
        var rows = new Dictionary<uint, int>(weights.Count);
        _weights = new float[weights.Count * Labels.Length];
        foreach (var (feature, row) in weights.OrderBy(pair => pair.Key))
        {
            row.AsSpan().CopyTo(_weights.AsSpan(rows.Count * Labels.Length));
            rows.Add(feature, rows.Count);
        }

        _rows = rows.ToFrozenDictionary();
    }

    /// <summary>The model shipped with the detector, or null when none is.</summary>
    public static PiiTagger? Shared => LazyShared.Value;

    public int Features => _rows.Count;

    /// <summary>Tags every token, and how far each tag's score is ahead of "no PII" (0 for tag 0).</summary>
    public void Tag(string text, ReadOnlySpan<Token> tokens, bool caseless, Span<byte> tags, Span<float> margins)
    {
        Span<uint> features = stackalloc uint[PiiTaggerFeatures.Max];
        Span<float> scores = stackalloc float[Labels.Length];
        var previous = PiiTaggerFeatures.Start;
        for (var i = 0; i < tokens.Length; i++)
        {
            var n = PiiTaggerFeatures.Extract(text, tokens, i, previous, caseless, features);
            Score(features[..n], scores);
            var best = 0;
            for (var c = 1; c < scores.Length; c++)
            {
                if (scores[c] > scores[best])
                {
                    best = c;
                }
            }

            tags[i] = (byte)best;
            margins[i] = scores[best] - scores[0];
            previous = best;
        }
    }

    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var feature in features)
        {
            if (_rows.TryGetValue(feature, out var row))
            {
                var weights = _weights.AsSpan(row * Labels.Length, Labels.Length);
                for (var c = 0; c < weights.Length; c++)
                {
                    scores[c] += weights[c];
                }
            }
        }
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Labels.Length);
        writer.Write(_rows.Count);
        foreach (var (feature, row) in _rows.OrderBy(pair => pair.Value))
        {
            writer.Write(feature);
            foreach (var weight in _weights.AsSpan(row * Labels.Length, Labels.Length))
            {
                writer.Write((Half)weight);
            }
        }
    }

    public static PiiTagger Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != Magic || reader.ReadInt32() != Version || reader.ReadInt32() != Labels.Length)
        {
            throw new InvalidDataException("Not a PII tagger model of this version.");
        }

        var count = reader.ReadInt32();
        var weights = new Dictionary<uint, float[]>(count);
        for (var r = 0; r < count; r++)
        {
            var feature = reader.ReadUInt32();
            var row = new float[Labels.Length];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = (float)reader.ReadHalf();
            }

            weights[feature] = row;
        }

        return new PiiTagger(weights);
    }

    private static PiiTagger? Load()
    {
        using var stream = PiiLexicon.Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }
}
