using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Library;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Library;

/// <summary><c>GET /api/library/{id}</c>: one published report, lessons learned first, with 3–5 similar reports.</summary>
public sealed class LibraryReportFunction(IReaderAuthenticator authenticator, LibraryReports reports)
{
    [Function("LibraryReport")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "library/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), cancellationToken) is null)
        {
            return LibraryResults.SignInAgain();
        }

        return await reports.GetAsync(id, cancellationToken) is { } report
            ? new OkObjectResult(report)
            : Problems.Status(StatusCodes.Status404NotFound, "No published report has this id.");
    }
}
