using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NearMiss.Core.Accounts;
using NearMiss.Core.Library;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Core.Storage;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;

namespace NearMiss.Tests.Anonymity;

/// <summary>
/// The anonymity rules (docs/security.md) as one test. A report goes the whole way through <c>nearmiss serve</c> on its own
/// persisted Azurite: submitted from a marked address and browser, questioned by stage 1 and answered on the status
/// page, redacted, published by a second reviewer, read in the library, and erased after the retention window.
/// Then every file Azurite wrote (all tables and queues), every e-mail and every log line is searched for the
/// sender's address and user agent, the receipt, the original narrative, each redacted string, the reporter's
/// answer and the sealed original itself: none may be found.
/// </summary>
[Trait("Kind", "Azurite")]
public sealed class ReportLeavesNoTraceTests : IAsyncLifetime
{
    private const string Address = "198.51.100.23";
    private const string UserAgent = "Mozilla/5.0 (X11; MarkerOS 77.3) MarkerBrowser/123.4";
    private const string HandMarked = "the mustard-yellow Quillfeather tow truck";
    private const string Answer = "It was the Harrowgate overpass on the northbound ramp.";
    private const string AgencyCode = "QX-7731";

    private static readonly string Narrative =
        $"I am Officer Dana Whitcombe, badge number 48213. {Reports.Narrative} " +
        $"Sergeant Luis Ortega heard it on the radio and came code three. The driver's car was parked behind {HandMarked}.";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("nearmiss-azurite-").FullName;
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("nearmiss-serve-").FullName;
    private readonly CapturedLogs _logs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_dataDir, recursive: true);
        Directory.Delete(_contentRoot, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FullRun_SubmitReviewPublishErase_LeavesNoTraceInStorageMailOrLogs()
    {
        var secrets = new Dictionary<string, string> { ["address"] = Address, ["user agent"] = "MarkerBrowser", ["original narrative"] = Narrative, ["reporter's answer"] = Answer };
        await using (var azurite = await Azurite.StartAsync(_dataDir))
        {
            var settings = TestServices.Settings(azurite.ConnectionString);
            settings["NearMiss:Email:PickupDirectory"] = Path.Combine(_contentRoot, "mail");
            // The limiter counts the marked address (as the one trusted proxy's entry) and must keep it only in memory.
            settings["NearMiss:RateLimits:ForwardedFor"] = "1";
            settings["NearMiss:RateLimits:LookupPermits"] = "1000";
            settings["NearMiss:ResponseFloor:LookupMilliseconds"] = "0";
            settings[ServeApp.WebRootSetting] = RepoPaths.Web;
            var url = $"http://127.0.0.1:{FreePort()}";
            await using var app = ServeApp.Build(["--urls", url, "--contentRoot", _contentRoot], builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(_logs);
            });
            await app.StartAsync();
            await using var services = TestServices.Create(settings);
            using var http = new HttpClient { BaseAddress = new Uri(url) };

            // The reporter: form, preview, submission, status — every request from the marked address and browser.
            Assert.Equal(HttpStatusCode.OK, (await Reporter(http, HttpMethod.Get, "/api/form")).Status);
            Assert.Equal(HttpStatusCode.OK, (await Reporter(http, HttpMethod.Post, "/api/pii/preview", new JsonObject { ["narrative"] = Narrative, ["lessonsLearned"] = "" })).Status);
            var report = Reports.Valid(Narrative);
            report["agencyCode"] = AgencyCode;
            report["answers"]!["state"] = "WY";
            var submitted = await Reporter(http, HttpMethod.Post, "/api/reports", report);
            Assert.Equal(HttpStatusCode.Accepted, submitted.Status);
            var receipt = submitted.Body!["receipt"]!.GetValue<string>();
            secrets["receipt"] = receipt;
            secrets["receipt without dashes"] = receipt.Replace("-", "", StringComparison.Ordinal);
            await WaitForStatusAsync(http, receipt, "in-review");
            var id = services.GetRequiredService<ReceiptLookup>().ReportIdOf(receipt)!.Value.Value;

            // Stage 1 asks a question; the reporter answers it on the status page.
            var stage1 = await TokenAsync(services, "a", 1);
            var stage2 = await TokenAsync(services, "b", 2);
            var view = await Reviewer(http, stage1, HttpMethod.Get, $"/api/review/cases/{id}");
            await Reviewer(http, stage1, HttpMethod.Post, $"/api/review/cases/{id}/stage1", Stage1(view, "ask", question: "Where exactly did you stop the car?"));
            await WaitForStatusAsync(http, receipt, "awaiting-reporter");
            Assert.Equal(HttpStatusCode.OK, (await Reporter(http, HttpMethod.Post, "/api/receipts/messages", new JsonObject { ["receipt"] = receipt, ["message"] = Answer })).Status);
            await WaitForStatusAsync(http, receipt, "in-review");

            // Stage 1 redacts every finding and one span by hand; the name must be among the findings.
            view = await Reviewer(http, stage1, HttpMethod.Get, $"/api/review/cases/{id}");
            var found = Findings(view);
            Assert.Contains(found, f => f.Contains("Whitcombe", StringComparison.Ordinal));
            Assert.Contains(found, f => f.Contains("Ortega", StringComparison.Ordinal));
            foreach (var (text, n) in found.Append(HandMarked).Select((t, n) => (t, n)))
            {
                secrets[$"redacted string {n}"] = text;
            }

            await Reviewer(http, stage1, HttpMethod.Post, $"/api/review/cases/{id}/stage1", Stage1(view, "pass"));

            // Stage 2, a second reviewer, publishes.
            view = await Reviewer(http, stage2, HttpMethod.Get, $"/api/review/cases/{id}");
            var published = await Reviewer(http, stage2, HttpMethod.Post, $"/api/review/cases/{id}/stage2", Publish(view));
            var publishedId = published["publishedId"]!.GetValue<string>();
            await WaitForStatusAsync(http, receipt, "published");

            // A reader finds and opens it; the published text still tells the story.
            var reader = services.GetRequiredService<ReaderSessions>().IssueAccessToken(
                await services.GetRequiredService<ReaderDirectory>().ApproveAsync("reader@example.gov", CancellationToken.None));
            await Reviewer(http, reader, HttpMethod.Get, "/api/library?q=plate");
            var page = await Reviewer(http, reader, HttpMethod.Get, $"/api/library/{publishedId}");
            Assert.Contains("two-lane road", page["narrative"]!.GetValue<string>(), StringComparison.Ordinal);

            // Mail sent, then the retention window passes: the sealed original and its wrapped key are erased.
            await WaitForQueuesToDrainAsync(azurite.ConnectionString);
            var store = services.GetRequiredService<NearMissStore>();
            var original = (await store.Submissions.GetEntityAsync<SubmissionEntity>(id, SubmissionEntity.Row)).Value;
            secrets["sealed original"] = Convert.ToBase64String(original.SealedText!)[..40];
            secrets["wrapped key"] = Convert.ToBase64String(original.WrappedKey!)[..40];
            var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(45));
            await using (var afterRetention = TestServices.Create(settings, s => s.AddSingleton<TimeProvider>(later)))
            {
                Assert.Equal(1, await afterRetention.GetRequiredService<RetentionPurge>().PurgeAsync(CancellationToken.None));
            }

            // Erasure unlinks: outside the published report and the counters, nothing names the report, its
            // published id, its agency code or its state.
            await WaitForQueuesToDrainAsync(azurite.ConnectionString);
            var links = await LinksAsync(store, [id, publishedId, AgencyCode], "WY");
            Assert.True(links.Count == 0, "still linked after the purge: " + string.Join("; ", links));

            await app.StopAsync();
        }

        // Azurite has flushed its tables and queues on exit. Search its files, the site's files (mail) and the logs.
        var needles = Needles(secrets);
        var files = Directory.EnumerateFiles(_dataDir, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(_contentRoot, "*", SearchOption.AllDirectories)).ToList();
        Assert.Contains(files, f => File.ReadAllText(f).Contains("published", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".eml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var (name, needle) in needles)
            {
                Assert.False(bytes.AsSpan().IndexOf(needle) >= 0, $"{name} found in {Path.GetFileName(file)}");
            }
        }

        Assert.NotEmpty(_logs.Lines);
        foreach (var line in _logs.Lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            foreach (var (name, needle) in needles)
            {
                Assert.False(bytes.AsSpan().IndexOf(needle) >= 0, $"{name} found in log line: {line}");
            }
        }
    }

    /// <summary>Entities outside <c>published</c> and the counters (<c>aggregates</c>) holding any of <paramref name="values"/> or the answer <paramref name="state"/>.</summary>
    private static async Task<List<string>> LinksAsync(NearMissStore store, string[] values, string state)
    {
        var found = new List<string>();
        foreach (var table in StorageNames.Tables.All.Except([StorageNames.Tables.Published, StorageNames.Tables.Aggregates]))
        {
            await foreach (var entity in store.TableService.GetTableClient(table).QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                var texts = entity.Select(p => p.Value).OfType<string>().Concat(entity.Select(p => p.Value).OfType<byte[]>().Select(Encoding.UTF8.GetString))
                    .Append(entity.PartitionKey).Append(entity.RowKey);
                foreach (var text in texts)
                {
                    if (values.Any(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)) || text == state || text.Contains($"\"{state}\"", StringComparison.Ordinal))
                    {
                        found.Add($"{table} {entity.PartitionKey}/{entity.RowKey}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Each secret as UTF-8, UTF-16 and base64 (so a value kept inside a base64 blob is found too).</summary>
    private static List<(string Name, byte[] Needle)> Needles(Dictionary<string, string> secrets) =>
        secrets.SelectMany(s => new[]
        {
            (s.Key, Encoding.UTF8.GetBytes(s.Value)),
            (s.Key + " (UTF-16)", Encoding.Unicode.GetBytes(s.Value)),
            (s.Key + " (base64)", Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(s.Value))[..^4])),
        }).Where(n => n.Item2.Length >= 6).ToList();

    private static List<string> Findings(JsonObject view)
    {
        var texts = new List<string>();
        foreach (var finding in view["findings"]!.AsArray())
        {
            var field = view[finding!["field"]!.GetValue<string>()]!.GetValue<string>();
            var start = finding["start"]!.GetValue<int>();
            texts.Add(field[start..finding["end"]!.GetValue<int>()]);
        }

        return texts;
    }

    private static JsonObject Stage1(JsonObject view, string decision, string? question = null)
    {
        var body = new JsonObject
        {
            ["decision"] = decision,
            ["narrative"] = decision == "pass" ? Redact(view, "narrative") : view["narrative"]!.DeepClone(),
            ["lessonsLearned"] = decision == "pass" ? Redact(view, "lessonsLearned") : view["lessonsLearned"]!.DeepClone(),
            ["answers"] = view["answers"]!.DeepClone(),
        };
        if (question is not null)
        {
            body["question"] = question;
        }

        return body;
    }

    private static string Redact(JsonObject view, string field)
    {
        var text = view[field]!.GetValue<string>();
        var spans = view["findings"]!.AsArray()
            .Where(f => f!["field"]!.GetValue<string>() == field)
            .Select(f => (Start: f!["start"]!.GetValue<int>(), End: f["end"]!.GetValue<int>(), Label: f["label"]!.GetValue<string>()))
            .OrderByDescending(f => f.Start);
        foreach (var (start, end, label) in spans)
        {
            text = text[..start] + $"[{label}]" + text[end..];
        }

        return text.Replace(HandMarked, "[VEHICLE]", StringComparison.Ordinal);
    }

    private static JsonObject Publish(JsonObject view) => new()
    {
        ["decision"] = "publish",
        ["narrative"] = view["narrative"]!.DeepClone(),
        ["lessonsLearned"] = view["lessonsLearned"]!.DeepClone(),
        ["answers"] = view["answers"]!.DeepClone(),
        ["title"] = "Hand out of view at the driver's window",
        ["summary"] = "A stop on a dark road with cover far away.",
        ["lessons"] = new JsonArray("Run the plate before the approach.", "Wait for cover when you can."),
        ["tags"] = new JsonArray("traffic"),
        ["urgent"] = false,
    };

    private static async Task<string> TokenAsync(IServiceProvider services, string name, int stage)
    {
        var reviewer = await services.GetRequiredService<ReviewerDirectory>().AddAsync($"{name}@example.org", new HashSet<Stage> { Stage.Parse(stage) }, CancellationToken.None);
        return services.GetRequiredService<ReviewerSessions>().IssueAccessToken(reviewer);
    }

    /// <summary>A request as the reporter's browser sends it, through a proxy that names the client.</summary>
    private static async Task<(HttpStatusCode Status, JsonObject? Body)> Reporter(HttpClient http, HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", Address);
        request.Headers.Add("X-Real-IP", Address);
        request.Headers.Add("Forwarded", $"for={Address}");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null);
    }

    private static async Task<JsonObject> Reviewer(HttpClient http, string token, HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task WaitForStatusAsync(HttpClient http, string receipt, string wanted)
    {
        string? status = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (status != wanted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            var (code, body) = await Reporter(http, HttpMethod.Post, "/api/receipts/status", new JsonObject { ["receipt"] = receipt });
            status = code == HttpStatusCode.OK ? body!["status"]!.GetValue<string>() : null;
        }

        Assert.Equal(wanted, status);
    }

    private static async Task WaitForQueuesToDrainAsync(string connectionString)
    {
        var queues = new QueueServiceClient(connectionString);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var waiting = 0;
            foreach (var name in StorageNames.Queues.All)
            {
                var queue = queues.GetQueueClient(name);
                if ((await queue.ExistsAsync()).Value)
                {
                    waiting += (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
                }
            }

            if (waiting == 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("Queued work did not finish within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
