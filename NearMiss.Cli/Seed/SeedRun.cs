using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Cli.Load;
using NearMiss.Core.Accounts;
using NearMiss.Core.Intake;
using NearMiss.Core.Pii;

namespace NearMiss.Cli.Seed;

public sealed record SeedSummary(int Submitted, int Published, int NotPublished)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);
}

/// <summary>
/// Drives synthetic reports end to end through the same HTTP API the form and the review console use:
/// submit, wait for the scan, stage 1 redacts the findings and passes, stage 2 (another reviewer) publishes.
/// Creates its two reviewer accounts, marked as demo accounts (never sent case notices), and signs them in with tokens
/// from the configured signing key.
/// </summary>
public sealed class SeedRun(IServiceProvider services, Uri url, bool leaveSomeInReview, TextWriter progress)
{
    private static readonly string[] Titles =
    [
        "Hand out of view at the driver's window", "A second person nobody mentioned", "Struck-by risk on the shoulder",
        "No radio in the stairwell", "Alone before cover arrived", "Lit up by my own headlights",
    ];

    private static readonly string[] Names = ["Ofc. Marcus Delaney", "Sgt. Priya Raman", "Dep. Tom Kowalczyk", "Tpr. Alicia Brennan", "Cpl. Luis Ortega"];

    public async Task<SeedSummary> RunAsync(int count, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<ReviewerDirectory>();
        var sessions = services.GetRequiredService<ReviewerSessions>();
        var first = await directory.AddAsync("seed-stage1@nearmiss.local", new HashSet<int> { 1 }, cancellationToken, demo: true);
        var second = await directory.AddAsync("seed-stage2@nearmiss.local", new HashSet<int> { 2 }, cancellationToken, demo: true);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var stage1 = sessions.IssueAccessToken(first);
        var stage2 = sessions.IssueAccessToken(second);

        var form = await http.GetFromJsonAsync<FormDefinition>("api/form", JsonSerializerOptions.Web, cancellationToken)
                   ?? throw new InvalidOperationException("GET /api/form returned nothing.");
        var generator = new SyntheticReports(seed: Environment.TickCount);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (submitted, published, notPublished) = (0, 0, 0);
        for (var i = 0; i < count; i++)
        {
            var report = generator.Next(form, today);
            report["narrative"] = $"{Names[i % Names.Length]} was my cover that night. {report["narrative"]}";
            using var response = await http.PostAsJsonAsync("api/reports", report, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                progress.WriteLine($"report {i + 1}: submission answered {(int)response.StatusCode}");
                continue;
            }

            submitted++;
            var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("receipt").GetString()!;
            var id = services.GetRequiredService<ReceiptLookup>().ReportIdOf(receipt)!;
            await WaitForReviewAsync(http, receipt, cancellationToken);

            var plan = leaveSomeInReview ? i % 6 : -1;
            if (plan == 0)
            {
                continue;
            }

            var view = await GetCaseAsync(http, stage1, id, cancellationToken);
            var reject = i % 10 == 9;
            await DecideAsync(http, stage1, id, "stage1", Stage1Body(view, reject ? "reject" : "pass"), cancellationToken);
            if (reject)
            {
                notPublished++;
                continue;
            }

            if (plan == 1)
            {
                continue;
            }

            view = await GetCaseAsync(http, stage2, id, cancellationToken);
            await DecideAsync(http, stage2, id, "stage2", Stage2Body(view, i), cancellationToken);
            published++;
        }

        return new SeedSummary(submitted, published, notPublished);
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

    private static async Task DecideAsync(HttpClient http, string token, string id, string stage, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/review/cases/{id}/{stage}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{stage} decision answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
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

    private static JsonObject Stage2Body(JsonObject view, int i) => new()
    {
        ["decision"] = "publish",
        ["narrative"] = view["narrative"]!.DeepClone(),
        ["lessonsLearned"] = view["lessonsLearned"]!.DeepClone(),
        ["answers"] = view["answers"]!.DeepClone(),
        ["title"] = Titles[i % Titles.Length],
        ["summary"] = "A contact that looked routine turned dangerous; nobody was hurt, by a small margin.",
        ["lessons"] = new JsonArray("Wait for cover when you can.", "Say out loud what you see, early."),
        ["tags"] = new JsonArray("synthetic"),
        ["urgent"] = false,
    };

    private static PiiLabel Label(string name) => PiiLabels.TryParse(name, out var label) ? label : PiiLabel.OtherId;
}
