using System.CommandLine;
using NearMiss.Cli.Admin;
using NearMiss.Cli.Library;
using NearMiss.Cli.Load;
using NearMiss.Cli.Pii;
using NearMiss.Cli.Seed;
using NearMiss.Cli.Serve;

var root = new RootCommand("nearmiss: anonymous near-miss reporting for law enforcement");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(PiiCommand.Create());
root.Subcommands.Add(LoadCommand.Create());
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(PoisonCommand.Create());
root.Subcommands.Add(ReviewersCommand.Create());
root.Subcommands.Add(ReadersCommand.Create());
root.Subcommands.Add(LibraryCommand.Create());
return await root.Parse(args).InvokeAsync();
