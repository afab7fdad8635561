using NearMiss.Core.Review;

namespace NearMiss.Functions.Intake;

/// <summary>Queue <c>pii-scan</c>: once its batch window has passed, stores the sealed submission and runs the automated PII scan that opens the review case.</summary>
public sealed class ScanReport(CaseOpening opening)
{
    [Function(nameof(ScanReport))]
    public Task Run([QueueTrigger(StorageNames.Queues.PiiScan, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        opening.HandleAsync(message, cancellationToken);
}
