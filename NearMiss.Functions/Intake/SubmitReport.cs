using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Abuse;
using NearMiss.Core.Intake;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Intake;

/// <summary><c>POST /api/reports</c>: takes a report in and answers with its receipt.</summary>
public sealed class SubmitReport(ReportIntake intake, RequestRateLimits limits)
{
    [Function(nameof(SubmitReport))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (limits.Refuse(request, RatePolicy.Submission) is { } refused)
        {
            return refused;
        }

        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            var (accepted, errors) = await intake.SubmitAsync(document.RootElement, cancellationToken);
            return accepted is null
                ? Problems.Validation(errors.ToDictionary())
                : new ObjectResult(accepted) { StatusCode = StatusCodes.Status202Accepted };
        }
    }
}
