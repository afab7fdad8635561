using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NearMiss.Functions.Http;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Serve;

/// <summary><c>nearmiss serve</c> on real Kestrel and Azurite: the static site, the API, and the queue trigger behind it.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class ServeEndToEndTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private ServedSite _site = null!;
    private const string Marker = "Zebra-Quartz-4471";
    private readonly CapturedLogs _logs = new();

    public async Task InitializeAsync()
    {
        await fixture.ClearQueuesAsync();
        // Nothing but the storage connection (and a one-second batch window): development keys are created under the content root.
        _site = await ServedSite.StartBareAsync(
            new()
            {
                ["NearMissStorage"] = fixture.ConnectionString,
                ["NearMiss:Privacy:BatchInterval"] = "00:00:01",
                [ServeApp.WebRootSetting] = RepoPaths.Web,
            },
            builder => builder.Logging.AddProvider(_logs));
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task GetForm_Returns200WithTheForm()
    {
        using var response = await _site.Http.GetAsync("/api/form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var form = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, form.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task SubmittedReport_ReachesInReview_ThroughTheQueueTrigger()
    {
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = JsonContent.Create(Report()) };
        submit.Headers.Add("X-Forwarded-For", "203.0.113.77");
        submit.Headers.UserAgent.ParseAdd("MarkerBrowser/9.9");

        using var accepted = await _site.Http.SendAsync(submit);
        var receipt = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
        var status = await PollStatusAsync(receipt, "in-review");

        Assert.Equal((HttpStatusCode.Accepted, "in-review"), (accepted.StatusCode, status));
        Assert.True(File.Exists(DevelopmentKeys.PathUnder(_site.ContentRoot)));
        Assert.DoesNotContain(_logs.Lines, line =>
            line.Contains(Marker, StringComparison.Ordinal) || line.Contains(receipt, StringComparison.Ordinal)
            || line.Contains("203.0.113.77", StringComparison.Ordinal) || line.Contains("MarkerBrowser", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Root_ServesTheStaticSiteWithSecurityHeaders()
    {
        using var response = await _site.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ("no-referrer", "nosniff", SecurityHeaders.ContentSecurityPolicy, "no-store"),
            (Header(response, "Referrer-Policy"), Header(response, "X-Content-Type-Options"), Header(response, "Content-Security-Policy"), Header(response, "Cache-Control")));
    }

    [Fact]
    public async Task Api_AnswersWithSecurityHeadersAndNoStore()
    {
        using var response = await _site.Http.GetAsync("/api/health");

        Assert.Equal(
            (HttpStatusCode.OK, "no-referrer", "nosniff", "no-store"),
            (response.StatusCode, Header(response, "Referrer-Policy"), Header(response, "X-Content-Type-Options"), Header(response, "Cache-Control")));
    }

    [Fact]
    public async Task Api_EchoesMarkupInJsonEscaped()
    {
        using var content = new StringContent("""{"<script>alert(1)</script>":"<img src=x onerror=alert(1)>"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await _site.Http.PostAsync("/api/reports", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_WithABodyThatIsNotJson_Returns415()
    {
        using var content = new StringContent(JsonSerializer.Serialize(Report()), System.Text.Encoding.UTF8, "text/plain");

        using var response = await _site.Http.PostAsync("/api/reports", content);

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task Api_WithAMethodTheTriggerDoesNotDeclare_Returns405()
    {
        using var response = await _site.Http.DeleteAsync("/api/form");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task<string?> PollStatusAsync(string receipt, string wanted)
    {
        string? status = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (status != wanted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            using var response = await _site.Http.PostAsJsonAsync("/api/receipts/status", new { receipt });
            status = response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()
                : null;
        }

        return status;
    }

    private static object Report() => new
    {
        formVersion = 1,
        answers = new Dictionary<string, object>
        {
            ["month"] = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM"),
            ["timeOfDay"] = "night",
            ["callType"] = "traffic-stop",
            ["assignment"] = "patrol",
            ["outcome"] = "no-injury",
            ["factors"] = new[] { "complacency", "concealed-weapon" },
        },
        narrative = $"Routine stop at night; the driver reached under the seat while a passenger moved behind me. {Marker}",
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
