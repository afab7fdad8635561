using System.Text.Json;

using NearMiss.Core;
using NearMiss.Core.Abuse;
using NearMiss.Core.Accounts;
using NearMiss.Core.Library;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Http;

/// <summary>
/// The one shape of an HTTP function: guard (rate limit, response floor), authenticate, read and check a typed
/// request, call Core, map the result. Each step is one call here, so a function class is its route and one line.
/// Security headers, <c>Cache-Control: no-store</c> included, are set by <see cref="SecurityHeaders"/>: for every
/// response by the hosts' middleware, and here as each step starts, so that a function answers the same when called
/// directly.
/// </summary>
public static class HttpEndpoint
{
    /// <summary>
    /// 429 when the caller is over its budget for <paramref name="policy"/>; otherwise the answer, given no sooner than
    /// <paramref name="floor"/> after the call whatever it is (no floor: at once).
    /// </summary>
    public static async Task<IActionResult> Limited(
        this RequestRateLimits limits, HttpRequest request, RatePolicy policy, Func<Task<IActionResult>> answer, ResponseFloor? responseFloor = null, TimeSpan floor = default) =>
        limits.Refuse(Secured(request), policy) ?? (responseFloor is null ? await answer() : await responseFloor.HoldAsync(floor, answer));

    /// <summary>401 without a valid reviewer session; otherwise the answer for the reviewer.</summary>
    public static async Task<IActionResult> AsReviewer(this IReviewerAuthenticator authenticator, HttpRequest request, CancellationToken cancellationToken, Func<Reviewer, Task<IActionResult>> answer) =>
        await authenticator.AuthenticateAsync(Secured(request).Headers.Authorization.ToString(), cancellationToken) is { } reviewer
            ? await answer(reviewer)
            : Problems.Status(StatusCodes.Status401Unauthorized, Answers.SignInAgain);

    /// <summary>As <see cref="AsReviewer"/>, and 403 for a reviewer who is not staff.</summary>
    public static Task<IActionResult> AsStaff(this IReviewerAuthenticator authenticator, HttpRequest request, CancellationToken cancellationToken, Func<Reviewer, Task<IActionResult>> answer) =>
        authenticator.AsReviewer(request, cancellationToken, reviewer => reviewer.Staff
            ? answer(reviewer)
            : Task.FromResult<IActionResult>(Problems.Status(StatusCodes.Status403Forbidden, "The trend figures are for staff.")));

    /// <summary>401 without a valid reader session; otherwise the answer for the reader.</summary>
    public static async Task<IActionResult> AsReader(this IReaderAuthenticator authenticator, HttpRequest request, CancellationToken cancellationToken, Func<Reader, Task<IActionResult>> answer) =>
        await authenticator.AuthenticateAsync(Secured(request).Headers.Authorization.ToString(), cancellationToken) is { } reader
            ? await answer(reader)
            : Problems.Status(StatusCodes.Status401Unauthorized, Answers.LibrarySignInAgain);

    /// <summary>The body as <typeparamref name="T"/>: a problem when it cannot be read (<see cref="JsonBody"/>) or a field is refused; otherwise the answer.</summary>
    public static Task<IActionResult> ReadAsync<T>(this HttpRequest request, CancellationToken cancellationToken, Func<T, Task<IActionResult>> answer)
        where T : IJsonRequest<T> =>
        request.ReadAsync(T.Limit, cancellationToken, root => JsonFields.Read<T>(root) switch
        {
            { IsOk: true, Value: { } body } => answer(body),
            var refused => Task.FromResult(refused.ToActionResult()),
        });

    /// <summary>The body as JSON, for Core operations that check the fields themselves.</summary>
    public static async Task<IActionResult> ReadAsync(this HttpRequest request, int limit, CancellationToken cancellationToken, Func<JsonElement, Task<IActionResult>> answer)
    {
        var (document, problem) = await JsonBody.ReadAsync(Secured(request), cancellationToken, limit);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            return await answer(document.RootElement);
        }
    }

    /// <summary>The answer for the case a route's <paramref name="id"/> names; 404 when it cannot be a report id.</summary>
    public static Task<IActionResult> ForCase(string id, Func<ReportId, Task<IActionResult>> answer) =>
        ReportId.TryParse(id, out var reportId) ? answer(reportId) : Task.FromResult(Failure.NotFound(ReviewCases.NoCase).ToActionResult());

    /// <summary>202 with an empty object once <paramref name="work"/> is done.</summary>
    public static async Task<IActionResult> Accepted(this Task work)
    {
        await work;
        return new ObjectResult(new Dictionary<string, object>()) { StatusCode = StatusCodes.Status202Accepted };
    }

    /// <summary>200 with the value.</summary>
    public static async Task<IActionResult> Ok<T>(this Task<T> result) => new OkObjectResult(await result);

    private static HttpRequest Secured(HttpRequest request)
    {
        SecurityHeaders.Apply(request.HttpContext);
        return request;
    }
}
