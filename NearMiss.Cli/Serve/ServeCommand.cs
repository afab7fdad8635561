using System.CommandLine;

namespace NearMiss.Cli.Serve;

public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the function classes, timers and the static site locally.");
        command.SetAction(_ => 0);
        return command;
    }
}