using NearMiss.Core.Abuse;
using NearMiss.Core.Library;
using NearMiss.Core.SignIn;

namespace NearMiss.Functions.Library;

/// <summary>
/// <c>POST /api/readers/signin</c>: queues a one-time library sign-in link (<see cref="ReaderSignIn"/> decides whether
/// one is sent). The answer is 202 for every address, allowed, awaiting approval or unknown, and takes the sign-in
/// floor; something that is not an address is a 400.
/// </summary>
public sealed class ReaderSignInFunction(OneTimeLinks links, ReaderSignIn library, RequestRateLimits limits, ResponseFloor floor)
{
    [Function("ReaderSignIn")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "readers/signin")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.SignIn, () => request.ReadAsync<EmailBody>(cancellationToken, body => links.RequestAsync(library.Audience, body.Email, cancellationToken).Accepted()), floor, floor.SignIn);
}
