using NearMiss.Core.Storage;

namespace NearMiss.Core.Health;

/// <summary>Healthy when both table and queue storage answer.</summary>
public sealed class HealthCheck(NearMissStore store)
{
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await store.PiiScan.GetPropertiesAsync(timeout.Token);
            await foreach (var _ in store.Submissions.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return true;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException or AggregateException or InvalidOperationException)
        {
            return !cancellationToken.IsCancellationRequested && false;
        }
    }
}
