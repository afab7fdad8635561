using NearMiss.Core.Abuse;
using NearMiss.Core.Library;
using NearMiss.Core.SignIn;

namespace NearMiss.Functions.Library;

/// <summary>The body of a new reader session.</summary>
public sealed record ReaderSessionResponse(string AccessToken);

/// <summary><c>POST /api/readers/session</c>: exchanges a one-time library sign-in token for an access token.</summary>
public sealed class ReaderSessionFunction(OneTimeLinks links, ReaderSignIn library, RequestRateLimits limits)
{
    [Function("ReaderSession")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "readers/session")] HttpRequest request, CancellationToken cancellationToken) =>
        limits.Limited(request, RatePolicy.SignIn, () => request.ReadAsync<TokenBody>(cancellationToken, body => links.ExchangeAsync(library, body.Token, cancellationToken).Answer(token => new ReaderSessionResponse(token))));
}
