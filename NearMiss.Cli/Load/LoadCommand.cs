using System.CommandLine;

namespace NearMiss.Cli.Load;

public static class LoadCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Base URL of the site, e.g. http://127.0.0.1:7071", Required = true };
        var reports = new Option<int>("--reports") { Description = "How many reports to submit", DefaultValueFactory = _ => 1000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Submitters at once", DefaultValueFactory = _ => 32 };
        var baseline = new Option<bool>("--baseline") { Description = "First measure the bare storage work of one report (one entity upsert + one queue message) at the same concurrency; needs NearMissStorage" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for every report to reach review", DefaultValueFactory = _ => 300 };
        var receipts = new Option<FileInfo?>("--receipts")
        {
            Description = "Write the receipt of every accepted report to this file, one per line (for `nearmiss intake check`). Receipts are secrets: the reports are synthetic, but keep the file private (it is created mode 600).",
        };

        var command = new Command("load", "Submit synthetic reports and print throughput, latency and time until all are in review.")
        {
            url, reports, concurrency, baseline, timeout, receipts,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new LoadSettings(new Uri(result.GetValue(url)!), result.GetValue(reports), result.GetValue(concurrency), result.GetValue(baseline), TimeSpan.FromSeconds(result.GetValue(timeout)), result.GetValue(receipts));
            if (settings.Reports < 1 || settings.Concurrency < 1)
            {
                Console.Error.WriteLine("--reports and --concurrency must be at least 1");
                return 2;
            }

            try
            {
                return await new LoadRun(settings, Console.Out).RunAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
            {
                Console.Error.WriteLine($"nearmiss load: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
