using System.Globalization;
using System.Text.RegularExpressions;

using NearMiss.Core.Intake;
using NearMiss.Core.Library;

namespace NearMiss.Functions.Library;

/// <summary>
/// <c>GET /api/library?callType=..&amp;factor=..&amp;assignment=..&amp;q=..&amp;from=YYYY-MM&amp;to=YYYY-MM&amp;page=..</c>:
/// published reports for a signed-in reader, with facet counts.
/// </summary>
public sealed partial class LibrarySearchFunction(IReaderAuthenticator authenticator, ILibrarySearch search)
{
    private const int MaxText = 200;
    private const int MaxPage = 500;

    [Function("LibrarySearch")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "library")] HttpRequest request, CancellationToken cancellationToken) =>
        authenticator.AsReader(request, cancellationToken, _ => AnswerAsync(request.Query, cancellationToken));

    private async Task<IActionResult> AnswerAsync(IQueryCollection parameters, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new LibraryQuery(
            Choices(parameters, "callType", "callType", errors),
            Choices(parameters, "factor", "factors", errors),
            Choices(parameters, "assignment", "assignment", errors),
            Text(parameters, errors),
            Month(parameters, "from", errors),
            Month(parameters, "to", errors),
            Page(parameters, errors));
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return new OkObjectResult(await search.SearchAsync(query, cancellationToken));
    }

    private static List<string> Choices(IQueryCollection parameters, string name, string questionId, Dictionary<string, string[]> errors)
    {
        var options = FormVersion1.Definition.Find(questionId)!.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        var values = parameters[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        if (values.Count > options.Count || values.Any(v => !options.Contains(v)))
        {
            errors[name] = ["must be values of the form's options"];
            return [];
        }

        return values;
    }

    private static string? Text(IQueryCollection parameters, Dictionary<string, string[]> errors)
    {
        var text = parameters["q"].ToString().Trim();
        if (text.Length > MaxText)
        {
            errors["q"] = [$"must be at most {MaxText} characters"];
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    private static string? Month(IQueryCollection parameters, string name, Dictionary<string, string[]> errors)
    {
        var text = parameters[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (!MonthPattern().IsMatch(text))
        {
            errors[name] = ["must be a month, YYYY-MM"];
            return null;
        }

        return text;
    }

    private static int Page(IQueryCollection parameters, Dictionary<string, string[]> errors)
    {
        var text = parameters["page"].ToString();
        if (text.Length == 0)
        {
            return 1;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page is < 1 or > MaxPage)
        {
            errors["page"] = [$"must be a number from 1 to {MaxPage}"];
            return 1;
        }

        return page;
    }

    // ASCII digits only (\d takes any script's digits) and no trailing newline ($ allows one).
    [GeneratedRegex(@"\A[0-9]{4}-(0[1-9]|1[0-2])\z")]
    private static partial Regex MonthPattern();
}
