using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Abuse;
using NearMiss.Core.Accounts;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Accounts;

/// <summary>
/// <c>POST /api/review/signin</c>: e-mails a one-time sign-in link to a known reviewer. The answer is the same
/// for every well-formed request, known address or not; something that is not an address at all is a 400. With
/// <c>"console": "staff"</c> the link opens the staff dashboard and is sent only to a reviewer account on the staff list.
/// Every answer but a 429 takes the sign-in floor, so the time does not tell whether a link was e-mailed either.
/// </summary>
public sealed class ReviewerSignInFunction(ReviewerSignIn signIn, RequestRateLimits limits, ResponseFloor floor)
{
    [Function("ReviewerSignIn")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/signin")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return limits.Refuse(request, RatePolicy.SignIn)
            ?? await floor.HoldAsync(floor.SignIn, () => AnswerAsync(request, cancellationToken));
    }

    private async Task<IActionResult> AnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken, limit: 1024);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            var (email, invalid) = JsonBody.EmailField(document.RootElement);
            if (email is null)
            {
                return invalid!;
            }

            var forStaff = false;
            if (document.RootElement.TryGetProperty("console", out var console) && console.ValueKind != JsonValueKind.Null)
            {
                if (console.ValueKind != JsonValueKind.String || console.GetString() != "staff")
                {
                    return Problems.Field("console", "must be \"staff\" or left out");
                }

                forStaff = true;
            }

            await signIn.RequestAsync(email, cancellationToken, forStaff);
            return new ObjectResult(new Dictionary<string, object>()) { StatusCode = StatusCodes.Status202Accepted };
        }
    }
}
