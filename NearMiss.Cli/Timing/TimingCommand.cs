using System.CommandLine;

namespace NearMiss.Cli.Timing;

/// <summary><c>nearmiss timing</c>: how long the site takes to answer for a known, an unknown and a malformed receipt.</summary>
public static class TimingCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Base URL of the site, e.g. http://127.0.0.1:7071", Required = true };
        var lookups = new Option<int>("--lookups") { Description = "Lookups of each kind", DefaultValueFactory = _ => 200 };
        var reviewer = new Option<string?>("--reviewer") { Description = "Also time sign-in requests for this reviewer's address against unknown addresses (e-mails a link each time)" };
        var command = new Command(
            "timing",
            "Time receipt lookups (known, unknown, malformed), one request at a time in shuffled order; prints mean, p50 and p99 of each. " +
            "The site must run with NearMiss__RateLimits__Enabled=false, or its lookup limit ends the run.")
        {
            url, lookups, reviewer,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var count = result.GetValue(lookups);
            if (count < 1)
            {
                Console.Error.WriteLine("--lookups must be at least 1");
                return 2;
            }

            try
            {
                return await new TimingRun(new Uri(result.GetValue(url)!), count, result.GetValue(reviewer), Console.Out).RunAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
            {
                Console.Error.WriteLine($"nearmiss timing: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
