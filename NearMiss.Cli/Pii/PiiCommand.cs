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

    private static Command Scan() => PiiScanCommand.Configure(new Command("scan", PiiScanCommand.Description), StartScan);

    /// <summary>
    /// <c>pii scan</c> with no option (the built-in tagger, its default threshold, one worker per processor), started
    /// without the command-line parser (decision 063).
    /// </summary>
    public static Task<int> ScanAsync(CancellationToken cancellationToken) =>
        PiiScanCommand.RunAsync(new LocalPiiDetector(), Environment.ProcessorCount, cancellationToken);

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
