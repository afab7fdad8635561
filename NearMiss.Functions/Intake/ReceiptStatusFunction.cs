using NearMiss.Core.Abuse;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Intake;

/// <summary>
/// <c>POST /api/receipts/status</c>: the receipt travels in the body, never in a URL. Every answer but a 429 takes
/// the lookup floor, so a known, an unknown and a malformed receipt cannot be told apart by time.
/// </summary>
public sealed class ReceiptStatusFunction(ReceiptLookup lookup, RequestRateLimits limits, ResponseFloor floor)
{
    [Function("ReceiptStatus")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "receipts/status")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.ReceiptLookup, () => request.ReadAsync<ReceiptBody>(cancellationToken, body => lookup.FindAsync(body.Receipt, cancellationToken).Answer()), floor, floor.Lookup);
}
