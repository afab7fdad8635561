using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Library;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Library;

/// <summary>
/// <c>GET /api/library/subscription</c> and <c>PUT /api/library/subscription {"callTypes":[..],"factors":[..]}</c>:
/// the signed-in reader's weekly digest subscription. Both lists empty removes it.
/// </summary>
public sealed class LibrarySubscriptionFunction(IReaderAuthenticator authenticator, ReaderSubscriptions subscriptions)
{
    [Function("LibrarySubscription")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "library/subscription")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), cancellationToken) is not { } reader)
        {
            return LibraryResults.SignInAgain();
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return new OkObjectResult(await subscriptions.GetAsync(reader, cancellationToken));
        }

        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken, limit: 4096);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            var errors = new Dictionary<string, string[]>();
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return Problems.Field("callTypes", "the body must be an object with callTypes and factors");
            }

            var callTypes = Choices(body, "callTypes", ReaderSubscriptions.CallTypeOptions, errors);
            var factors = Choices(body, "factors", ReaderSubscriptions.FactorOptions, errors);
            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            return new OkObjectResult(await subscriptions.SetAsync(reader, new DigestSubscription(callTypes, factors), cancellationToken));
        }
    }

    private static List<string> Choices(JsonElement body, string name, IReadOnlySet<string> options, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > options.Count
            || list.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || !options.Contains(v.GetString()!)))
        {
            errors[name] = ["must be a list of the form's options"];
            return [];
        }

        return list.EnumerateArray().Select(v => v.GetString()!).Distinct().ToList();
    }
}
