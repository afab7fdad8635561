using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Abuse;
using NearMiss.Core.Library;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Library;

/// <summary>
/// <c>POST /api/readers/signin</c>: e-mails a one-time library sign-in link when the address may read. The answer
/// is 202 for every address, allowed, awaiting approval or unknown, and takes the sign-in floor; something that is
/// not an address is a 400.
/// </summary>
public sealed class ReaderSignInFunction(ReaderSignIn signIn, RequestRateLimits limits, ResponseFloor floor)
{
    [Function("ReaderSignIn")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "readers/signin")] HttpRequest request,
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

            await signIn.RequestAsync(email, cancellationToken);
            return new ObjectResult(new Dictionary<string, object>()) { StatusCode = StatusCodes.Status202Accepted };
        }
    }
}
