using System.CommandLine;
using NearMiss.Cli.Admin;
using NearMiss.Cli.Library;
using NearMiss.Cli.Load;
using NearMiss.Cli.Pii;
using NearMiss.Cli.Seed;
using NearMiss.Cli.Serve;
using NearMiss.Cli.Timing;
using NearMiss.Cli.Trends;

// Start-up: `pii scan` is timed with its start-up, so a pii verb makes only its own commands, and a scan starts
// compiling and reading its word lists before its command line is parsed; a Release build's native scanner, if there
// is one, does the scan instead (decision 065).
if (args is ["pii", "scan", ..])
{
    if (NativePiiScan.TryRun(args.AsSpan(2)) is { } exit)
    {
        return exit;
    }

    PiiCommand.StartScan();
    if (args.Length == 2)
    {
        return await PiiCommand.ScanAsync(CancellationToken.None);
    }
}

var root = new RootCommand("nearmiss: anonymous near-miss reporting for law enforcement");
root.Subcommands.Add(PiiCommand.Create());
if (args is not ["pii", ..])
{
    root.Subcommands.Add(ServeCommand.Create());
    root.Subcommands.Add(LoadCommand.Create());
    root.Subcommands.Add(SeedCommand.Create());
    root.Subcommands.Add(PoisonCommand.Create());
    root.Subcommands.Add(ReviewersCommand.Create());
    root.Subcommands.Add(ReadersCommand.Create());
    root.Subcommands.Add(AgenciesCommand.Create());
    root.Subcommands.Add(IntakeCommand.Create());
    root.Subcommands.Add(TrendsCommand.Create());
    root.Subcommands.Add(LibraryCommand.Create());
    root.Subcommands.Add(TimingCommand.Create());
    root.Subcommands.Add(TimersCommand.Create());
}

return await root.Parse(args).InvokeAsync();
