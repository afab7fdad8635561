namespace NearMiss.Core.Pii;

/// <summary>A text and its gold spans in UTF-16 offsets, for training the tagger.</summary>
public sealed record PiiTrainingText(string Text, IReadOnlyList<PiiSpan> Spans);

/// <summary>
/// Trains <see cref="PiiTagger"/> (decision 048): the averaged perceptron, each text read exactly as the detector
/// reads it (tokenised, recased), the tag of a token the label of the gold span it lies in, greedy left to right with
/// the tag just predicted as a feature. Each text with upper case is learnt twice, as written and as speech-to-text
/// would give it (<see cref="PiiSpokenCopy"/>, decision 085). Deterministic: the same texts and seed give the same model.
/// </summary>
public static class PiiTaggerTraining
{
    /// <summary>Trains on <paramref name="texts"/> and writes the model to <paramref name="output"/>; returns the number of features kept.</summary>
    public static int Train(IReadOnlyList<PiiTrainingText> texts, Stream output, int epochs = 10, int seed = 47)
    {
        var tagger = Train(texts, epochs, seed);
        tagger.Write(output);
        return tagger.Features;
    }

    internal static PiiTagger Train(IReadOnlyList<PiiTrainingText> texts, int epochs, int seed)
    {
        var prepared = texts.Concat(texts.Select(PiiSpokenCopy.Of).OfType<PiiTrainingText>()).Select(Prepare).ToList();
        var labels = PiiTagger.Labels.Length;
        var rows = new Dictionary<uint, int>();
        var weights = new List<float>();
        var totals = new List<double>();
        var stamps = new List<int>();
        var step = 0;
        var random = new Random(seed);
        Span<uint> features = stackalloc uint[PiiTaggerFeatures.Max];
        var scores = new float[labels];

        int Row(uint feature)
        {
            if (!rows.TryGetValue(feature, out var row))
            {
                row = rows.Count;
                rows.Add(feature, row);
                for (var c = 0; c < labels; c++)
                {
                    weights.Add(0);
                    totals.Add(0);
                    stamps.Add(0);
                }
            }

            return row;
        }

        void Update(uint feature, int label, float delta)
        {
            var at = Row(feature) * labels + label;
            totals[at] += (step - stamps[at]) * (double)weights[at];
            stamps[at] = step;
            weights[at] += delta;
        }

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            foreach (var text in prepared.OrderBy(_ => random.Next()))
            {
                var previous = PiiTaggerFeatures.Start;
                var words = new uint[text.Tokens.Length];
                var shapes = new uint[text.Tokens.Length];
                PiiTaggerFeatures.Prepare(text.Text, text.Tokens, words, shapes);
                for (var i = 0; i < text.Tokens.Length; i++)
                {
                    step++;
                    var n = PiiTaggerFeatures.Extract(text.Text, text.Tokens, words, shapes, i, previous, text.Caseless, features);
                    Array.Clear(scores);
                    foreach (var feature in features[..n])
                    {
                        if (rows.TryGetValue(feature, out var row))
                        {
                            for (var c = 0; c < labels; c++)
                            {
                                scores[c] += weights[row * labels + c];
                            }
                        }
                    }

                    var guess = 0;
                    for (var c = 1; c < labels; c++)
                    {
                        guess = scores[c] > scores[guess] ? c : guess;
                    }

                    var gold = text.Tags[i];
                    if (guess != gold)
                    {
                        foreach (var feature in features[..n])
                        {
                            Update(feature, gold, 1);
                            Update(feature, guess, -1);
                        }
                    }

                    previous = guess;
                }
            }
        }

        var averaged = new Dictionary<uint, float[]>();
        foreach (var (feature, row) in rows)
        {
            var values = new float[labels];
            var keep = false;
            for (var c = 0; c < labels; c++)
            {
                var at = row * labels + c;
                var total = totals[at] + (step - stamps[at]) * (double)weights[at];
                values[c] = (float)(total / step);
                keep |= Math.Abs(values[c]) >= 0.001f;
            }

            if (keep)
            {
                averaged[feature] = values;
            }
        }

        return new PiiTagger(averaged);
    }

    private sealed record Prepared(string Text, Token[] Tokens, byte[] Tags, bool Caseless);

    /// <summary>The text as the detector reads it, and the gold tag of each token.</summary>
    private static Prepared Prepare(PiiTrainingText training)
    {
        var lexicon = PiiLexicon.Shared;
        var text = training.Text;
        var tokens = new Token[256];
        var count = LocalPiiDetector.Tokenize(ref text, lexicon, ref tokens);
        var recased = PiiTrueCaser.Recase(text, tokens, count, lexicon, out _, out _, out var caseless);
        if (recased is not null)
        {
            text = recased;
            count = PiiTokenizer.Tokenize(text, lexicon, ref tokens);
        }

        var tags = new byte[count];
        foreach (var span in training.Spans)
        {
            var tag = Array.IndexOf(PiiTagger.Labels, span.Label);
            if (tag <= 0)
            {
                continue;
            }

            for (var k = 0; k < count; k++)
            {
                if (tokens[k].Start < span.End && tokens[k].End > span.Start)
                {
                    tags[k] = (byte)tag;
                }
            }
        }

        return new Prepared(text, tokens[..count], tags, caseless);
    }
}
