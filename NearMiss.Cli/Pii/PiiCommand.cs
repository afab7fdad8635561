using System.CommandLine;

namespace NearMiss.Cli.Pii;

public static class PiiCommand
{
    public static Command Create()
    {
        var command = new Command("pii", "PII detection.");
        return command;
    }
}
