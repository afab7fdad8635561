using NearMiss.Core.Abuse;
using NearMiss.Core.SignIn;

namespace NearMiss.Functions.Accounts;

/// <summary>
/// <c>POST /api/review/signin</c>: queues a one-time sign-in link for a reviewer (<see cref="OneTimeLinks"/>). The answer
/// is the same for every well-formed request, known address or not; something that is not an address at all is a 400.
/// With <c>"console": "staff"</c> the link opens the staff dashboard and goes only to a reviewer on the staff list.
/// Every answer but a 429 takes the sign-in floor.
/// </summary>
public sealed class ReviewerSignInFunction(OneTimeLinks links, RequestRateLimits limits, ResponseFloor floor)
{
    [Function("ReviewerSignIn")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/signin")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.SignIn, () => request.ReadAsync<SignInBody>(cancellationToken, body => links.RequestAsync(body.Console, body.Email, cancellationToken).Accepted()), floor, floor.SignIn);
}
