using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NearMiss.Core.Library;

/// <summary>
/// Builds the library index from storage when the host starts, then catches it up every minute with what other
/// instances published (publications on this instance arrive at once through <see cref="Publishing.IPublicationListener"/>).
/// </summary>
public sealed partial class LibraryIndexHost(LuceneLibraryIndex index, TimeProvider time, ILogger<LibraryIndexHost> logger) : BackgroundService
{
    public static readonly TimeSpan CatchUpInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(CatchUpInterval, time);
            do
            {
                try
                {
                    // The first round builds the index; a build that failed is tried again by the next.
                    await index.CatchUpAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogCatchUpFailed(logger, e.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The library index could not catch up with storage ({ErrorType}); it tries again in a minute")]
    private static partial void LogCatchUpFailed(ILogger logger, string errorType);
}
