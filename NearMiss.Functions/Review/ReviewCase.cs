using NearMiss.Core.Accounts;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Review;

/// <summary><c>GET /api/review/cases/{id}</c>: one case with its text, findings and coarsened answers.</summary>
public sealed class ReviewCase(IReviewerAuthenticator authenticator, CaseQueries queries)
{
    [Function(nameof(ReviewCase))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/cases/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        authenticator.AsReviewer(request, cancellationToken, reviewer => HttpEndpoint.ForCase(id, reportId => queries.GetAsync(reviewer, reportId, cancellationToken).Answer()));
}
