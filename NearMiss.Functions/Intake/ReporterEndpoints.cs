using NearMiss.Core.Abuse;
using NearMiss.Core.Intake;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Intake;

/// <summary>
/// What the anonymous reporter calls: the form, the submission, and the two receipt lookups. The receipt travels in
/// the body, never in a URL, and every lookup answer but a 429 takes the lookup floor, so a known, an unknown and a
/// malformed receipt cannot be told apart by time.
/// </summary>
public sealed class ReporterEndpoints(ReportIntake intake, ReceiptLookup lookup, ReporterReplies replies, RequestRateLimits limits, ResponseFloor floor)
{
    /// <summary><c>GET /api/form</c>: the form's questions and their choices.</summary>
    [Function("GetForm")]
    public IActionResult Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "form")] HttpRequest request, CancellationToken cancellationToken) => new OkObjectResult(intake.Form);

    /// <summary><c>POST /api/reports</c>: takes a report in and answers with its receipt.</summary>
    [Function("SubmitReport")]
    public Task<IActionResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.Submission, () => request.ReadAsync(JsonBody.DefaultLimit, cancellationToken, body => intake.SubmitAsync(body, cancellationToken).Answer(status: StatusCodes.Status202Accepted)));

    /// <summary><c>POST /api/receipts/status</c>: where the report stands and any question from a reviewer.</summary>
    [Function("ReceiptStatus")]
    public Task<IActionResult> ReceiptStatus([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "receipts/status")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.ReceiptLookup, () => request.ReadAsync<ReceiptBody>(cancellationToken, body => lookup.FindAsync(body.Receipt, cancellationToken).Answer()), floor, floor.Lookup);

    /// <summary><c>POST /api/receipts/messages</c>: the reporter answers a reviewer's question.</summary>
    [Function("ReceiptMessages")]
    public Task<IActionResult> ReceiptMessages([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "receipts/messages")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.ReceiptLookup, () => request.ReadAsync<ReplyBody>(cancellationToken, body => replies.ReplyAsync(body.Receipt, body.Message, cancellationToken).Answer(r => new { status = "sent", withinHours = r.WithinHours })), floor, floor.Lookup);
}
