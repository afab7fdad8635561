using System.CommandLine;

using NearMiss.Core.Pii;

namespace NearMiss.Cli.Pii;

/// <summary>
/// The options and action of <c>pii scan</c>, shared by <c>nearmiss pii scan</c> and the scanner compiled ahead of
/// time, <c>nearmiss-pii-scan</c> (decision 065), so that both read the same command line.
/// </summary>
public static class PiiScanCommand
{
    public const string Description =
        "Reads JSON lines {\"id\",\"text\"} on stdin and writes {\"id\",\"spans\":[{\"start\",\"end\",\"label\"}]} per line on stdout. " +
        "Offsets count Unicode code points, end exclusive. A line that is not a JSON object with a string \"text\" is reported on " +
        "stderr with its line number and skipped; the exit code is then 2.";

    /// <summary>Adds the scan's options to <paramref name="command"/> and makes the scan its action.</summary>
    /// <param name="start">Called first when the command runs (start-up work of the caller, once).</param>
    public static Command Configure(Command command, Action start)
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
        command.Options.Add(model);
        command.Options.Add(noTagger);
        command.Options.Add(threshold);
        command.Options.Add(workers);
        command.SetAction(async (result, cancellationToken) =>
        {
            start();
            var detector = Detector(result.GetValue(model), result.GetValue(noTagger), result.GetValue(threshold));
            return await RunAsync(detector, result.GetValue(workers), cancellationToken);
        });
        return command;
    }

    /// <summary>Scans standard input to standard output.</summary>
    public static async Task<int> RunAsync(LocalPiiDetector detector, int workers, CancellationToken cancellationToken)
    {
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        return await PiiScan.RunAsync(input, output, Console.Error, cancellationToken, detector, workers);
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
}
