using NearMiss.Core.Library;

namespace NearMiss.Functions.Library;

/// <summary><c>GET /api/library/{id}</c>: one published report, lessons learned first, with 3–5 similar reports.</summary>
public sealed class LibraryReportFunction(IReaderAuthenticator authenticator, LibraryReports reports)
{
    [Function("LibraryReport")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "library/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        authenticator.AsReader(request, cancellationToken, _ => reports.GetAsync(id, cancellationToken).Answer());
}
