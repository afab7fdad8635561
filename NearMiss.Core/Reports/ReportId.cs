namespace NearMiss.Core.Reports;

/// <summary>
/// A report's id: the lower-case hex HMAC of its receipt (32 characters), the partition of its original and its case.
/// Parsed once where it enters (a route, a queue message, a row) so that everything after holds a checked id.
/// </summary>
public readonly record struct ReportId
{
    private ReportId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out ReportId id)
    {
        var valid = text is { Length: 32 } && text.All(char.IsAsciiHexDigitLower);
        id = valid ? new ReportId(text!) : default;
        return valid;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    public override string ToString() => Value;
}
