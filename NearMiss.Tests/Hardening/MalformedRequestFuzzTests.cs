using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NearMiss.Core;
using NearMiss.Core.Accounts;
using NearMiss.Core.Library;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Core.Storage;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;
using NearMiss.Tests.Review;
using Xunit.Abstractions;

namespace NearMiss.Tests.Hardening;

/// <summary>
/// Over 10,000 generated malformed requests to every HTTP function of <c>nearmiss serve</c> on Kestrel and Azurite,
/// anonymous and signed in (reviewer, staff, reader), at real case, receipt and report ids: no answer is a 5xx, every
/// request with a body is refused with a 4xx, every 4xx is JSON problem details (or empty), no answer carries markup
/// unescaped, and storage and the mail folder are exactly as they were. The seed is fixed; set
/// <c>NEARMISS_FUZZ_SEED</c> to try another.
/// </summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class MalformedRequestFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    public const int DefaultSeed = 20261108;
    private const int RequestsPerEndpoint = 500;
    private const int Concurrency = 12;
    private const int FailuresShown = 20;

    private static readonly byte[][] Tags = [.. new[] { "<script", "<img", "<svg", "<iframe" }.Select(Encoding.ASCII.GetBytes)];

    private readonly string _url = $"http://127.0.0.1:{FreePort()}";
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("nearmiss-fuzz-").FullName;
    private readonly CapturedLogs _logs = new();
    private Dictionary<string, string?> _settings = null!;
    private ServiceProvider _services = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private FuzzContext _context = null!;

    private string MailDirectory => Path.Combine(_contentRoot, "mail");

    public async Task InitializeAsync()
    {
        await azurite.ClearQueuesAsync();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var reviewerEmail = $"fuzz-reviewer-{suffix}@example.org";
        _settings = TestServices.Settings(azurite.ConnectionString);
        _settings["NearMiss:Email:PickupDirectory"] = MailDirectory;
        _settings["NearMiss:Staff:Emails"] = reviewerEmail;
        _settings["NearMiss:PublicBaseUrl"] = _url;
        // Limits and floors off: the point is to reach the validation behind them with every request, quickly.
        _settings["NearMiss:RateLimits:Enabled"] = "false";
        _settings["NearMiss:ResponseFloor:LookupMilliseconds"] = "0";
        _settings["NearMiss:ResponseFloor:SignInMilliseconds"] = "0";
        _settings[ServeApp.WebRootSetting] = Directory.CreateDirectory(Path.Combine(_contentRoot, "web")).FullName;
        _services = TestServices.Create(_settings);
        _context = await SeedAsync(reviewerEmail, $"fuzz-reader-{suffix}@example.gov");
        await azurite.ClearQueuesAsync();

        // The HTTP functions only: with no queue listener or timer running, nothing but the requests can change storage.
        var httpFunctions = FunctionCatalog.Discover().Where(f => f.Trigger == TriggerKind.Http).Select(f => f.Method.DeclaringType!).Distinct();
        _app = ServeApp.Build(["--urls", _url, "--contentRoot", _contentRoot], builder =>
        {
            builder.Configuration.AddInMemoryCollection(_settings);
            builder.Logging.AddProvider(_logs);
        }, httpFunctions);
        await _app.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(_url),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _services.DisposeAsync();
        Directory.Delete(_contentRoot, recursive: true);
    }

    [Fact]
    public async Task MalformedRequests_ToEveryEndpoint_AreRefusedWithout5xx_EchoNoMarkup_AndWriteNothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("NEARMISS_FUZZ_SEED"), out var chosen) ? chosen : DefaultSeed;
        var generator = new MalformedRequests(_context, seed);
        var requests = generator.Generate(RequestsPerEndpoint);
        var store = _services.GetRequiredService<NearMissStore>();
        // Notifications of the setup wait for the next batch-window boundary (a second here): let them show first.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var before = await StorageSnapshot.TakeAsync(store.TableService, store.QueueService);
        var mailBefore = Mail();

        var failures = new ConcurrentBag<(int Index, string Problem)>();
        var statuses = new ConcurrentDictionary<(string Function, string Method, string Auth, int Status), int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, cancellationToken) =>
        {
            var (status, problems) = await SendAsync(request, cancellationToken);
            statuses.AddOrUpdate((request.Function, request.Method, request.AuthorizationKind, status), 1, (_, n) => n + 1);
            foreach (var problem in problems)
            {
                failures.Add((request.Index, $"{problem}: {request}"));
            }
        });
        clock.Stop();

        var after = await StorageSnapshot.TakeAsync(store.TableService, store.QueueService);
        var mailAfter = Mail();
        Report(requests.Count, clock.Elapsed, statuses);

        var shown = failures.OrderBy(f => f.Index).Take(FailuresShown).Select(f => f.Problem).ToList();
        Assert.True(failures.IsEmpty, $"Seed {seed}: {failures.Count} of {requests.Count} requests failed (set NEARMISS_FUZZ_SEED={seed} to repeat). "
            + $"The first {shown.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, shown)}");
        var errors = _logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).Take(FailuresShown).ToList();
        Assert.True(errors.Count == 0, $"Seed {seed}: the host logged errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        var changed = before.Differences(after);
        Assert.True(changed.Count == 0, $"Seed {seed}: storage changed:{Environment.NewLine}{string.Join(Environment.NewLine, changed.Take(FailuresShown))}");
        Assert.Equal(mailBefore, mailAfter);

        Assert.True(requests.Count >= 10_000, $"Only {requests.Count} requests were generated.");
        var sentTo = requests.GroupBy(r => (r.Function, r.Method)).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(HttpEndpoints(), endpoint => Assert.True(sentTo.GetValueOrDefault(endpoint) >= RequestsPerEndpoint, $"{endpoint} got {sentTo.GetValueOrDefault(endpoint)} requests."));

        // The fuzz reached the validation behind sign-in: a valid token with a bad body or query was answered 400.
        foreach (var function in new[] { "Stage1Decision", "Stage2Decision", "ReviewQueue", "StaffTrends", "LibrarySearch", "LibrarySubscription" })
        {
            Assert.True(statuses.Any(s => s.Key.Function == function && s.Key.Auth == "valid" && s.Key.Status == 400), $"{function} never answered 400 to a valid token.");
        }
    }

    /// <summary>Every function and method the trigger attributes declare over HTTP.</summary>
    public static IReadOnlyList<(string Function, string Method)> HttpEndpoints() =>
        FunctionCatalog.Discover()
            .Where(f => f.Trigger == TriggerKind.Http)
            .SelectMany(f => (f.Methods ?? ["get", "post", "put", "delete"]).Select(m => (f.Name, m.ToUpperInvariant())))
            .ToList();

    private async Task<(int Status, List<string> Problems)> SendAsync(FuzzRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path, UriKind.Relative));
        if (request.Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = request.Chunked ? new ChunkedContent(request.Body) : new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException) when (request.Body is { Length: > 0 })
        {
            // Kestrel refuses some requests by their head alone (a NUL in the path) and closes the connection while the
            // body is still on its way. The same request without its body shows what it answered.
            return await SendAsync(request with { Body = [], Chunked = false }, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            problems.Add($"no answer ({e.GetType().Name}: {e.Message})");
            return (0, problems);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500)
            {
                problems.Add($"answered {status}");
            }
            else if (request.MustReject && status < 400)
            {
                problems.Add($"accepted a malformed request with {status}");
            }

            if (status is >= 400 and < 500 && body.Length > 0 && !IsProblem(mediaType, body, status))
            {
                problems.Add($"answered {status} with a body that is not JSON problem details ({mediaType ?? "no content type"})");
            }

            if (mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"answered {status} as {mediaType}");
            }

            if (Tags.FirstOrDefault(tag => IndexOfIgnoreCase(body, tag) >= 0) is { } tag)
            {
                problems.Add($"answered {status} with '{Encoding.ASCII.GetString(tag)}' unescaped in the body");
            }

            return (status, problems);
        }
    }

    private static bool IsProblem(string? mediaType, byte[] body, int status)
    {
        if (mediaType is not ("application/problem+json" or "application/json"))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject problem && problem["status"]?.GetValue<int>() == status && problem["title"] is not null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static int IndexOfIgnoreCase(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && char.ToLowerInvariant((char)haystack[i + j]) == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    private void Report(int count, TimeSpan elapsed, ConcurrentDictionary<(string Function, string Method, string Auth, int Status), int> statuses)
    {
        output.WriteLine($"{count} requests in {elapsed.TotalSeconds:0.0} s ({count / elapsed.TotalSeconds:0} per second), {Concurrency} at a time.");
        foreach (var endpoint in statuses.GroupBy(s => (s.Key.Function, s.Key.Method)).OrderBy(g => g.Key.Function, StringComparer.Ordinal))
        {
            var answers = endpoint.GroupBy(s => s.Key.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Sum(s => s.Value)}");
            output.WriteLine($"{endpoint.Key.Method,-4} {endpoint.Key.Function,-20} {endpoint.Sum(s => s.Value),5}  {string.Join(' ', answers)}");
        }
    }

    private List<string> Mail() =>
        Directory.Exists(MailDirectory) ? [.. Directory.GetFiles(MailDirectory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    /// <summary>
    /// A reviewer of both stages on the staff list, an approved reader, and four reports: one in stage 1, one in stage 2, one
    /// awaiting the reporter's answer (its receipt is used) and one published. Their text carries markup, so answers that
    /// show it must escape it.
    /// </summary>
    private async Task<FuzzContext> SeedAsync(string reviewerEmail, string readerEmail)
    {
        var reviewer = await Get<ReviewerDirectory>().AddAsync(reviewerEmail, new HashSet<Stage> { Stage.One, Stage.Two }, CancellationToken.None);
        var reader = await Get<ReaderDirectory>().ApproveAsync(readerEmail, CancellationToken.None);
        var first = new Reviewer(ReviewerId.Parse("r-fuzzseedaa"), "seed1@example.org", new HashSet<Stage> { Stage.One });
        var second = new Reviewer(ReviewerId.Parse("r-fuzzseedbb"), "seed2@example.org", new HashSet<Stage> { Stage.Two });
        var lastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var (_, stage1) = await OpenCaseAsync(lastMonth);
        var (_, stage2) = await OpenCaseAsync(lastMonth);
        await DecideAsync(Get<ReviewDecisions>().Stage1Async(first, stage2, Body(Decision("pass")), CancellationToken.None));
        var (awaitingReceipt, awaiting) = await OpenCaseAsync(lastMonth);
        await DecideAsync(Get<ReviewDecisions>().Stage1Async(first, awaiting, Body(Decision("ask")), CancellationToken.None));
        var (_, toPublish) = await OpenCaseAsync(lastMonth);
        await DecideAsync(Get<ReviewDecisions>().Stage1Async(first, toPublish, Body(Decision("pass")), CancellationToken.None));
        var published = await DecideAsync(Get<ReviewDecisions>().Stage2Async(second, toPublish, Body(Decision("publish")), CancellationToken.None));

        var sessions = Get<ReviewerSessions>();
        return new FuzzContext(
            stage1, stage2, awaitingReceipt, published.PublishedId!, reviewerEmail, readerEmail,
            ReviewerToken: sessions.IssueAccessToken(reviewer),
            StaffToken: sessions.IssueAccessToken(reviewer with { Staff = true }),
            ReaderToken: Get<ReaderSessions>().IssueAccessToken(reader),
            lastMonth);
    }

    private async Task<(string Receipt, string Id)> OpenCaseAsync(string month)
    {
        var report = Reports.Valid($"{Reports.Narrative} {MalformedRequests.Markup[0]} {MalformedRequests.Markup[1]}");
        report["answers"]!["month"] = month;
        var (receipt, id) = await Reports.StoreAsync(_services, report);
        await Get<CaseOpening>().OpenAsync(id, CancellationToken.None);
        return (receipt, id);
    }

    private static object Decision(string decision) => new
    {
        decision,
        narrative = $"{Reports.Narrative} {MalformedRequests.Markup[2]}",
        lessonsLearned = MalformedRequests.Markup[0],
        question = $"Was the driver alone? {MalformedRequests.Markup[1]}",
        title = $"Hand between the seats {MalformedRequests.Markup[0]}",
        summary = MalformedRequests.Markup[1],
        lessons = new[] { "Run the plate first.", MalformedRequests.Markup[2] },
        tags = new[] { "traffic" },
    };

    private static async Task<DecisionResult> DecideAsync(Task<Result<DecisionResult>> decision)
    {
        var result = await decision;
        Assert.True(result.Outcome == Outcome.Ok, $"{result.Outcome}: {result.Failure?.Message}");
        return result.Value!;
    }

    private static JsonElement Body(object value) => JsonSerializer.SerializeToElement(value);

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A body sent without a Content-Length, in chunks, so the server cannot refuse it by its length alone.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += 4096)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(4096, body.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
