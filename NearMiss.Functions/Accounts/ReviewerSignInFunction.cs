using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Accounts;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Accounts;

/// <summary>
/// <c>POST /api/review/signin</c>: e-mails a one-time sign-in link to a known reviewer. The answer is the same
/// for every well-formed request, known address or not; something that is not an address at all is a 400. With
/// <c>"console": "staff"</c> the link opens the staff dashboard and is sent only to a reviewer account on the staff list.
/// </summary>
public sealed class ReviewerSignInFunction(ReviewerSignIn signIn)
{
    [Function("ReviewerSignIn")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/signin")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken, limit: 1024);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("email", out var email)
                || email.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(email.GetString()))
            {
                return Problems.Field("email", "is required, as text");
            }

            if (ReviewerDirectory.NormaliseAddress(email.GetString()) is null)
            {
                return Problems.Field("email", "is not an e-mail address");
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

            await signIn.RequestAsync(email.GetString()!, cancellationToken, forStaff);
            return new ObjectResult(new Dictionary<string, object>()) { StatusCode = StatusCodes.Status202Accepted };
        }
    }
}
