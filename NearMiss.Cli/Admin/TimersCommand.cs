using System.CommandLine;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Storage;
using NearMiss.LocalHost;

namespace NearMiss.Cli.Admin;

/// <summary><c>nearmiss timers run NAME</c>: runs one timer function once, now, as its schedule would.</summary>
public static class TimersCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The timer function, e.g. PurgeExpired, TrendSummary, RequeueOrphans" };
        var run = new Command("run", "Run the timer function NAME once, now.") { name };
        run.SetAction(async (result, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            return await RunAsync(result.GetValue(name)!, services, Console.Out, Console.Error, cancellationToken);
        });
        return new Command("timers", "Run timer functions by hand.") { run };
    }

    /// <summary>Runs the timer function <paramref name="name"/> with <paramref name="services"/>; 2 when there is none.</summary>
    public static async Task<int> RunAsync(string name, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var timers = FunctionCatalog.Discover().Where(f => f.Trigger == TriggerKind.Timer).ToList();
        var entry = timers.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            await error.WriteLineAsync($"nearmiss timers run: no timer function '{name}'; timers: {string.Join(", ", timers.Select(t => t.Name).Order(StringComparer.Ordinal))}");
            return 2;
        }

        await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var info = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = now, Next = now, LastUpdated = now } };
        await using var scope = services.CreateAsyncScope();
        await FunctionInvoker.InvokeAsync(entry, scope.ServiceProvider, parameter =>
            parameter.ParameterType == typeof(CancellationToken) ? cancellationToken : info);
        await output.WriteLineAsync($"ran {entry.Name}");
        return 0;
    }
}
