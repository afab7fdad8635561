namespace NearMiss.Core.Reports;

/// <summary>A reviewer's opaque id: <c>r-</c> and 10 base32 characters, what the audit trail and a case's reviewers record.</summary>
public readonly record struct ReviewerId
{
    public const string Prefix = "r-";

    private ReviewerId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out ReviewerId id)
    {
        var valid = OpaqueIds.IsWellFormed(text, Prefix);
        id = valid ? new ReviewerId(text!) : default;
        return valid;
    }

    /// <summary>An id that must be well formed (a stored row's): throws <see cref="FormatException"/> otherwise.</summary>
    public static ReviewerId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a reviewer id.");

    public override string ToString() => Value;
}

/// <summary>A library reader's opaque id: <c>l-</c> and 10 base32 characters, all a reader token carries.</summary>
public readonly record struct ReaderId
{
    public const string Prefix = "l-";

    private ReaderId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out ReaderId id)
    {
        var valid = OpaqueIds.IsWellFormed(text, Prefix);
        id = valid ? new ReaderId(text!) : default;
        return valid;
    }

    /// <summary>An id that must be well formed (a stored row's): throws <see cref="FormatException"/> otherwise.</summary>
    public static ReaderId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a reader id.");

    public override string ToString() => Value;
}

/// <summary>The form of the random account ids: a prefix and 10 characters of the lower-case base32 alphabet.</summary>
public static class OpaqueIds
{
    public const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    public const int RandomLength = 10;

    public static bool IsWellFormed(string? text, string prefix) =>
        text is not null && text.Length == prefix.Length + RandomLength && text.StartsWith(prefix, StringComparison.Ordinal)
        && text.AsSpan(prefix.Length).IndexOfAnyExcept(Base32) < 0;
}
