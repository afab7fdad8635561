using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// The context rules ask the text's shapes first (its word sets, letters alone, numbers, marks) and pass over a text
/// they cannot fire on (decision 076). A gate only spares work: with every gate open, every text gives the same spans.
/// </summary>
public sealed class RuleGateTests
{
    [Fact]
    public void EveryBlindSetText_GivesTheSameSpansWithEveryGateOpen()
    {
        var detector = new LocalPiiDetector();
        var texts = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(PiiTaggerTests.DataFolder(), "blind"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(line => line.Length > 0))
            {
                var text = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "";
                foreach (var variant in new[] { text, text.ToLowerInvariant(), text.ToUpperInvariant() })
                {
                    var gated = detector.Detect(variant);
                    PiiContextRules.AskEveryRule = true;
                    try
                    {
                        Assert.True(gated.SequenceEqual(detector.Detect(variant)), $"{Path.GetFileName(file)}: {variant}");
                    }
                    finally
                    {
                        PiiContextRules.AskEveryRule = false;
                    }

                    texts++;
                }
            }
        }

        Assert.True(texts > 6000, $"only {texts} texts read");
    }

    [Theory]
    [InlineData("copy, show us en route from payne and east fiftieth.", "payne and east fiftieth")] // a tens' ordinal, no day's
    [InlineData("DENVER, Colo. — An officer was hurt.", "Colo.")]
    [InlineData("we were at the corner of broad and fifth", "broad and fifth")]
    public void AGatedRuleStillFindsWhatItIsFor(string text, string expected) =>
        Assert.Contains(new LocalPiiDetector().Detect(text), span => text[span.Start..span.End] == expected);
}
