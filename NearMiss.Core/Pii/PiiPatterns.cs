using System.Text.RegularExpressions;

namespace NearMiss.Core.Pii;

/// <summary>
/// Source-generated patterns, each anchored at the start of a short slice: the scanner only tries them at token
/// starts where their first character can occur, so the text is never rescanned per label.
/// </summary>
internal static partial class PiiPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"^[\w.+-]+@[\w-]+(\.[\w-]+)+", Options)]
    public static partial Regex Email();

    [GeneratedRegex(@"^(https?://|www\.)[^\s<>""']+", Options | RegexOptions.IgnoreCase)]
    public static partial Regex Url();

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([ T]\d{2}:\d{2}:\d{2})?(?![\d-])", Options)]
    public static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{3}-\d{2}-\d{4}(?![\d-])", Options)]
    public static partial Regex Ssn();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}(?![\d.]*\d)", Options)]
    public static partial Regex Ipv4();

    [GeneratedRegex(@"^[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{0,4}){4,7}(?![\w:])", Options)]
    public static partial Regex Ipv6();

    [GeneratedRegex(@"^((0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(/(\d{4}|\d{2})|(?!\s*(mi|mile|miles|inch|inches|lb|lbs|oz|tank|gal|of\s+a)\b))|(0?[1-9]|1[0-2])[-.](0?[1-9]|[12]\d|3[01])[-.](\d{4}|\d{2})|(0?[1-9]|1[0-2])/(19|20)\d{2}(?!\s+(of|sec|second|seconds)\b))(?![\d/-])", Options)]
    public static partial Regex NumericDate();

    [GeneratedRegex(@"^(([01]\d|2[0-3])[0-5]\d:[0-5]\d(?![\d:])|([01]?\d|2[0-4]):[0-5]\d(:[0-5]\d)?(\s?[aApP](\.[mM]\.|[mM])(?![a-zA-Z]))?(\s?(hrs|hours|hr)\b)?|(0?[1-9]|1[0-2])\s?[aApP](\.[mM]\.|[mM])(?![a-zA-Z])|([01]\d|2[0-4])[0-5]\d\s?(hrs|hours|hr|h)(?![a-zA-Z]))", Options)]
    public static partial Regex Time();

    [GeneratedRegex(@"^(\+\d{1,3}[\s.-]?)?(\(\d{1,4}\)[\s.-]?)?(\(0\)\d{1,4}|\d{1,5})([.\- ]\d{2,8}){1,4}(\s?(x|ext\.?)\s?\d{1,5})?(?!\d|-\d)", Options)]
    public static partial Regex Phone();

    [GeneratedRegex(@"^\d{4}([ -]?\d{4}){2,3}([ -]?\d{1,4})?(?!\d)", Options)]
    public static partial Regex Card();

    [GeneratedRegex(@"^\d{5}(-\d{3,4})?(?![\d-])", Options)]
    public static partial Regex Zip();

    [GeneratedRegex(@"^([A-Z]{2,3}[- ]?\d{3,4}|\d[A-Z]{3}\d{3}|[A-Z]{3}\d[A-Z]{2}|\d{3}[- ]?[A-Z]{3})$", Options)]
    public static partial Regex PlateShape();

    [GeneratedRegex(@"^([A-Z]{1,5}-?\d{2,4}-\d{3,}|\d{2,4}-\d{5,}|\d{2}[A-Z]\d{5,}|\d{2,4}-[A-Z]{1,3}-\d{3,})$", Options)]
    public static partial Regex CaseShape();

    [GeneratedRegex(@"^[A-HJ-NPR-Z0-9]{17}$", Options)]
    public static partial Regex Vin();

    [GeneratedRegex(@"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$", Options)]
    public static partial Regex Iban();

    /// <summary>Length of the match of an anchored pattern at <paramref name="start"/>, or 0.</summary>
    public static int MatchLength(Regex regex, string text, int start, int window = 96)
    {
        var slice = text.AsSpan(start, Math.Min(window, text.Length - start));
        foreach (var match in regex.EnumerateMatches(slice))
        {
            return match.Length;
        }

        return 0;
    }

    public static bool IsMatch(Regex regex, ReadOnlySpan<char> value) => regex.IsMatch(value);
}
