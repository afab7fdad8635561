using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Core.Storage;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;

namespace NearMiss.Tests.Anonymity;

/// <summary>
/// Rule 1's batch window, for real: <c>nearmiss serve</c> with a two-minute window on its own Azurite. After a
/// submission at T, nothing in any table or blob is stamped or dated in [T, end of window), no e-mail is written in
/// that time, the receipt shows <c>received</c> until the window ends and <c>in-review</c> within 3 minutes after.
/// One test does the whole flow, as it has to wait for a real window.
/// </summary>
[Trait("Kind", "Azurite")]
public sealed class BatchWindowEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private readonly string _contentRoot = Directory.CreateTempSubdirectory("nearmiss-window-").FullName;

    private string MailDirectory => Path.Combine(_contentRoot, "mail");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_contentRoot, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Submission_LeavesNoTimeInsideItsWindow_AndIsInReviewWithin3MinutesAfterIt()
    {
        await using var azurite = await Azurite.StartAsync();
        var settings = TestServices.Settings(azurite.ConnectionString);
        settings["NearMiss:Privacy:BatchInterval"] = "00:02:00";
        settings["NearMiss:Email:PickupDirectory"] = MailDirectory;
        settings["NearMiss:ResponseFloor:LookupMilliseconds"] = "0";
        settings[ServeApp.WebRootSetting] = RepoPaths.Web;
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var app = ServeApp.Build(["--urls", url, "--contentRoot", _contentRoot], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        await using var services = TestServices.Create(settings);
        await services.GetRequiredService<ReviewerDirectory>().AddAsync("stage1@example.org", new HashSet<Stage> { Stage.One }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        // Not in the last seconds of a window, so that T and the server's time of receipt share one window.
        if (WindowEnd(DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(WindowEnd(DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        }

        var t = DateTimeOffset.UtcNow;
        using var submitted = await http.PostAsJsonAsync("/api/reports", Reports.Valid());
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var receipt = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["receipt"]!.GetValue<string>();
        var end = WindowEnd(t);
        Assert.Equal(end, WindowEnd(DateTimeOffset.UtcNow));

        while (DateTimeOffset.UtcNow < end - TimeSpan.FromSeconds(2))
        {
            Assert.Equal("received", await StatusAsync(http, receipt));
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        string? status = null;
        while (status != "in-review" && DateTimeOffset.UtcNow < end + TimeSpan.FromMinutes(3))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            status = await StatusAsync(http, receipt);
        }

        Assert.Equal("in-review", status);
        var reportId = services.GetRequiredService<ReceiptLookup>().ReportIdOf(receipt)!.Value.Value;
        var reviewCase = (await services.GetRequiredService<NearMissStore>().Submissions.GetEntityAsync<CaseEntity>(reportId, CaseEntity.Row)).Value;
        Assert.True(reviewCase.Timestamp >= end, $"the case was written at {reviewCase.Timestamp:O}, before the window ended at {end:O}");

        var inWindow = new List<string>();
        inWindow.AddRange(await TableTimesInAsync(azurite.ConnectionString, t, end));
        inWindow.AddRange(await BlobTimesInAsync(azurite.ConnectionString, t, end));
        if (Directory.Exists(MailDirectory))
        {
            inWindow.AddRange(Directory.EnumerateFiles(MailDirectory)
                .Where(f => InWindow(File.GetLastWriteTimeUtc(f), t, end) || InWindow(File.GetCreationTimeUtc(f), t, end))
                .Select(f => "e-mail " + Path.GetFileName(f)));
        }

        Assert.True(inWindow.Count == 0, $"written inside [{t:O}, {end:O}): {string.Join("; ", inWindow)}");
        await app.StopAsync();
    }

    private static DateTimeOffset WindowEnd(DateTimeOffset at)
    {
        var midnight = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        return midnight + (Window * (Math.Floor((at - midnight) / Window) + 1));
    }

    private static bool InWindow(DateTimeOffset at, DateTimeOffset start, DateTimeOffset end) => at >= start && at < end;

    private static bool InWindow(DateTime utc, DateTimeOffset start, DateTimeOffset end) => InWindow(new DateTimeOffset(utc, TimeSpan.Zero), start, end);

    /// <summary>Every entity's Timestamp and every date-time among its values (typed, or text with a time of day).</summary>
    private static async Task<List<string>> TableTimesInAsync(string connectionString, DateTimeOffset start, DateTimeOffset end)
    {
        var found = new List<string>();
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (entity.Timestamp is { } stamp && InWindow(stamp, start, end))
                {
                    found.Add($"{table.Name} {entity.PartitionKey}/{entity.RowKey} Timestamp {stamp:O}");
                }

                foreach (var (name, value) in entity)
                {
                    var at = value switch
                    {
                        DateTimeOffset d => d,
                        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
                        string s when s.Contains(':', StringComparison.Ordinal)
                            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
                        _ => (DateTimeOffset?)null,
                    };
                    if (at is { } time && InWindow(time, start, end))
                    {
                        found.Add($"{table.Name} {entity.PartitionKey}/{entity.RowKey} {name} {time:O}");
                    }
                }
            }
        }

        return found;
    }

    private static async Task<List<string>> BlobTimesInAsync(string connectionString, DateTimeOffset start, DateTimeOffset end)
    {
        var found = new List<string>();
        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            if (InWindow(container.Properties.LastModified, start, end))
            {
                found.Add($"blob container {container.Name}");
            }

            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                if (blob.Properties.LastModified is { } modified && InWindow(modified, start, end)
                    || blob.Properties.CreatedOn is { } created && InWindow(created, start, end))
                {
                    found.Add($"blob {container.Name}/{blob.Name}");
                }
            }
        }

        return found;
    }

    private static async Task<string?> StatusAsync(HttpClient http, string receipt)
    {
        using var response = await http.PostAsJsonAsync("/api/receipts/status", new { receipt });
        return response.StatusCode == HttpStatusCode.OK
            ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>()
            : $"HTTP {(int)response.StatusCode}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
