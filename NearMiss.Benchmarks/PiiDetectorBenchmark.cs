using System.Text.Json;

using BenchmarkDotNet.Attributes;

using NearMiss.Core.Pii;

namespace NearMiss.Benchmarks;

/// <summary>
/// Detector throughput on the dev corpus narratives. chars/s = <see cref="TotalChars"/> / mean time of one operation.
/// Set NEARMISS_PII_CORPUS to the JSONL corpus (default: ../shared/pii-eval/data/nearmiss-dev.jsonl from the repo root).
/// </summary>
[MemoryDiagnoser]
public class PiiDetectorBenchmark
{
    private LocalPiiDetector _detector = new();
    private string[] _texts = [];

    /// <summary>
    /// The rules alone; with the trained tagger (the default detector, decision 048), its memo warm from earlier
    /// operations; or with the tagger's memo emptied before each operation, so only the corpus's own repeats are shared
    /// (decision 049).
    /// </summary>
    public enum DetectorMode
    {
        Rules,
        Tagger,
        TaggerCold,
    }

    [Params(DetectorMode.Tagger, DetectorMode.TaggerCold, DetectorMode.Rules)]
    public DetectorMode Mode { get; set; }

    public static int TotalChars { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("NEARMISS_PII_CORPUS") ?? FindCorpus();
        _texts = File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "")
            .ToArray();
        TotalChars = _texts.Sum(t => t.Length);
        _detector = Mode == DetectorMode.Rules ? LocalPiiDetector.WithTagger(null) : new LocalPiiDetector();
        _detector.Detect(_texts[0]);
        Console.WriteLine($"// corpus: {_texts.Length} texts, {TotalChars} chars per operation");
    }

    [Benchmark(Description = "Detect all dev narratives")]
    public int DetectCorpus()
    {
        if (Mode == DetectorMode.TaggerCold)
        {
            PiiTaggerMemo.Clear();
        }

        var spans = 0;
        foreach (var text in _texts)
        {
            spans += _detector.Detect(text).Count;
        }

        return spans;
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "pii-eval", "data", "nearmiss-dev.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Set NEARMISS_PII_CORPUS to the near-miss JSONL corpus.");
    }
}
