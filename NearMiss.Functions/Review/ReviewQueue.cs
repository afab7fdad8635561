using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Review;

/// <summary><c>GET /api/review/cases?stage=N</c>: the cases waiting in a stage, oldest first.</summary>
public sealed class ReviewQueue(IReviewerAuthenticator authenticator, CaseQueries queries)
{
    [Function(nameof(ReviewQueue))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/cases")] HttpRequest request, CancellationToken cancellationToken) =>
        authenticator.AsReviewer(request, cancellationToken, reviewer => int.TryParse(request.Query["stage"], out var number) && Stage.TryParse(number, out var stage)
            ? queries.ListAsync(reviewer, stage, cancellationToken).Answer(items => new { items })
            : Task.FromResult<IActionResult>(Problems.Field("stage", "must be 1 or 2")));
}
