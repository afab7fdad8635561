using NearMiss.Core;
using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Review;

/// <summary>
/// What the review console calls, each as a signed-in reviewer: the cases waiting in a stage, one case, and the
/// decision on a case in stage 1 or 2. Both decisions take the same steps: the reviewer, the checked body
/// (<see cref="Stage1Body"/>, <see cref="Stage2Body"/>), the case id, then <see cref="ReviewDecisions"/>.
/// </summary>
public sealed class ReviewEndpoints(IReviewerAuthenticator authenticator, CaseQueries queries, ReviewDecisions decisions)
{
    /// <summary><c>GET /api/review/cases?stage=N</c>: the cases waiting in a stage, oldest first.</summary>
    [Function("ReviewQueue")]
    public Task<IActionResult> Queue([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/cases")] HttpRequest request, CancellationToken cancellationToken) =>
        authenticator.AsReviewer(request, cancellationToken, reviewer => int.TryParse(request.Query["stage"], out var number) && Stage.TryParse(number, out var stage)
            ? queries.ListAsync(reviewer, stage, cancellationToken).Answer(items => new { items })
            : Task.FromResult<IActionResult>(Problems.Field("stage", "must be 1 or 2")));

    /// <summary><c>GET /api/review/cases/{id}</c>: one case with its text, findings and coarsened answers.</summary>
    [Function("ReviewCase")]
    public Task<IActionResult> Case([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/cases/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        authenticator.AsReviewer(request, cancellationToken, reviewer => HttpEndpoint.ForCase(id, reportId => queries.GetAsync(reviewer, reportId, cancellationToken).Answer()));

    /// <summary><c>POST /api/review/cases/{id}/stage1</c>: a reviewer's stage-1 decision.</summary>
    [Function("Stage1Decision")]
    public Task<IActionResult> Stage1([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/cases/{id}/stage1")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        DecideAsync<Stage1Body>(request, id, (reviewer, reportId, body) => decisions.Stage1Async(reviewer, reportId, body.Request, cancellationToken), cancellationToken);

    /// <summary><c>POST /api/review/cases/{id}/stage2</c>: a reviewer's stage-2 decision.</summary>
    [Function("Stage2Decision")]
    public Task<IActionResult> Stage2([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/cases/{id}/stage2")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        DecideAsync<Stage2Body>(request, id, (reviewer, reportId, body) => decisions.Stage2Async(reviewer, reportId, body.Request, cancellationToken), cancellationToken);

    private Task<IActionResult> DecideAsync<T>(HttpRequest request, string id, Func<Reviewer, ReportId, T, Task<Result<DecisionResult>>> decide, CancellationToken cancellationToken)
        where T : IJsonRequest<T> =>
        authenticator.AsReviewer(request, cancellationToken, reviewer =>
            request.ReadAsync<T>(cancellationToken, body => HttpEndpoint.ForCase(id, reportId => decide(reviewer, reportId, body).Answer())));
}
