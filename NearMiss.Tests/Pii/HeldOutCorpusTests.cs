using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Scores the detector in-process on the held-out narratives (Pii/Data/heldout-nearmiss.jsonl), the same way the
/// evaluation scorer does at character level: a regression in recall or precision fails the build.
/// </summary>
public sealed class HeldOutCorpusTests
{
    private static readonly LocalPiiDetector Detector = new();

    [Fact]
    public void HeldOutNarratives_CharRecallAtLeast99_CharPrecisionAtLeast90()
    {
        var watch = Stopwatch.StartNew();
        long gold = 0, goldCovered = 0, predicted = 0, predictedInGold = 0;
        var leaks = new StringBuilder();
        foreach (var line in File.ReadLines(DataFile()))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("text").GetString()!;
            var utf16 = CodePointToUtf16(text);
            var isGold = new bool[text.Length];
            foreach (var span in doc.RootElement.GetProperty("spans").EnumerateArray())
            {
                for (var k = utf16[span.GetProperty("start").GetInt32()]; k < utf16[span.GetProperty("end").GetInt32()]; k++)
                {
                    isGold[k] = true;
                }
            }

            var isPredicted = new bool[text.Length];
            foreach (var span in Detector.Detect(text))
            {
                Array.Fill(isPredicted, true, span.Start, span.Length);
            }

            for (var k = 0; k < text.Length; k++)
            {
                if (char.IsWhiteSpace(text[k]) || char.IsLowSurrogate(text[k]))
                {
                    continue;
                }

                gold += isGold[k] ? 1 : 0;
                goldCovered += isGold[k] && isPredicted[k] ? 1 : 0;
                predicted += isPredicted[k] ? 1 : 0;
                predictedInGold += isPredicted[k] && isGold[k] ? 1 : 0;
                if (isGold[k] && !isPredicted[k])
                {
                    leaks.Append(text[k]);
                }
            }
        }

        var recall = (double)goldCovered / gold;
        var precision = (double)predictedInGold / predicted;
        Assert.True(recall >= 0.99, string.Create(CultureInfo.InvariantCulture, $"char recall {recall:P2} < 99%; leaked: {leaks}"));
        Assert.True(precision >= 0.90, string.Create(CultureInfo.InvariantCulture, $"char precision {precision:P2} < 90%"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("Plate XKR 5521 came back to a van.", "XKR 5521", "PLATE")]
    [InlineData("It was Thurs. 6/2 around noon.", "Thurs.", "DATE")]
    [InlineData("We worked the Saturday before Easter downtown.", "Saturday before Easter", "DATE")]
    [InlineData("Shots were fired at 0040 on New Year's Day again.", "New Year's Day", "DATE")]
    [InlineData("Backup came from the Akron Division of Police later.", "Akron Division of Police", "AGENCY")]
    [InlineData("Deputies from St. Landry Parish Sheriff's Office arrived.", "St. Landry Parish Sheriff's Office", "AGENCY")]
    [InlineData("A unit from Highland Park PD helped us.", "Highland Park PD", "AGENCY")]
    [InlineData("Call it in to RPD West Precinct first.", "RPD West Precinct", "AGENCY")]
    [InlineData("Troopers of B Detachment met us.", "B Detachment", "AGENCY")]
    [InlineData("The chase ended at Maple Ave and N 12th St near the school.", "Maple Ave and N 12th St", "ADDRESS")]
    [InlineData("Driver was gregory hale, no licence on him.", "gregory hale", "PERSON")]
    [InlineData("My cover, Ofc. Dana Pruett (K-14), was late.", "K-14", "BADGE_ID")]
    [InlineData("I met him at the Walgreens on the corner.", "Walgreens", "LOCATION")]
    [InlineData("Mail it to Suite 210 please.", "Suite 210", "ADDRESS")]
    public void NewRules_FindTheSpan(string text, string expected, string label)
    {
        var spans = Detector.Detect(text);
        Assert.Contains(spans, s => text[s.Start..s.End] == expected && s.Label.ToContractName() == label);
    }

    [Theory]
    [InlineData("Afterward Marcus said nothing.", "Afterward")]
    [InlineData("Pursuit was called off quickly.", "Pursuit")]
    [InlineData("He carried a Taurus G3 in his waistband.", "Taurus")]
    [InlineData("we got out of the car and he ran out the back.", "out")]
    public void CommonWords_AreNotFlagged(string text, string word)
    {
        var spans = Detector.Detect(text);
        Assert.DoesNotContain(spans, s => text[s.Start..s.End].Contains(word, StringComparison.Ordinal));
    }

    private static int[] CodePointToUtf16(string text)
    {
        var map = new List<int>(text.Length + 1);
        for (var k = 0; k < text.Length; k++)
        {
            map.Add(k);
            if (char.IsHighSurrogate(text[k]) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
            {
                k++;
            }
        }

        map.Add(text.Length);
        return [.. map];
    }

    private static string DataFile([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(source) ?? ".", "Data", "heldout-nearmiss.jsonl");
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "NearMiss.Tests", "Pii", "Data", "heldout-nearmiss.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("heldout-nearmiss.jsonl not found beside the tests.");
    }
}
