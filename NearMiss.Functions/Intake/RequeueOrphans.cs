using NearMiss.Core.Review;

namespace NearMiss.Functions.Intake;

/// <summary>Hourly by default (<c>NearMiss:Intake:OrphanSweepSchedule</c>): queues the scan again for reports stored without a case (see <see cref="OrphanSweep"/>).</summary>
public sealed class RequeueOrphans(OrphanSweep sweep)
{
    [Function(nameof(RequeueOrphans))]
    public Task Run([TimerTrigger("%NearMiss:Intake:OrphanSweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.SweepAsync(cancellationToken);
}
