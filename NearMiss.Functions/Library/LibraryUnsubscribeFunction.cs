using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Library;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Library;

/// <summary>The body of a successful unsubscribe.</summary>
public sealed record UnsubscribeResponse(bool Unsubscribed);

/// <summary>
/// <c>POST /api/library/unsubscribe {"token"}</c>: the one-click unsubscribe of a digest e-mail; no sign-in.
/// 200 when the subscription is removed, 410 when it was already, 400 for a token this service did not sign.
/// </summary>
public sealed class LibraryUnsubscribeFunction(ReaderSubscriptions subscriptions)
{
    [Function("LibraryUnsubscribe")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "library/unsubscribe")] HttpRequest request,
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
                || !document.RootElement.TryGetProperty("token", out var token)
                || token.ValueKind != JsonValueKind.String)
            {
                return Problems.Field("token", "is required, as text");
            }

            return await subscriptions.UnsubscribeAsync(token.GetString()!, cancellationToken) switch
            {
                UnsubscribeResult.Unsubscribed => new OkObjectResult(new UnsubscribeResponse(true)),
                UnsubscribeResult.AlreadyUnsubscribed => Problems.Status(StatusCodes.Status410Gone, "This digest subscription is already cancelled."),
                _ => Problems.Field("token", "is not a valid unsubscribe link"),
            };
        }
    }
}
