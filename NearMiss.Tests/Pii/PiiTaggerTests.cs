using NearMiss.Cli.Pii;
using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>The trained tagger (decision 048): what it adds, what it never adds, and that its model is reproducible.</summary>
public sealed class PiiTaggerTests
{
    private static readonly string[] MadeUpNames = ["zarkov", "blenthe", "quorrin", "vashti", "morlek", "dunyeh", "tresk", "ulvani", "pohra", "kestrin", "omzale", "yerrow"];

    private static readonly Lazy<PiiTagger> Toy = new(() =>
        PiiTaggerTraining.Train([.. MadeUpNames.Select(name => Text("we met ", name, " near the gate after the call."))], epochs: 5, seed: 1));

    [Fact]
    public void Detect_WhereRulesFindNothing_AddsWhatTheTaggerLearnt()
    {
        const string text = "we met brondel near the gate after the call.";

        var rulesOnly = new LocalPiiDetector(null, 0).Detect(text);
        var withTagger = new LocalPiiDetector(Toy.Value, 0).Detect(text);

        Assert.Empty(rulesOnly);
        var span = Assert.Single(withTagger);
        Assert.Equal(("brondel", PiiLabel.Person), (text[span.Start..span.End], span.Label));
    }

    [Fact]
    public void Detect_BelowTheThreshold_AddsNothing()
    {
        const string text = "we met brondel near the gate after the call.";

        Assert.Empty(new LocalPiiDetector(Toy.Value, 1_000).Detect(text));
    }

    [Theory]
    [InlineData("we met rose near the gate after the call.")] // an ordinary lower-case word
    [InlineData("we met [PERSON] near the gate after the call.")] // a placeholder
    [InlineData("we met the near the gate after the call.")] // a word that is never a name alone
    public void Detect_WhatTheTaggerTagsButIsNotPii_AddsNothing(string text)
    {
        Assert.Empty(new LocalPiiDetector(Toy.Value, 0).Detect(text));
    }

    [Fact]
    public void Tag_OrdinaryLowerCaseWordInANameSlot_IsTaggedYetLeftOut()
    {
        // The guard above is what keeps "rose" out, not the model: the toy model does tag it.
        const string text = "we met rose near the gate after the call.";
        var tokens = new Token[64];
        var count = PiiTokenizer.Tokenize(text, PiiLexicon.Shared, ref tokens);
        var tags = new byte[count];
        var margins = new float[count];

        Toy.Value.Tag(text, tokens.AsSpan(0, count), caseless: true, tags, margins);

        var rose = Array.FindIndex(tokens, 0, count, t => text[t.Start..t.End] == "rose");
        Assert.Equal(PiiLabel.Person, PiiTagger.Labels[tags[rose]]);
    }

    [Theory]
    [InlineData("So we got off at exit three eighteen and he was there", "exit three eighteen")]
    [InlineData("we got the truck stopped at exit three twenty, the driver was fine", "exit three twenty")]
    [InlineData("a cattle trailer jackknifed on highway two and we shut it down", "highway two")]
    public void Detect_ARoadSaidInNumberWords_IsNotStruckAsOrdinaryWords(string text, string road)
    {
        // The tagger's second opinion strikes the rules' places made of ordinary words; number words said aloud are none.
        Assert.Contains(new LocalPiiDetector().Detect(text), s => text[s.Start..s.End] == road && s.Label == PiiLabel.Location);
    }

    [Fact]
    public void Detect_ANicknameSaidToBeOne_IsNotStruckAsAnOrdinaryWord()
    {
        const string text = "and dwayne mccallister, goes by sticks, put hands on way too early";

        Assert.Contains(new LocalPiiDetector().Detect(text), s => text[s.Start..s.End] == "sticks" && s.Label == PiiLabel.Person);
    }

    [Fact]
    public void Detect_ASpeakersFillers_AreNoName()
    {
        // A dictated report with no PII whose "um"s were read as the Korean surname Um (blind set FD, read after its scoring).
        var line = File.ReadLines(Path.Combine(DataFolder(), "blind", "set-fd.jsonl")).Single(l => l.Contains("\"FD-v-05\"", StringComparison.Ordinal));
        var text = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;

        Assert.Empty(new LocalPiiDetector().Detect(text[..900]));
    }

    [Fact]
    public void Detect_ACountBeforeAPlural_IsStillStruck()
    {
        const string text = "I had my back to five guys with rifles and knives and a bottle going around";

        Assert.DoesNotContain(new LocalPiiDetector().Detect(text), s => s.Label == PiiLabel.Location);
    }

    [Theory]
    [InlineData("Dep. Ruiz and k9 bodhi cleared 1423 elm st in springfield, 57 y/o male, 0140 hrs.")]
    [InlineData("WE MET SGT TRAN AT 44TH AND MCDOWELL, HE SAID THE SO WAS 10-8. WE MET SGT TRAN AGAIN.")]
    [InlineData("the the the officer officer and and a a")]
    public void Tag_FromItsMemo_IsWhatTheFeaturesSum(string text)
    {
        var tagger = PiiTagger.Shared!;
        var tokens = new Token[256];
        var count = PiiTokenizer.Tokenize(text, PiiLexicon.Shared, ref tokens);
        var span = tokens.AsSpan(0, count);
        var tags = new byte[count];
        var margins = new float[count];
        PiiTaggerMemo.Clear();
        tagger.Tag(text, span, caseless: false, tags, margins);
        var again = new byte[count];
        var againMargins = new float[count];
        tagger.Tag(text, span, caseless: false, again, againMargins); // now answered from the memo

        var words = new uint[count];
        var shapes = new uint[count];
        PiiTaggerFeatures.Prepare(text, span, words, shapes);
        var features = new uint[PiiTaggerFeatures.Max];
        var row = new float[PiiTagger.Stride];
        var previous = PiiTaggerFeatures.Start;
        for (var i = 0; i < count; i++)
        {
            var n = PiiTaggerFeatures.Extract(text, span, words, shapes, i, previous, caseless: false, features);
            tagger.Score(features.AsSpan(0, n), row);
            var scores = row[..PiiTagger.Labels.Length];
            var best = Array.IndexOf(scores, scores.Max());
            Assert.Equal(best, tags[i]);
            var margin = best == 0 ? scores[0] - scores[1..].Max() : scores[best] - scores[0];
            Assert.Equal(margin, margins[i], 0.001f);
            previous = best;
        }

        Assert.Equal(tags, again);
        Assert.Equal(margins, againMargins);
    }

    [Fact]
    public void Model_WrittenAndReadBack_IsTheSame()
    {
        using var first = new MemoryStream();
        Toy.Value.Write(first);
        first.Position = 0;
        using var second = new MemoryStream();

        PiiTagger.Read(first).Write(second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Read_OfSomethingElse_Throws()
    {
        Assert.Throws<InvalidDataException>(() => PiiTagger.Read(new MemoryStream(new byte[64])));
    }

    [Fact]
    public async Task BuiltInModel_IsWhatTrainingOnTheListedSetsMakes()
    {
        var folder = DataFolder();
        var texts = new List<PiiTrainingText>();
        foreach (var set in File.ReadLines(Path.Combine(folder, "tagger-sets.txt")).Where(line => line.Length > 0 && line[0] != '#'))
        {
            texts.AddRange(await PiiTrainingFile.ReadAsync(Path.Combine(folder, set), CancellationToken.None));
        }

        using var trained = new MemoryStream();
        PiiTaggerTraining.Train(texts, trained);
        using var builtIn = new MemoryStream();
        await using (var resource = typeof(PiiTagger).Assembly.GetManifestResourceStream(PiiTagger.ResourceName)!)
        {
            await resource.CopyToAsync(builtIn);
        }

        Assert.True(
            trained.ToArray().AsSpan().SequenceEqual(builtIn.ToArray()),
            "NearMiss.Core/Pii/Data/pii-tagger.bin is not what the sets in tagger-sets.txt make with today's word lists and features: run scripts/train-pii-tagger.sh");
        Assert.NotNull(PiiTagger.Shared);
    }

    private static PiiTrainingText Text(string before, string name, string after) =>
        new(before + name + after, [new PiiSpan(before.Length, before.Length + name.Length, PiiLabel.Person)]);

    internal static string DataFolder([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(source) ?? ".", "Data");
        if (File.Exists(Path.Combine(beside, "tagger-sets.txt")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "NearMiss.Tests", "Pii", "Data");
            if (File.Exists(Path.Combine(candidate, "tagger-sets.txt")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("NearMiss.Tests/Pii/Data not found beside the tests.");
    }
}
