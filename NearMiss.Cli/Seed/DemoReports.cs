using System.Text.Json;
using System.Text.Json.Nodes;

namespace NearMiss.Cli.Seed;

/// <summary>
/// One report of the demo corpus: what an officer would submit (answers, narrative, lessons paragraph) and what
/// stage 2 would publish it as (title, summary, lessons, tags). Fictional; some narratives carry made-up names,
/// times, plates and phone numbers for the detector to find and stage 1 to redact.
/// </summary>
public sealed record DemoReport(
    JsonObject Answers, string Narrative, string LessonsLearned, string Title, string Summary, string[] Lessons, string[] Tags)
{
    /// <summary>The body of <c>POST /api/reports</c>, with the incident placed in <paramref name="month"/>.</summary>
    public JsonObject Submission(int formVersion, DateOnly month)
    {
        var answers = Answers.DeepClone().AsObject();
        answers["month"] = month.ToString("yyyy-MM");
        return new JsonObject
        {
            ["formVersion"] = formVersion,
            ["answers"] = answers,
            ["narrative"] = Narrative,
            ["lessonsLearned"] = LessonsLearned,
        };
    }
}

/// <summary>The demo corpus, <c>demo-reports.json</c> embedded in this assembly: every call type, many factors and states.</summary>
public static class DemoReports
{
    public static IReadOnlyList<DemoReport> All { get; } = Load();

    private static DemoReport[] Load()
    {
        using var stream = typeof(DemoReports).Assembly.GetManifestResourceStream("NearMiss.Cli.Seed.demo-reports.json")
                           ?? throw new InvalidOperationException("The demo corpus is not embedded in the assembly.");
        return JsonSerializer.Deserialize<DemoReport[]>(stream, JsonSerializerOptions.Web)
               ?? throw new InvalidOperationException("The demo corpus is empty.");
    }
}
