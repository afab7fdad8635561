using NearMiss.Core.Library;

namespace NearMiss.Functions.Library;

/// <summary>The body of a successful unsubscribe.</summary>
public sealed record UnsubscribeResponse(bool Unsubscribed);

/// <summary>
/// <c>POST /api/library/unsubscribe {"token"}</c>: the one-click unsubscribe of a digest e-mail; no sign-in.
/// A mail client's RFC 8058 one-click request comes as <c>POST /api/library/unsubscribe?token=...</c> with the form
/// body <c>List-Unsubscribe=One-Click</c> (the digest's <c>List-Unsubscribe</c> header).
/// 200 when the subscription is removed, 410 when it was already, 400 for a token this service did not sign.
/// </summary>
public sealed class LibraryUnsubscribeFunction(ReaderSubscriptions subscriptions)
{
    [Function("LibraryUnsubscribe")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "library/unsubscribe")] HttpRequest request, CancellationToken cancellationToken) =>
        request.HasFormContentType && request.Query.TryGetValue("token", out var queryToken)
            ? OneClickAsync(request, queryToken.ToString(), cancellationToken)
            : request.ReadAsync<TokenBody>(cancellationToken, body => UnsubscribeAsync(body.Token, cancellationToken));

    private async Task<IActionResult> OneClickAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or > 1024)
        {
            return Problems.Field("List-Unsubscribe", "must be the one-click form body, List-Unsubscribe=One-Click");
        }

        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form["List-Unsubscribe"].ToString() != "One-Click")
            {
                return Problems.Field("List-Unsubscribe", "must be One-Click");
            }
        }
        catch (InvalidDataException)
        {
            return Problems.Field("List-Unsubscribe", "must be the one-click form body, List-Unsubscribe=One-Click");
        }

        return await UnsubscribeAsync(token, cancellationToken);
    }

    private Task<IActionResult> UnsubscribeAsync(string token, CancellationToken cancellationToken) =>
        subscriptions.UnsubscribeAsync(token, cancellationToken).Answer(_ => new UnsubscribeResponse(true));
}
