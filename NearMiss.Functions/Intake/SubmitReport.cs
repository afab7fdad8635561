using NearMiss.Core.Abuse;
using NearMiss.Core.Intake;

namespace NearMiss.Functions.Intake;

/// <summary><c>POST /api/reports</c>: takes a report in and answers with its receipt.</summary>
public sealed class SubmitReport(ReportIntake intake, RequestRateLimits limits)
{
    [Function(nameof(SubmitReport))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.Submission, () => request.ReadAsync(JsonBody.DefaultLimit, cancellationToken, body => intake.SubmitAsync(body, cancellationToken).Answer(status: StatusCodes.Status202Accepted)));
}
