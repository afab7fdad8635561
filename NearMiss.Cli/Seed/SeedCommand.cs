using System.CommandLine;
using NearMiss.Cli.Admin;

namespace NearMiss.Cli.Seed;

/// <summary><c>nearmiss seed</c>: the demo corpus driven through submission, scan, both review stages and publication.</summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Base URL of the site, e.g. http://127.0.0.1:7071", Required = true };
        var reports = new Option<int>("--reports") { Description = "How many reports", DefaultValueFactory = _ => 10 };
        var leave = new Option<bool>("--leave-some-in-review") { Description = "Leave every sixth report in stage 1 and every sixth in stage 2, and decline one in twelve at stage 1 (demo data)" };
        var command = new Command("seed", "Drive the demo reports through the public and review APIs; prints {\"submitted\",\"published\",\"inReview\",\"notPublished\"}.")
        {
            url, reports, leave,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            try
            {
                var summary = await new SeedRun(services, new Uri(result.GetValue(url)!), result.GetValue(leave), Console.Error)
                    .RunAsync(result.GetValue(reports), cancellationToken);
                Console.WriteLine(summary.ToJson());
                return summary.Submitted == result.GetValue(reports) ? 0 : 1;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TimeoutException)
            {
                Console.Error.WriteLine($"nearmiss seed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
