using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NearMiss.Core.Accounts;
using NearMiss.Core.Review;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Review;

/// <summary><c>POST /api/review/cases/{id}/stage1</c>: a stage-1 reviewer's decision on a case.</summary>
public sealed class Stage1Decision(IReviewerAuthenticator authenticator, ReviewDecisions decisions)
{
    [Function(nameof(Stage1Decision))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/cases/{id}/stage1")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        authenticator.AsReviewer(request, cancellationToken, reviewer => request.ReadAsync(JsonBody.DefaultLimit, cancellationToken, body => decisions.Stage1Async(reviewer, id, body, cancellationToken).Mapped()));
}
