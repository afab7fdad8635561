using System.CommandLine;

namespace NearMiss.Cli.Load;

public static class LoadCommand
{
    public static Command Create()
    {
        var command = new Command("load", "Submit synthetic reports and measure throughput and latency.");
        return command;
    }
}