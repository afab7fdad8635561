using NearMiss.Core.Intake;

namespace NearMiss.Functions.Intake;

public sealed class GetForm(ReportIntake intake)
{
    [Function(nameof(GetForm))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "form")] HttpRequest request, CancellationToken cancellationToken) => new OkObjectResult(intake.Form);
}
