using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Accounts;
using NearMiss.Core.Intake;
using NearMiss.Core.Pii;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;

namespace NearMiss.Cli.Seed;

public sealed record SeedSummary(int Submitted, int Published, int InReview, int NotPublished)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);
}

/// <summary>
/// Drives the demo corpus (<see cref="DemoReports"/>) end to end through the same HTTP API the form and the review
/// console use: submit, wait for the scan, stage 1 redacts the findings and passes, stage 2 (another reviewer)
/// publishes with the title, summary and lessons written for that report. Creates its two reviewer accounts, marked
/// as demo accounts (never sent case notices), and signs them in with tokens from the configured signing key.
/// </summary>
public sealed class SeedRun(IServiceProvider services, Uri url, bool leaveSomeInReview, TextWriter progress)
{
    /// <summary>The published ids of the reports this run published, in order.</summary>
    public List<string> PublishedIds { get; } = [];

    public async Task<SeedSummary> RunAsync(int count, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<ReviewerDirectory>();
        var sessions = services.GetRequiredService<ReviewerSessions>();
        var first = await directory.AddAsync("seed-stage1@nearmiss.local", new HashSet<Stage> { Stage.One }, cancellationToken, demo: true);
        var second = await directory.AddAsync("seed-stage2@nearmiss.local", new HashSet<Stage> { Stage.Two }, cancellationToken, demo: true);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var stage1 = sessions.IssueAccessToken(first);
        var stage2 = sessions.IssueAccessToken(second);

        var form = await http.GetFromJsonAsync<FormDefinition>("api/form", JsonSerializerOptions.Web, cancellationToken)
                   ?? throw new InvalidOperationException("GET /api/form returned nothing.");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (submitted, published, inReview, notPublished) = (0, 0, 0, 0);
        for (var i = 0; i < count; i++)
        {
            var demo = DemoReports.All[i % DemoReports.All.Count];
            var report = demo.Submission(form.Version, today.AddMonths(-1 - (i * 7 % 24)));
            using var response = await http.PostAsJsonAsync("api/reports", report, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                progress.WriteLine($"report {i + 1}: submission answered {(int)response.StatusCode}");
                continue;
            }

            submitted++;
            var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("receipt").GetString()!;
            var id = services.GetRequiredService<ReceiptLookup>().ReportIdOf(receipt)!.Value.Value;
            await WaitForReviewAsync(http, receipt, cancellationToken);

            var plan = leaveSomeInReview ? i % 6 : -1;
            if (plan == 0)
            {
                inReview++;
                continue;
            }

            var view = await GetCaseAsync(http, stage1, id, cancellationToken);
            var reject = leaveSomeInReview && i % 12 == 11;
            await DecideAsync(http, stage1, id, "stage1", Stage1Body(view, reject ? "reject" : "pass"), cancellationToken);
            if (reject)
            {
                notPublished++;
                continue;
            }

            if (plan == 1)
            {
                inReview++;
                continue;
            }

            view = await GetCaseAsync(http, stage2, id, cancellationToken);
            var answer = await DecideAsync(http, stage2, id, "stage2", Stage2Body(view, demo), cancellationToken);
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("publishedId", out var publishedId)
                && publishedId.ValueKind == JsonValueKind.String)
            {
                PublishedIds.Add(publishedId.GetString()!);
            }

            published++;
        }

        return new SeedSummary(submitted, published, inReview, notPublished);
    }

    /// <summary>
    /// Polls the receipt's status about once a second, which stays well inside the site's receipt-lookup limit; should
    /// the site still answer 429, waits as long as its Retry-After says.
    /// </summary>
    private static async Task WaitForReviewAsync(HttpClient http, string receipt, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.PostAsJsonAsync("api/receipts/status", new { receipt }, cancellationToken);
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("status").GetString() == "in-review")
            {
                return;
            }

            var wait = response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } retryAfter
                ? retryAfter
                : TimeSpan.FromSeconds(1);
            await Task.Delay(wait, cancellationToken);
        }

        throw new TimeoutException("A seeded report did not reach review within 60 s: is the queue listener running?");
    }

    private static async Task<JsonObject> GetCaseAsync(HttpClient http, string token, string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/review/cases/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
    }

    private static async Task<JsonElement> DecideAsync(HttpClient http, string token, string id, string stage, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/review/cases/{id}/{stage}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{stage} decision answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>Stage 1 as a reviewer would do it: every automated finding redacted with its typed placeholder.</summary>
    private static JsonObject Stage1Body(JsonObject view, string decision)
    {
        var findings = view["findings"]!.AsArray().Select(f => (Field: (string)f!["field"]!, Span: new PiiSpan((int)f["start"]!, (int)f["end"]!, Label((string)f["label"]!)))).ToList();
        string Redacted(string field) => PiiRedaction.Redact((string)view[field]!, findings.Where(f => f.Field == field).Select(f => f.Span));
        return new JsonObject
        {
            ["decision"] = decision,
            ["narrative"] = Redacted("narrative"),
            ["lessonsLearned"] = Redacted("lessonsLearned"),
            ["answers"] = view["answers"]!.DeepClone(),
        };
    }

    /// <summary>Stage 2 as a reviewer would do it: the redacted text as stage 1 left it, with the report's own title, summary and lessons.</summary>
    private static JsonObject Stage2Body(JsonObject view, DemoReport demo) => new()
    {
        ["decision"] = "publish",
        ["narrative"] = view["narrative"]!.DeepClone(),
        ["lessonsLearned"] = view["lessonsLearned"]!.DeepClone(),
        ["answers"] = view["answers"]!.DeepClone(),
        ["title"] = demo.Title,
        ["summary"] = demo.Summary,
        ["lessons"] = new JsonArray([.. demo.Lessons.Select(l => (JsonNode)l)]),
        ["tags"] = new JsonArray([.. demo.Tags.Select(t => (JsonNode)t)]),
        ["urgent"] = false,
    };

    private static PiiLabel Label(string name) => PiiLabels.TryParse(name, out var label) ? label : PiiLabel.OtherId;
}
