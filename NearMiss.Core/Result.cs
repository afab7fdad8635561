namespace NearMiss.Core;

/// <summary>How a Core operation ended; the HTTP layer maps each to one status (Functions' <c>Http/Answers.cs</c>).</summary>
public enum Outcome
{
    /// <summary>Done; the result has its value.</summary>
    Ok,

    /// <summary>The input is refused: <see cref="Failure.Errors"/> says which field and why (400).</summary>
    Invalid,

    /// <summary>A credential (a sign-in token) is not, or no longer, good (401).</summary>
    Unauthorized,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>Nothing has this id (404).</summary>
    NotFound,

    /// <summary>The thing is not in a state that allows this, or changed meanwhile (409).</summary>
    Conflict,

    /// <summary>It existed, and is gone for good (410).</summary>
    Gone,
}

/// <summary>Why an operation did not succeed: its kind, a sentence for the caller, and for <see cref="Outcome.Invalid"/> the refused fields.</summary>
public sealed record Failure(Outcome Kind, string Message, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public const string InvalidFields = "The request has invalid fields.";

    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) => new(Outcome.Invalid, InvalidFields, errors);

    public static Failure Invalid(string field, string reason) => Invalid(new Dictionary<string, string[]> { [field] = [reason] });

    public static Failure Unauthorized(string message) => new(Outcome.Unauthorized, message);

    public static Failure Forbidden(string message) => new(Outcome.Forbidden, message);

    public static Failure NotFound(string message) => new(Outcome.NotFound, message);

    public static Failure Conflict(string message) => new(Outcome.Conflict, message);

    public static Failure Gone(string message) => new(Outcome.Gone, message);
}

/// <summary>
/// The one result of a Core operation the HTTP layer calls: a value, or a <see cref="Core.Failure"/>. A failure
/// converts to any <c>Result&lt;T&gt;</c>, so an operation says <c>return Failure.NotFound("…")</c>.
/// </summary>
public readonly record struct Result<T>
{
    private Result(T? value, Failure? failure) => (Value, Failure) = (value, failure);

    /// <summary>The value when <see cref="IsOk"/>; otherwise default.</summary>
    public T? Value { get; }

    /// <summary>Why not, or null when <see cref="IsOk"/>.</summary>
    public Failure? Failure { get; }

    public bool IsOk => Failure is null;

    public Outcome Outcome => Failure?.Kind ?? Outcome.Ok;

    /// <summary>The refused fields of an <see cref="Outcome.Invalid"/> result.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors => Failure?.Errors;

    public static Result<T> Ok(T value) => new(value, null);

    public static implicit operator Result<T>(Failure failure) => new(default, failure);

    /// <summary>The next step with the value, or this failure as it is.</summary>
    public async Task<Result<TNext>> ThenAsync<TNext>(Func<T, Task<Result<TNext>>> next) =>
        Failure is { } failure ? failure : await next(Value!);
}

/// <summary>Shorthand for <see cref="Result{T}.Ok"/> with the type inferred.</summary>
public static class Result
{
    public static Result<T> Ok<T>(T value) => Result<T>.Ok(value);
}
