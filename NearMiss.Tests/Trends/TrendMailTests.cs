using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using NearMiss.Core.Accounts;
using NearMiss.Core.Email;
using NearMiss.Core.Review;
using NearMiss.Core.Trends;
using NearMiss.Functions;
using NearMiss.Tests.Infrastructure;

using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NearMiss.Tests.Trends;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class TrendMailTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly WireMockServer _sendGrid = WireMockServer.Start();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2093, 5, 20, 7, 0, 0, TimeSpan.Zero));
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool _seeded;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        _services = azurite.CreateServices(s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            s.Configure<EmailOptions>(o =>
            {
                o.SendGridApiKey = "SG.test-key";
                o.SendGridHost = _sendGrid.Url;
                o.From = "nearmiss@example.org";
            });
            s.Configure<StaffOptions>(o => o.Emails = "staff-a@example.org, staff-b@example.org");
        });
        await Seeding.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await SeedAsync();
                _seeded = true;
            }
        }
        finally
        {
            Seeding.Release();
        }
    }

    private async Task SeedAsync()
    {
        // May (this month) 2 reports; April 12: traffic stops 7, domestic 3, pursuit 2.
        string[] callTypes = ["domestic", "domestic", .. Enumerable.Repeat("traffic-stop", 7), "domestic", "domestic", "domestic", "pursuit", "pursuit"];
        var reports = callTypes.Select((callType, i) => TrendFixture.Report(i < 2 ? "2093-05-02" : "2093-04-11", callType, ["fatigue"], "MAILPD"));
        await TrendFixture.ReceiveAllAsync(_services.GetRequiredService<ITrendRecorder>(), reports);
    }

    public async Task DisposeAsync()
    {
        _sendGrid.Stop();
        await _services.DisposeAsync();
    }

    private static void AssertCarriesCharts(JsonNode body)
    {
        var attachments = body["attachments"]!.AsArray();
        Assert.NotEmpty(attachments);
        var html = (string)body["content"]!.AsArray().Single(c => (string?)c!["type"] == "text/html")!["value"]!;
        foreach (var attachment in attachments)
        {
            Assert.Equal(("image/png", "inline"), ((string)attachment!["type"]!, (string)attachment["disposition"]!));
            Assert.Equal(PngSignature, Convert.FromBase64String((string)attachment["content"]!)[..8]);
            Assert.Contains($"cid:{(string)attachment["content_id"]!}", html);
        }
    }

    [Fact]
    public async Task TrendSummary_SendsStaffOneEmailWithInlinePngCharts()
    {
        await ActivatorUtilities.CreateInstance<Timers>(_services).TrendSummary(null!, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(_sendGrid.LogEntries).RequestMessage.Body!)!;
        Assert.Equal(
            ["staff-a@example.org", "staff-b@example.org"],
            body["personalizations"]!.AsArray().Select(p => (string)p!["to"]!.AsArray().Single()!["email"]!));
        Assert.Equal(4, body["attachments"]!.AsArray().Count);
        AssertCarriesCharts(body);
        Assert.Contains("NearMiss trend summary 2093-05", (string)body["content"]![0]!["value"]!);
    }

    [Fact]
    public async Task AgencyAnalysis_SendsEachContactItsAnalysisWithACallTypeChart()
    {
        await _services.GetRequiredService<AgencyDirectory>().AddAsync("mailpd", "chief@example.org", CancellationToken.None);

        await ActivatorUtilities.CreateInstance<Timers>(_services).AgencyAnalysis(null!, CancellationToken.None);

        var bodies = _sendGrid.LogEntries.Select(e => JsonNode.Parse(e.RequestMessage.Body!)!).ToList();
        var body = Assert.Single(bodies, b => (string?)b["personalizations"]![0]!["to"]![0]!["email"] == "chief@example.org");
        AssertCarriesCharts(body);
        var text = (string)body["content"]!.AsArray().Single(c => (string?)c!["type"] == "text/plain")!["value"]!;
        Assert.Contains("Received  12", text);
        Assert.Contains("Traffic stop", text);
        Assert.DoesNotContain("traffic-stop", text);
    }
}
