using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

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

    private static ObjectResult Result(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
