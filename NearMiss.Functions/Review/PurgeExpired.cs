using Microsoft.Azure.Functions.Worker;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Review;

/// <summary>Daily: crypto-erases reports closed longer than the retention window.</summary>
public sealed class PurgeExpired(RetentionPurge purge)
{
    [Function(nameof(PurgeExpired))]
    public Task Run([TimerTrigger("0 30 3 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        purge.PurgeAsync(cancellationToken);
}
