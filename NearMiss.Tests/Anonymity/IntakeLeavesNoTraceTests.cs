using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NearMiss.Cli.Serve;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;

namespace NearMiss.Tests.Anonymity;

/// <summary>
/// Anonymity rules 1–4 for intake: after a report goes through <c>nearmiss serve</c> to review, neither
/// Azurite's data files nor the host's log output hold the narrative, the sender's address or user agent,
/// or the receipt.
/// </summary>
public sealed class IntakeLeavesNoTraceTests : IAsyncLifetime
{
    private const string Marker = "Quillfeather-Marker-90210";
    private const string Address = "198.51.100.23";
    private const string UserAgent = "Mozilla/5.0 (X11; MarkerOS 77.3) MarkerBrowser/123.4";

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
    public async Task Submission_LeavesNoNarrativeAddressUserAgentOrReceipt_InStorageFilesOrLogs()
    {
        string receipt;
        await using (var azurite = await Azurite.StartAsync(_dataDir))
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            await using var app = ServeApp.Build(["--urls", url, "--contentRoot", _contentRoot], builder =>
            {
                builder.Configuration.AddInMemoryCollection([new("NearMissStorage", azurite.ConnectionString), new(ServeApp.WebRootSetting, RepoPaths.Web)]);
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(_logs);
            });
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(url) };

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports")
            {
                Content = new StringContent(Reports.Valid($"{Reports.Narrative} {Marker}").ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Forwarded-For", Address);
            request.Headers.Add("X-Real-IP", Address);
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;

            Assert.Equal("in-review", await WaitForStatusAsync(client, receipt, "in-review"));
            await app.StopAsync();
        }

        // Azurite has flushed its database and extents on exit: search every file it wrote.
        var needles = Needles(receipt);
        var files = Directory.EnumerateFiles(_dataDir, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        Assert.Contains(files, f => File.ReadAllText(f).Contains("submissions", StringComparison.Ordinal));
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
            foreach (var (name, needle) in needles)
            {
                Assert.False(Encoding.UTF8.GetBytes(line).AsSpan().IndexOf(needle) >= 0, $"{name} found in log line: {line}");
            }
        }
    }

    private static List<(string Name, byte[] Needle)> Needles(string receipt)
    {
        var texts = new Dictionary<string, string>
        {
            ["narrative marker"] = Marker,
            ["narrative"] = "dark two-lane road",
            ["address"] = Address,
            ["user agent"] = "MarkerBrowser",
            ["receipt"] = receipt,
            ["receipt without dashes"] = receipt.Replace("-", ""),
        };
        return texts.SelectMany(t => new[]
        {
            (t.Key, Encoding.UTF8.GetBytes(t.Value)),
            (t.Key + " (UTF-16)", Encoding.Unicode.GetBytes(t.Value)),
            (t.Key + " (base64)", Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(t.Value))[..^4])),
        }).ToList();
    }

    private static async Task<string?> WaitForStatusAsync(HttpClient client, string receipt, string wanted)
    {
        string? status = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (status != wanted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            using var response = await client.PostAsJsonAsync("/api/receipts/status", new { receipt });
            status = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() : null;
        }

        return status;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
