using System.Diagnostics;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NearMiss.Core.Storage;

namespace NearMiss.LocalHost;

/// <summary>Runs one queue-triggered function: a <see cref="QueueListener"/> calling it per message.</summary>
internal sealed partial class QueueTriggerService(FunctionEntry entry, IServiceProvider services, QueueSettings settings) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var queueService = QueueService(entry.Connection, configuration);
        var name = SettingExpressions.Resolve(entry.QueueName!, configuration);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Function." + entry.Name);
        var listener = new QueueListener(
            queueService.GetQueueClient(name),
            queueService.GetQueueClient(StorageNames.Queues.Poison(name)),
            (message, cancellationToken) => InvokeAsync(message, logger, cancellationToken),
            settings,
            services.GetRequiredService<ILoggerFactory>().CreateLogger<QueueListener>(),
            services.GetRequiredService<TimeProvider>());
        return listener.RunAsync(stoppingToken);
    }

    private async Task InvokeAsync(string message, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        await FunctionInvoker.InvokeAsync(entry, scope.ServiceProvider, parameter =>
            parameter.ParameterType == typeof(CancellationToken) ? cancellationToken : message);
        LogExecuted(logger, entry.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private QueueServiceClient QueueService(string? connection, IConfiguration configuration)
    {
        connection ??= "AzureWebJobsStorage";
        if (connection == StorageNames.Connection)
        {
            return services.GetRequiredService<QueueServiceClient>();
        }

        return configuration[connection] is { Length: > 0 } connectionString
            ? new QueueServiceClient(connectionString, StorageClients.QueueOptions)
            : throw new InvalidOperationException($"{entry.Name}: the queue connection setting '{connection}' is not configured.");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Executed {Function} ({DurationMs} ms)")]
    private static partial void LogExecuted(ILogger logger, string function, double durationMs);
}

/// <summary>Runs one timer-triggered function on its schedule (<c>%Setting%</c> resolved from configuration).</summary>
internal sealed partial class TimerTriggerService(FunctionEntry entry, IServiceProvider services) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = SettingExpressions.Resolve(entry.Schedule!, services.GetRequiredService<IConfiguration>());
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Function." + entry.Name);
        var scheduler = new TimerScheduler(
            schedule,
            (info, cancellationToken) => InvokeAsync(info, logger, cancellationToken),
            logger,
            services.GetRequiredService<TimeProvider>(),
            entry.RunOnStartup);
        return scheduler.RunAsync(stoppingToken);
    }

    private async Task InvokeAsync(TimerInfo info, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        await FunctionInvoker.InvokeAsync(entry, scope.ServiceProvider, parameter =>
            parameter.ParameterType == typeof(CancellationToken) ? cancellationToken : info);
        LogExecuted(logger, entry.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed timer {Function} ({DurationMs} ms)")]
    private static partial void LogExecuted(ILogger logger, string function, double durationMs);
}
