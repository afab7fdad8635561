using NearMiss.Core.Health;

namespace NearMiss.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when storage answers, 503 when it does not.</summary>
public sealed class Health(HealthCheck check)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        await check.IsHealthyAsync(cancellationToken)
            ? new OkObjectResult(new { status = "healthy" })
            : Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage does not answer.");
}
