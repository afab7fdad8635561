using System.CommandLine;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Cli.Serve;
using NearMiss.Core.Storage;

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
            var timers = FunctionCatalog.Discover().Where(f => f.Trigger == TriggerKind.Timer).ToList();
            var entry = timers.FirstOrDefault(f => string.Equals(f.Name, result.GetValue(name), StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                await Console.Error.WriteLineAsync($"nearmiss timers run: no timer function '{result.GetValue(name)}'; timers: {string.Join(", ", timers.Select(t => t.Name).Order(StringComparer.Ordinal))}");
                return 2;
            }

            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var info = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = now, Next = now, LastUpdated = now } };
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(entry, scope.ServiceProvider, parameter =>
                parameter.ParameterType == typeof(CancellationToken) ? cancellationToken : info);
            Console.WriteLine($"ran {entry.Name}");
            return 0;
        });
        return new Command("timers", "Run timer functions by hand.") { run };
    }
}
