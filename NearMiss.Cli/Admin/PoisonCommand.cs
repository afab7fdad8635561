using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Cli.Serve;
using NearMiss.Core;
using NearMiss.Core.Storage;

namespace NearMiss.Cli.Admin;

/// <summary><c>nearmiss poison replay QUEUE</c>: puts poisoned messages back on their queue.</summary>
public static class PoisonCommand
{
    public static Command Create()
    {
        var queue = new Argument<string>("queue") { Description = "The queue whose poison messages to replay, e.g. pii-scan" };
        var replay = new Command("replay", "Move every message of QUEUE-poison back to QUEUE.") { queue };
        replay.SetAction(async (result, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            var moved = await services.GetRequiredService<PoisonReplay>().ReplayAsync(result.GetValue(queue)!, cancellationToken);
            Console.WriteLine($"{moved} message(s) moved back to {result.GetValue(queue)}");
            return 0;
        });
        return new Command("poison", "Inspect and replay poison queues.") { replay };
    }
}

/// <summary>Core services for admin verbs, configured from the environment like the hosts.</summary>
public static class AdminServices
{
    public static ServiceProvider Create()
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        // Locally, the keys `nearmiss serve` keeps under .nearmiss/ (the same ones, so tokens and ids agree).
        builder.AddInMemoryCollection(DevelopmentKeys.Ensure(builder.Build(), Directory.GetCurrentDirectory()));
        var configuration = builder.Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddNearMissCore(configuration);
        return services.BuildServiceProvider();
    }
}
