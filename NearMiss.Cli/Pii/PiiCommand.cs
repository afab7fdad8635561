using System.CommandLine;

namespace NearMiss.Cli.Pii;

/// <summary><c>nearmiss pii</c>: PII detection verbs.</summary>
public static class PiiCommand
{
    public static Command Create()
    {
        var command = new Command("pii", "PII detection.");
        var scan = new Command(
            "scan",
            "Reads JSON lines {\"id\",\"text\"} on stdin and writes {\"id\",\"spans\":[{\"start\",\"end\",\"label\"}]} per line on stdout. " +
            "Offsets count Unicode code points, end exclusive. A line that is not a JSON object with a string \"text\" is reported on " +
            "stderr with its line number and skipped; the exit code is then 2.");
        scan.SetAction(async (_, cancellationToken) =>
        {
            await using var input = Console.OpenStandardInput();
            await using var output = Console.OpenStandardOutput();
            return await PiiScan.RunAsync(input, output, Console.Error, cancellationToken);
        });
        command.Subcommands.Add(scan);
        return command;
    }
}
