using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Abuse;
using NearMiss.Core.Intake;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Intake;

/// <summary>
/// <c>POST /api/receipts/status</c>: the receipt travels in the body, never in a URL. Every answer but a 429 takes
/// the lookup floor, so a known, an unknown and a malformed receipt cannot be told apart by time.
/// </summary>
public sealed class ReceiptStatusFunction(ReceiptLookup lookup, RequestRateLimits limits, ResponseFloor floor)
{
    [Function("ReceiptStatus")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "receipts/status")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return limits.Refuse(request, RatePolicy.ReceiptLookup)
            ?? await floor.HoldAsync(floor.Lookup, () => AnswerAsync(request, cancellationToken));
    }

    private async Task<IActionResult> AnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken, limit: 1024);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("receipt", out var receipt)
                || receipt.ValueKind != JsonValueKind.String)
            {
                return Problems.Field("receipt", "is required, as text");
            }

            var status = await lookup.FindAsync(receipt.GetString(), cancellationToken);
            return status is null
                ? Problems.Status(StatusCodes.Status404NotFound, "No report has this receipt.")
                : new OkObjectResult(status);
        }
    }
}
