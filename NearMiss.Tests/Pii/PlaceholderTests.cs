using System.Text.Json;

using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// The detector never flags its own placeholders: after the review stage replaces spans by <c>[LABEL]</c>, a later
/// scan of the redacted text must not ask the reviewer to keep them again; and no text makes it throw.
/// </summary>
public sealed class PlaceholderTests
{
    private static readonly LocalPiiDetector Detector = new();

    [Fact]
    public void RedactedBlindNarratives_ScanAgain_FlagNoPlaceholder()
    {
        var flagged = new List<string>();
        foreach (var file in new[] { "set-a.jsonl", "set-b.jsonl", "set-c.jsonl" })
        {
            foreach (var line in File.ReadLines(BlindFile(file)).Where(l => l.Length > 0))
            {
                var text = JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;
                var redacted = PiiRedaction.Redact(text, Detector.Detect(text));
                foreach (var span in Detector.Detect(redacted))
                {
                    if (InsidePlaceholder(redacted, span))
                    {
                        flagged.Add($"{file}: {redacted[span.Start..span.End]}");
                    }
                }
            }
        }

        Assert.Empty(flagged);
    }

    [Fact]
    public void EveryPlaceholder_NextToWordsAndPunctuation_IsQuiet()
    {
        var labels = Enum.GetValues<PiiLabel>().Select(PiiRedaction.Placeholder).Concat(["[OTHER]", "[REDACTED]"]).ToList();
        var text = string.Join(" ", labels.Select((p, n) => (n % 4) switch
        {
            0 => $"Sgt. {p} said",
            1 => $"at {p}, {p} County",
            2 => $"{p}'s partner, {p}-based",
            _ => $"\n{p} — {p}/{p} {p}.",
        }));

        Assert.Empty(Detector.Detect(text));
    }

    [Theory]
    [InlineData("2K1 2am 0545hrs 11pm 1a 9th 0th 12-Adam Adam-12 IA-2 A- -1 ( ) # (1 (12)")]
    [InlineData("k9 K9- k9-x st. St. Mt. dr. Dr. - -- — [ ] [] [X")]
    [InlineData("a")]
    [InlineData("UPPER CASE ONLY WITH 1234 AND I-95 AND THE END")]
    public void OddTokens_DoNotThrow(string text)
    {
        var spans = Detector.Detect(text);

        Assert.All(spans, s => Assert.InRange(s.End, s.Start + 1, text.Length));
    }

    private static bool InsidePlaceholder(string text, PiiSpan span)
    {
        var open = text.LastIndexOf('[', span.Start);
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        return open >= 0 && close >= span.Start && !text[(open + 1)..close].Any(c => c is not (>= 'A' and <= 'Z' or '_'));
    }

    private static string BlindFile(string name, [System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(source) ?? ".", "Data", "blind", name);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "NearMiss.Tests", "Pii", "Data", "blind", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name} not found beside the tests.");
    }
}
