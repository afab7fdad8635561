using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Abuse;
using NearMiss.Core.Library;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Library;

/// <summary>The body of a new reader session.</summary>
public sealed record ReaderSessionResponse(string AccessToken);

/// <summary><c>POST /api/readers/session</c>: exchanges a one-time library sign-in token for an access token.</summary>
public sealed class ReaderSessionFunction(ReaderSignIn signIn, RequestRateLimits limits)
{
    [Function("ReaderSession")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "readers/session")] HttpRequest request,
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

            return await signIn.ExchangeAsync(token.GetString()!, cancellationToken) is { } accessToken
                ? new OkObjectResult(new ReaderSessionResponse(accessToken))
                : Problems.Status(StatusCodes.Status401Unauthorized, "The sign-in link is used, expired or not valid; ask for a new one.");
        }
    }
}
