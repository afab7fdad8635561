using NearMiss.Core.Intake;

namespace NearMiss.Core.Review;

/// <summary>
/// Answers as they may be published: the state becomes its Census region, the agency code never leaves,
/// the month stays a month. Reviewers may drop any answer; they cannot add a state back.
/// </summary>
public static class AnswerCoarsening
{
    public const string RegionQuestion = "region";

    public static readonly string[] Regions = ["Northeast", "Midwest", "South", "West", "Territories"];

    private static readonly Dictionary<string, string> RegionOfState = new(StringComparer.Ordinal)
    {
        ["CT"] = "Northeast",
        ["ME"] = "Northeast",
        ["MA"] = "Northeast",
        ["NH"] = "Northeast",
        ["RI"] = "Northeast",
        ["VT"] = "Northeast",
        ["NJ"] = "Northeast",
        ["NY"] = "Northeast",
        ["PA"] = "Northeast",
        ["IL"] = "Midwest",
        ["IN"] = "Midwest",
        ["MI"] = "Midwest",
        ["OH"] = "Midwest",
        ["WI"] = "Midwest",
        ["IA"] = "Midwest",
        ["KS"] = "Midwest",
        ["MN"] = "Midwest",
        ["MO"] = "Midwest",
        ["NE"] = "Midwest",
        ["ND"] = "Midwest",
        ["SD"] = "Midwest",
        ["DE"] = "South",
        ["DC"] = "South",
        ["FL"] = "South",
        ["GA"] = "South",
        ["MD"] = "South",
        ["NC"] = "South",
        ["SC"] = "South",
        ["VA"] = "South",
        ["WV"] = "South",
        ["AL"] = "South",
        ["KY"] = "South",
        ["MS"] = "South",
        ["TN"] = "South",
        ["AR"] = "South",
        ["LA"] = "South",
        ["OK"] = "South",
        ["TX"] = "South",
        ["AZ"] = "West",
        ["CO"] = "West",
        ["ID"] = "West",
        ["MT"] = "West",
        ["NV"] = "West",
        ["NM"] = "West",
        ["UT"] = "West",
        ["WY"] = "West",
        ["AK"] = "West",
        ["CA"] = "West",
        ["HI"] = "West",
        ["OR"] = "West",
        ["WA"] = "West",
        ["PR"] = "Territories",
        ["AS"] = "Territories",
        ["GU"] = "Territories",
        ["MP"] = "Territories",
        ["VI"] = "Territories",
    };

    public static string? RegionOf(string state) => RegionOfState.GetValueOrDefault(state);

    /// <summary>The publication proposal for a submission's answers.</summary>
    public static Dictionary<string, string[]> Coarsen(IReadOnlyDictionary<string, string[]> answers)
    {
        var coarse = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (question, values) in answers)
        {
            if (question == "state")
            {
                if (values.Length == 1 && RegionOf(values[0]) is { } region)
                {
                    coarse[RegionQuestion] = [region];
                }

                continue;
            }

            coarse[question] = values;
        }

        return coarse;
    }

    /// <summary>
    /// Why a reviewer may not publish <paramref name="values"/> as the answer to <paramref name="question"/>, or null when
    /// they may: only form options and regions, never a state.
    /// </summary>
    public static string? Refusal(string question, string[] values, FormDefinition form) =>
        question == "state" ? "is never published: publish the region instead"
        : question == RegionQuestion ? values.Length != 1 || !Regions.Contains(values[0]) ? "must be one of " + string.Join(", ", Regions) : null
        : form.Find(question) is not { } asked ? $"is not a question of form version {form.Version}"
        : (asked.Kind == FormQuestion.Month
            ? values.Length != 1 || !DateOnly.TryParseExact(values[0] + "-01", "yyyy-MM-dd", out _)
            : values.Any(v => !asked.Options.Any(o => o.Value == v)) || values.Length > (asked.MaxChoices ?? 1))
            ? "contains a value that is not one of the options"
            : null;
}
