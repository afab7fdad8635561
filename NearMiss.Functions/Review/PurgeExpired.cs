using NearMiss.Core.Review;

namespace NearMiss.Functions.Review;

/// <summary>Daily by default (<c>NearMiss:Review:PurgeSchedule</c>): crypto-erases reports closed longer than the retention window.</summary>
public sealed class PurgeExpired(RetentionPurge purge)
{
    [Function(nameof(PurgeExpired))]
    public Task Run([TimerTrigger("%NearMiss:Review:PurgeSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        purge.PurgeAsync(cancellationToken);
}
