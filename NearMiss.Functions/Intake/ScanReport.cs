using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Review;
using NearMiss.Core.Storage;

namespace NearMiss.Functions.Intake;

/// <summary>Queue <c>pii-scan</c>: the automated PII scan that opens the review case.</summary>
public sealed class ScanReport(CaseOpening opening)
{
    [Function(nameof(ScanReport))]
    public Task Run(
        [QueueTrigger(StorageNames.Queues.PiiScan, Connection = StorageNames.Connection)] string reportId,
        CancellationToken cancellationToken) => opening.OpenAsync(reportId, cancellationToken);
}
