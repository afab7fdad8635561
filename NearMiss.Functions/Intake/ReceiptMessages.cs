using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NearMiss.Core.Abuse;
using NearMiss.Core.Review;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Intake;

/// <summary><c>POST /api/receipts/messages</c>: the reporter answers a reviewer's question; a receipt lookup like the status.</summary>
public sealed class ReceiptMessages(ReporterReplies replies, RequestRateLimits limits, ResponseFloor floor)
{
    [Function(nameof(ReceiptMessages))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "receipts/messages")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return limits.Refuse(request, RatePolicy.ReceiptLookup)
            ?? await floor.HoldAsync(floor.Lookup, () => AnswerAsync(request, cancellationToken));
    }

    private async Task<IActionResult> AnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken, limit: 16 * 1024);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            return (await replies.ReplyAsync(document.RootElement, cancellationToken)).ToActionResult(r => new { status = "sent", withinHours = r.WithinHours });
        }
    }
}
