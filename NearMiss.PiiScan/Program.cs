using System.CommandLine;

using NearMiss.Cli.Pii;
using NearMiss.Core.Pii;

// `nearmiss-pii-scan [options]` is `nearmiss pii scan [options]` in native code (decision 065).
LocalPiiDetector.Prepare();
if (args.Length == 0)
{
    return await PiiScanCommand.RunAsync(new LocalPiiDetector(), Environment.ProcessorCount, CancellationToken.None);
}

var root = PiiScanCommand.Configure(new RootCommand(PiiScanCommand.Description), static () => { });
return await root.Parse(args).InvokeAsync();
