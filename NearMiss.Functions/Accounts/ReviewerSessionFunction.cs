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

/// <summary><c>POST /api/review/session</c>: exchanges a one-time sign-in token (review console or staff dashboard) for an access token.</summary>
public sealed class ReviewerSessionFunction(OneTimeLinks links, ReviewerSignIn review, RequestRateLimits limits)
{
    [Function("ReviewerSession")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/session")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.SignIn, () => request.ReadAsync<TokenBody>(cancellationToken, body => links.ExchangeAsync(review, body.Token, cancellationToken).Answer(SessionResponse.Of)));
}
