using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NearMiss.Core.Accounts;
using NearMiss.Core.Review;

namespace NearMiss.Functions.Http;

public static class ReviewResults
{
    /// <summary>Maps a review outcome to its HTTP answer: 200, 400, 403, 404 or 409.</summary>
    public static IActionResult ToActionResult<T>(this ReviewResult<T> result, Func<T, object>? shape = null) => result.Outcome switch
    {
        ReviewOutcome.Ok => new OkObjectResult(shape is null ? result.Value : shape(result.Value!)),
        ReviewOutcome.Invalid => Problems.Validation(result.Errors!.ToDictionary()),
        ReviewOutcome.Forbidden => Problems.Status(StatusCodes.Status403Forbidden, result.Reason!),
        ReviewOutcome.NotFound => Problems.Status(StatusCodes.Status404NotFound, result.Reason ?? "Not found."),
        _ => Problems.Status(StatusCodes.Status409Conflict, result.Reason!),
    };

    public static ObjectResult SignInAgain() => Problems.Status(StatusCodes.Status401Unauthorized, "Sign in again: the session is missing, expired or invalid.");

    public static Task<Reviewer?> ReviewerAsync(this IReviewerAuthenticator authenticator, HttpRequest request, CancellationToken cancellationToken) =>
        authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), cancellationToken);
}

public static class LibraryResults
{
    public static ObjectResult SignInAgain() =>
        Problems.Status(StatusCodes.Status401Unauthorized, "Sign in to the library again: the session is missing, expired or invalid.");
}
