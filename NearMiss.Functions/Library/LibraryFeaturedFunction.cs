using NearMiss.Core.Library;

namespace NearMiss.Functions.Library;

/// <summary><c>GET /api/library/featured</c>: the report of the week staff chose (id, title, summary); 404 when none.</summary>
public sealed class LibraryFeaturedFunction(IReaderAuthenticator authenticator, FeaturedReports featured)
{
    [Function("LibraryFeatured")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "library/featured")] HttpRequest request, CancellationToken cancellationToken) =>
        authenticator.AsReader(request, cancellationToken, _ => featured.GetAsync(cancellationToken).Answer());
}
