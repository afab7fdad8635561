using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Intake;

namespace NearMiss.Tests.Intake;

/// <summary>Valid report bodies to start tests from.</summary>
public static class Reports
{
    public const string Narrative =
        "Traffic stop on a dark two-lane road. The driver kept his right hand low between the seat and the console. " +
        "I had not called in the plate before walking up, and my cover unit was ten minutes out.";

    public static JsonObject Valid(string? narrative = null) => new()
    {
        ["formVersion"] = 1,
        ["answers"] = new JsonObject
        {
            ["month"] = "2026-03",
            ["timeOfDay"] = "night",
            ["callType"] = "traffic-stop",
            ["assignment"] = "patrol",
            ["outcome"] = "no-injury",
            ["factors"] = new JsonArray("situational-awareness", "backup-delayed"),
            ["weapons"] = new JsonArray("handgun"),
            ["state"] = "OH",
        },
        ["narrative"] = narrative ?? Narrative,
        ["lessonsLearned"] = "Run the plate before the approach and wait for cover when you can.",
    };

    public static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();

    /// <summary>
    /// Takes a report in and stores its original at once, as the scan does when the batch window has passed,
    /// without waiting for the window or opening the case.
    /// </summary>
    public static async Task<(string Receipt, string ReportId)> StoreAsync(IServiceProvider services, JsonNode body)
    {
        var accepted = services.GetRequiredService<ReportIntake>().Accept(Element(body));
        Assert.True(accepted.IsOk, Refused(accepted.Errors));
        var submission = SealedSubmissions.TryParse(accepted.Value!.Message)!;
        await services.GetRequiredService<SealedSubmissions>().StoreAsync(submission, CancellationToken.None);
        return (accepted.Value.Accepted.Receipt, submission.Id);
    }

    /// <summary>The refused fields, one line, for an assertion's message.</summary>
    public static string Refused(IReadOnlyDictionary<string, string[]>? errors) =>
        string.Join("; ", (errors ?? new Dictionary<string, string[]>()).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
