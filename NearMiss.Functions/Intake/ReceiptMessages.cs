using NearMiss.Core.Abuse;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Intake;

/// <summary><c>POST /api/receipts/messages</c>: the reporter answers a reviewer's question; a receipt lookup like the status.</summary>
public sealed class ReceiptMessages(ReporterReplies replies, RequestRateLimits limits, ResponseFloor floor)
{
    [Function(nameof(ReceiptMessages))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "receipts/messages")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.ReceiptLookup, () => request.ReadAsync<ReplyBody>(cancellationToken, body => replies.ReplyAsync(body.Receipt, body.Message, cancellationToken).Answer(r => new { status = "sent", withinHours = r.WithinHours })), floor, floor.Lookup);
}
