namespace NearMiss.Functions.Http;

/// <summary>RFC 9457 problem details, with an <c>errors</c> map of field → messages for bad input.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ObjectResult Validation(IDictionary<string, string[]> errors) =>
        Result(new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
        });

    public static ObjectResult Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ObjectResult Status(int status, string title, string? detail = null) =>
        Result(new ProblemDetails { Status = status, Title = title, Detail = detail });

    /// <summary>Seconds a client is asked to wait when storage does not answer.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>503 with <c>Retry-After</c>: storage does not answer (see <see cref="Core.Storage.StorageFailures"/>).</summary>
    public static IActionResult Unavailable() =>
        new RetryAfterResult(Status(StatusCodes.Status503ServiceUnavailable, "The service is briefly unavailable. Please try again."), RetryAfterSeconds);

    private static ObjectResult Result(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}

/// <summary>A result with a <c>Retry-After</c> header.</summary>
public sealed class RetryAfterResult(IActionResult inner, int seconds) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return inner.ExecuteResultAsync(context);
    }
}
