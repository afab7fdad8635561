using NearMiss.Core.Intake;

namespace NearMiss.Core.Review;

public enum ReviewOutcome
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>The outcome of a review action: a value, or why not (the HTTP layer maps it to 400/403/404/409).</summary>
public sealed record ReviewResult<T>(ReviewOutcome Outcome, T? Value = default, string? Reason = null, FieldErrors? Errors = null)
{
    public static ReviewResult<T> Ok(T value) => new(ReviewOutcome.Ok, value);

    public static ReviewResult<T> NotFound() => new(ReviewOutcome.NotFound, Reason: "No case has this id.");

    public static ReviewResult<T> Forbidden(string reason) => new(ReviewOutcome.Forbidden, Reason: reason);

    public static ReviewResult<T> Conflict(string reason) => new(ReviewOutcome.Conflict, Reason: reason);

    public static ReviewResult<T> Invalid(FieldErrors errors) => new(ReviewOutcome.Invalid, Errors: errors);
}
