using NearMiss.Core.Library;

namespace NearMiss.Functions.Library;

/// <summary>
/// <c>GET /api/library/subscription</c> and <c>PUT /api/library/subscription {"callTypes":[..],"factors":[..]}</c>:
/// the signed-in reader's weekly digest subscription. Both lists empty removes it.
/// </summary>
public sealed class LibrarySubscriptionFunction(IReaderAuthenticator authenticator, ReaderSubscriptions subscriptions)
{
    [Function("LibrarySubscription")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "library/subscription")] HttpRequest request, CancellationToken cancellationToken) =>
        authenticator.AsReader(request, cancellationToken, reader => HttpMethods.IsGet(request.Method)
            ? subscriptions.GetAsync(reader, cancellationToken).Ok()
            : request.ReadAsync<SubscriptionBody>(cancellationToken, body => subscriptions.SetAsync(reader, new DigestSubscription(body.CallTypes, body.Factors), cancellationToken).Ok()));
}

/// <summary><c>{"callTypes": [..], "factors": [..]}</c>: the form's options a reader's digest follows.</summary>
public sealed record SubscriptionBody(List<string> CallTypes, List<string> Factors) : IJsonRequest<SubscriptionBody>
{
    public static int Limit => 4096;

    public static SubscriptionBody Read(JsonFields fields) =>
        fields.RequireObject("callTypes", "the body must be an object with callTypes and factors")
            ? new([.. fields.Choices("callTypes", ReaderSubscriptions.CallTypeOptions)], [.. fields.Choices("factors", ReaderSubscriptions.FactorOptions)])
            : new([], []);
}
