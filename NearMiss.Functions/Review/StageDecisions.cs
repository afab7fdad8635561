using NearMiss.Core;
using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Review;

/// <summary>
/// <c>POST /api/review/cases/{id}/stage1</c> and <c>…/stage2</c>: a reviewer's decision on a case in that stage. Both
/// take the same steps: the reviewer, the checked body (<see cref="Stage1Body"/>, <see cref="Stage2Body"/>), the
/// case id, then <see cref="ReviewDecisions"/>.
/// </summary>
public sealed class StageDecisions(IReviewerAuthenticator authenticator, ReviewDecisions decisions)
{
    [Function("Stage1Decision")]
    public Task<IActionResult> Stage1([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/cases/{id}/stage1")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        DecideAsync<Stage1Body>(request, id, (reviewer, reportId, body) => decisions.Stage1Async(reviewer, reportId, body.Request, cancellationToken), cancellationToken);

    [Function("Stage2Decision")]
    public Task<IActionResult> Stage2([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/cases/{id}/stage2")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        DecideAsync<Stage2Body>(request, id, (reviewer, reportId, body) => decisions.Stage2Async(reviewer, reportId, body.Request, cancellationToken), cancellationToken);

    private Task<IActionResult> DecideAsync<T>(HttpRequest request, string id, Func<Reviewer, ReportId, T, Task<Result<DecisionResult>>> decide, CancellationToken cancellationToken)
        where T : IJsonRequest<T> =>
        authenticator.AsReviewer(request, cancellationToken, reviewer =>
            request.ReadAsync<T>(cancellationToken, body => HttpEndpoint.ForCase(id, reportId => decide(reviewer, reportId, body).Answer())));
}
