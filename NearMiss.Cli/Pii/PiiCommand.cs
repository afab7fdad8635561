using System.CommandLine;

using NearMiss.Core.Pii;

namespace NearMiss.Cli.Pii;

/// <summary><c>nearmiss pii</c>: PII detection verbs.</summary>
public static class PiiCommand
{
    public static Command Create()
    {
        var command = new Command("pii", "PII detection.");
        command.Subcommands.Add(Scan());
        command.Subcommands.Add(Train());
        return command;
    }

    private static Command Scan()
    {
        var model = new Option<FileInfo?>("--tagger") { Description = "Use this tagger model instead of the one built in (decision 048)" };
        var noTagger = new Option<bool>("--no-tagger") { Description = "Rules only: leave the trained tagger out" };
        var threshold = new Option<float>("--threshold")
        {
            Description = "How far ahead of \"no PII\" every word of a tagger span must be",
            DefaultValueFactory = _ => LocalPiiDetector.DefaultTaggerThreshold,
        };
        var workers = new Option<int>("--workers")
        {
            Description = "Threads that scan lines at once (output order and content are the same for any number); default one per processor",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        workers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--workers must be at least 1");
            }
        });
        var scan = new Command(
            "scan",
            "Reads JSON lines {\"id\",\"text\"} on stdin and writes {\"id\",\"spans\":[{\"start\",\"end\",\"label\"}]} per line on stdout. " +
            "Offsets count Unicode code points, end exclusive. A line that is not a JSON object with a string \"text\" is reported on " +
            "stderr with its line number and skipped; the exit code is then 2.")
        {
            model, noTagger, threshold, workers,
        };
        scan.SetAction(async (result, cancellationToken) =>
        {
            StartScan();
            var detector = Detector(result.GetValue(model), result.GetValue(noTagger), result.GetValue(threshold));
            return await ScanAsync(detector, result.GetValue(workers), cancellationToken);
        });
        return scan;
    }

    /// <summary>
    /// <c>pii scan</c> with no option (the built-in tagger, its default threshold, one worker per processor), started
    /// without the command-line parser (decision 063).
    /// </summary>
    public static Task<int> ScanAsync(CancellationToken cancellationToken) =>
        ScanAsync(new LocalPiiDetector(), Environment.ProcessorCount, cancellationToken);

    private static async Task<int> ScanAsync(LocalPiiDetector detector, int workers, CancellationToken cancellationToken)
    {
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        return await PiiScan.RunAsync(input, output, Console.Error, cancellationToken, detector, workers);
    }

    private static bool _started;

    /// <summary>
    /// Start-up of a scan, as early as the caller can (once): the profile of compiled methods (<see cref="CompileAhead"/>),
    /// and the word lists read on another thread while this one parses the command line and loads the tagger.
    /// </summary>
    public static void StartScan()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        CompileAhead();
        LocalPiiDetector.Prepare();
    }

    /// <summary>
    /// The runtime records which methods a scan compiles (names only, in the temporary folder) and, on later runs,
    /// compiles them on another core while the scan starts up (decision 054). Without a writable
    /// temporary folder the scan runs as before.
    /// </summary>
    private static void CompileAhead()
    {
        try
        {
            var profiles = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "nearmiss-jit")).FullName;
            System.Runtime.ProfileOptimization.SetProfileRoot(profiles);
            System.Runtime.ProfileOptimization.StartProfile("pii-scan.profile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Compiled as it goes, as without a profile.
        }
    }

    private static LocalPiiDetector Detector(FileInfo? model, bool noTagger, float threshold)
    {
        if (noTagger)
        {
            return LocalPiiDetector.WithTagger(null);
        }

        if (model is null)
        {
            return threshold == LocalPiiDetector.DefaultTaggerThreshold ? new LocalPiiDetector() : LocalPiiDetector.WithBuiltInTagger(threshold);
        }

        using var stream = model.OpenRead();
        return LocalPiiDetector.WithTagger(stream, threshold);
    }

    private static Command Train()
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the texts", DefaultValueFactory = _ => 10 };
        var files = new Argument<FileInfo[]>("gold") { Description = "JSON lines {\"id\",\"text\",\"spans\"} with gold spans in code points, as pii-eval's sets" };
        var train = new Command("train", "Trains the PII tagger on gold sets and writes its model (decision 048).") { output, epochs, files };
        train.SetAction(async (result, cancellationToken) =>
        {
            var texts = new List<PiiTrainingText>();
            foreach (var file in result.GetValue(files) ?? [])
            {
                texts.AddRange(await PiiTrainingFile.ReadAsync(file.FullName, cancellationToken));
            }

            var path = result.GetValue(output)!;
            await using var stream = path.Create();
            var features = PiiTaggerTraining.Train(texts, stream, result.GetValue(epochs));
            Console.WriteLine($"pii train: {texts.Count} texts, {features} features, {stream.Length} bytes -> {path.FullName}");
            return 0;
        });
        return train;
    }
}
