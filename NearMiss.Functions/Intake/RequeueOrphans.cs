using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Intake;

namespace NearMiss.Functions.Intake;

/// <summary>Hourly: queues the scan again for reports stored without a case (see <see cref="OrphanSweep"/>).</summary>
public sealed class RequeueOrphans(OrphanSweep sweep)
{
    [Function(nameof(RequeueOrphans))]
    public Task Run([TimerTrigger("0 20 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.SweepAsync(cancellationToken);
}
