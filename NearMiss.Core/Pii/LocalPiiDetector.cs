using System.Text.RegularExpressions;

namespace NearMiss.Core.Pii;

/// <summary>The local detector: patterns for the structured identifiers.</summary>
public sealed partial class LocalPiiDetector : IPiiDetector
{
    public IReadOnlyList<PiiSpan> Detect(string text)
    {
        var spans = new List<PiiSpan>();
        foreach (Match match in Structured().Matches(text))
        {
            foreach (var (group, label) in Groups)
            {
                if (match.Groups[group].Success)
                {
                    spans.Add(new PiiSpan(match.Index, match.Index + match.Length, label));
                    break;
                }
            }
        }

        return spans;
    }

    private static readonly (string Group, PiiLabel Label)[] Groups =
    [
        ("email", PiiLabel.Email), ("ssn", PiiLabel.Ssn), ("phone", PiiLabel.Phone), ("date", PiiLabel.Date), ("time", PiiLabel.Time),
    ];

    [GeneratedRegex(@"(?<email>\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b)|(?<ssn>\b\d{3}-\d{2}-\d{4}\b)|(?<phone>\(?\b\d{3}\)?[-. ]\d{3}[-.]\d{4}\b)|(?<date>\b\d{1,2}/\d{1,2}/\d{2,4}\b)|(?<time>\b[0-2]\d[0-5]\d\s?(hrs|hours)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Structured();
}
