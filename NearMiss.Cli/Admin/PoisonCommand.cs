using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NearMiss.Core;
using NearMiss.Core.Storage;
using NearMiss.LocalHost;

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

/// <summary>
/// Core services for admin verbs, configured from the environment like the hosts and validated as a host validates
/// them on start (a missing key or a bad setting stops the command with the setting's name). Like <c>nearmiss serve</c>
/// the verbs run in Development unless <c>DOTNET_ENVIRONMENT</c> or <c>ASPNETCORE_ENVIRONMENT</c> says otherwise, and
/// only there do they create the local keys under <c>.nearmiss/</c>.
/// </summary>
public static class AdminServices
{
    public static ServiceProvider Create() =>
        Create(new ConfigurationBuilder().AddEnvironmentVariables().Build(), EnvironmentName(), Directory.GetCurrentDirectory());

    /// <exception cref="OptionsValidationException">A setting is missing or invalid (outside Development, the keys too).</exception>
    public static ServiceProvider Create(IConfiguration given, string environmentName, string directory)
    {
        var builder = new ConfigurationBuilder().AddConfiguration(given);
        if (string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            // Locally, the keys `nearmiss serve` keeps under .nearmiss/ (the same ones, so tokens and ids agree).
            builder.AddInMemoryCollection(DevelopmentKeys.Ensure(given, directory));
        }

        var configuration = builder.Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddNearMissCore(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch
        {
            provider.Dispose();
            throw;
        }

        return provider;
    }

    private static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
        : Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
        : Environments.Development;
}
