using NearMiss.Core.Abuse;
using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.SignIn;

namespace NearMiss.Functions.Accounts;

/// <summary>The body of a new session: the access token and the reviewer it is for.</summary>
public sealed record SessionResponse(string AccessToken, ReviewerView Reviewer)
{
    public static SessionResponse Of(ReviewerSession session) =>
        new(session.AccessToken, new ReviewerView(session.Reviewer.Id.Value, session.Reviewer.Email, session.Reviewer.Stages.Order().ToList(), session.Reviewer.Staff));
}

public sealed record ReviewerView(string Id, string Email, IReadOnlyList<Stage> Stages, bool Staff);

/// <summary>
/// How a reviewer signs in to the review console or the staff dashboard: a one-time link by e-mail
/// (<see cref="OneTimeLinks"/>), then that link's token exchanged for an access token.
/// </summary>
public sealed class ReviewerAccess(OneTimeLinks links, ReviewerSignIn review, RequestRateLimits limits, ResponseFloor floor)
{
    /// <summary>
    /// <c>POST /api/review/signin</c>: queues the link. The answer is the same for every well-formed request, known
    /// address or not; something that is not an address at all is a 400. With <c>"console": "staff"</c> the link
    /// opens the staff dashboard and goes only to a reviewer on the staff list. Every answer but a 429 takes the
    /// sign-in floor.
    /// </summary>
    [Function("ReviewerSignIn")]
    public Task<IActionResult> SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/signin")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.SignIn, () => request.ReadAsync<SignInBody>(cancellationToken, body => links.RequestAsync(body.Console, body.Email, cancellationToken).Accepted()), floor, floor.SignIn);

    /// <summary><c>POST /api/review/session</c>: exchanges the link's one-time token for an access token.</summary>
    [Function("ReviewerSession")]
    public Task<IActionResult> Session([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/session")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.SignIn, () => request.ReadAsync<TokenBody>(cancellationToken, body => links.ExchangeAsync(review, body.Token, cancellationToken).Answer(SessionResponse.Of)));
}
