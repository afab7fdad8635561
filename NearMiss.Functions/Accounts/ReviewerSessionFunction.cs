using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Abuse;
using NearMiss.Core.Accounts;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Accounts;

/// <summary>The body of a new session: the access token and the reviewer it is for.</summary>
public sealed record SessionResponse(string AccessToken, ReviewerView Reviewer);

public sealed record ReviewerView(string Id, string Email, IReadOnlyList<int> Stages, bool Staff);

/// <summary><c>POST /api/review/session</c>: exchanges a one-time sign-in token for an access token.</summary>
public sealed class ReviewerSessionFunction(ReviewerSignIn signIn, RequestRateLimits limits)
{
    [Function("ReviewerSession")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/session")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (limits.Refuse(request, RatePolicy.SignIn) is { } refused)
        {
            return refused;
        }

        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken, limit: 1024);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("token", out var token)
                || token.ValueKind != JsonValueKind.String)
            {
                return Problems.Field("token", "is required, as text");
            }

            var session = await signIn.ExchangeAsync(token.GetString()!, cancellationToken);
            if (session is null)
            {
                return Problems.Status(StatusCodes.Status401Unauthorized, "The sign-in link is used, expired or not valid; ask for a new one.");
            }

            var reviewer = session.Reviewer;
            return new OkObjectResult(new SessionResponse(session.AccessToken, new ReviewerView(reviewer.Id, reviewer.Email, reviewer.Stages.Order().ToList(), reviewer.Staff)));
        }
    }
}
