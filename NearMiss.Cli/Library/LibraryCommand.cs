using System.CommandLine;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Cli.Admin;
using NearMiss.Core.Library;
using NearMiss.Core.Storage;

namespace NearMiss.Cli.Library;

/// <summary><c>nearmiss library feature PUBLISHED_ID</c> and <c>nearmiss library bench</c>.</summary>
public static class LibraryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("published-id") { Description = "The id of a published report (as in /library/#id=…)" };
        var feature = new Command("feature", "Make a published report the library's report of the week.") { id };
        feature.SetAction(async (result, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            if (await services.GetRequiredService<FeaturedReports>().ChooseAsync(result.GetValue(id)!, cancellationToken) is not { } chosen)
            {
                await Console.Error.WriteLineAsync("nearmiss library feature: no published report has this id");
                return 1;
            }

            Console.WriteLine($"{chosen.Id}\t{chosen.Title}");
            return 0;
        });

        var reports = new Option<int>("--reports") { Description = "Published reports the library should hold; missing ones are generated", DefaultValueFactory = _ => 100_000 };
        var queries = new Option<int>("--queries") { Description = "Queries to time (after 100 warm-up queries)", DefaultValueFactory = _ => 1000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Table transactions (100 rows each) in flight while inserting", DefaultValueFactory = _ => 16 };
        var storage = new Option<string?>("--storage") { Description = "Storage connection string; default: the NearMissStorage setting" };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated reports and queries", DefaultValueFactory = _ => 42 };
        var bench = new Command("bench", "Fill table published to --reports, rebuild the library index from it and time a mix of queries.")
        {
            reports, queries, concurrency, storage, seed,
        };
        bench.SetAction(async (result, cancellationToken) =>
        {
            var connection = result.GetValue(storage) ?? Environment.GetEnvironmentVariable(StorageNames.Connection);
            if (string.IsNullOrEmpty(connection))
            {
                await Console.Error.WriteLineAsync("nearmiss library bench: give --storage or set NearMissStorage");
                return 2;
            }

            if (result.GetValue(reports) < 1 || result.GetValue(queries) < 1 || result.GetValue(concurrency) < 1)
            {
                await Console.Error.WriteLineAsync("nearmiss library bench: --reports, --queries and --concurrency must be at least 1");
                return 2;
            }

            var settings = new LibraryBenchSettings(result.GetValue(reports), result.GetValue(queries), result.GetValue(concurrency), result.GetValue(seed));
            return await new LibraryBench(connection, settings, Console.Out).RunAsync(cancellationToken);
        });

        return new Command("library", "The library: the report of the week, and a search benchmark.") { feature, bench };
    }
}
