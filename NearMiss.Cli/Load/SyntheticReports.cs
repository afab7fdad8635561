using System.Text.Json.Nodes;
using NearMiss.Core.Intake;

namespace NearMiss.Cli.Load;

/// <summary>Valid, varied, made-up reports for load tests and demo data. No real person or place.</summary>
public sealed class SyntheticReports(int seed)
{
    private static readonly string[] Openings =
    [
        "Responded to a call that sounded routine at first.",
        "Self-initiated contact late in the shift on a quiet stretch of road.",
        "Dispatched with one other unit to a residence with prior calls.",
        "Backing up another unit on a stop that was taking too long.",
        "Working a crash scene on the shoulder with traffic still moving.",
    ];

    private static readonly string[] Middles =
    [
        "The subject kept one hand out of view and I did not ask about it soon enough.",
        "A second person came out of the house that nobody had mentioned.",
        "A vehicle passed far too close while I was standing at the driver's window.",
        "The radio dropped out in the stairwell and I could not raise dispatch.",
        "I approached alone before my cover arrived because it looked calm.",
        "Lighting was poor and I had not positioned my car to light the scene.",
    ];

    private static readonly string[] Endings =
    [
        "It ended without anyone hurt, but only by a few seconds or feet.",
        "My partner saw it in time and we created distance.",
        "Nothing happened, and that was luck rather than good tactics.",
    ];

    private static readonly string[] Lessons =
    [
        "Wait for cover when you can and say out loud what you see.",
        "Ask about weapons early and keep hands in view.",
        "Stand on the shoulder side and leave the scene lights on.",
        "Check the radio works where you are going before you go in.",
    ];

    private readonly Random _random = new(seed);

    public JsonObject Next(FormDefinition form, DateOnly today)
    {
        var answers = new JsonObject();
        foreach (var question in form.Questions)
        {
            if (!question.Required && _random.NextDouble() < 0.3)
            {
                continue;
            }

            answers[question.Id] = question.Kind switch
            {
                FormQuestion.Month => today.AddMonths(-_random.Next(0, 36)).ToString("yyyy-MM"),
                FormQuestion.Multi => new JsonArray(Pick(question.Options, 1 + _random.Next(Math.Min(3, question.MaxChoices ?? 3))).Select(o => (JsonNode)o.Value).ToArray()),
                _ => question.Options[_random.Next(question.Options.Count)].Value,
            };
        }

        return new JsonObject
        {
            ["formVersion"] = form.Version,
            ["answers"] = answers,
            ["narrative"] = $"{One(Openings)} {One(Middles)} {One(Middles)} {One(Endings)}",
            ["lessonsLearned"] = One(Lessons),
        };
    }

    private string One(string[] items) => items[_random.Next(items.Length)];

    private IEnumerable<FormOption> Pick(IReadOnlyList<FormOption> options, int count) =>
        options.OrderBy(_ => _random.Next()).Take(count);
}
