using NearMiss.Core;

namespace NearMiss.Functions.Http;

/// <summary>The one place a Core <see cref="Result{T}"/> becomes an HTTP answer: the value, or a problem-details body.</summary>
public static class Answers
{
    public const string SignInAgain = "Sign in again: the session is missing, expired or invalid.";

    public const string LibrarySignInAgain = "Sign in to the library again: the session is missing, expired or invalid.";

    /// <summary>
    /// <paramref name="status"/> (200 unless given) with the value, shaped by <paramref name="shape"/> when given; a
    /// failure is 400 with its fields, or 401, 403, 404, 409 or 410 with its message as the title.
    /// </summary>
    public static IActionResult ToActionResult<T>(this Result<T> result, Func<T, object>? shape = null, int status = StatusCodes.Status200OK) =>
        result.Failure switch
        {
            null when status == StatusCodes.Status200OK => new OkObjectResult(Shaped(result.Value!, shape)),
            null => new ObjectResult(Shaped(result.Value!, shape)) { StatusCode = status },
            var failure => failure.ToActionResult(),
        };

    /// <summary>400 with the refused fields, or 401, 403, 404, 409 or 410 with the failure's message as the title.</summary>
    public static IActionResult ToActionResult(this Failure failure) => failure switch
    {
        { Kind: Outcome.Invalid, Errors: { } errors } => Problems.Validation(errors.ToDictionary()),
        _ => Problems.Status(StatusOf(failure.Kind), failure.Message),
    };

    /// <summary>The answer for the result of <paramref name="operation"/> (<see cref="ToActionResult{T}"/>).</summary>
    public static async Task<IActionResult> Answer<T>(this Task<Result<T>> operation, Func<T, object>? shape = null, int status = StatusCodes.Status200OK) =>
        (await operation).ToActionResult(shape, status);

    private static object? Shaped<T>(T value, Func<T, object>? shape) => shape is null ? value : shape(value);

    private static int StatusOf(Outcome kind) => kind switch
    {
        Outcome.Unauthorized => StatusCodes.Status401Unauthorized,
        Outcome.Forbidden => StatusCodes.Status403Forbidden,
        Outcome.NotFound => StatusCodes.Status404NotFound,
        Outcome.Gone => StatusCodes.Status410Gone,
        Outcome.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
