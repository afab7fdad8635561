using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Tests.Browser;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Trends;

/// <summary><c>GET /api/staff/trends</c> through <c>nearmiss serve</c>: who may read it, and its figures on a known fixture.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed partial class StaffTrendsHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServedSite _site = null!;
    private const string Staff = "trends-staff@example.org";

    public async Task InitializeAsync()
    {
        _site = await ServedSite.StartAsync(azurite.ConnectionString, "staff", s => s["NearMiss:Staff:Emails"] = Staff);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task NoToken_Is401_AndAReviewerWhoIsNotStaff_Is403()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/staff/trends?from=2088-03&to=2088-03", null)).StatusCode);

        var reviewer = await _site.Services.GetRequiredService<ReviewerDirectory>()
            .AddAsync($"not-staff-{Guid.NewGuid():N}@example.org", new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var token = _site.Services.GetRequiredService<ReviewerSessions>().IssueAccessToken(reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/api/staff/trends?from=2088-03&to=2088-03", token)).StatusCode);
    }

    [Theory]
    [InlineData("from=9999-12&to=9999-12")]
    [InlineData("from=0001-01&to=0001-02")]
    [InlineData("from=1999-12&to=2000-01")]
    [InlineData("from=2999-12&to=3000-01")]
    public async Task MonthsOutsideTheYears2000To2999_Are400(string query)
    {
        var reviewer = (await _site.Services.GetRequiredService<ReviewerDirectory>().AddAsync(Staff, new HashSet<Stage> { Stage.One }, CancellationToken.None)) with { Staff = true };
        var token = _site.Services.GetRequiredService<ReviewerSessions>().IssueAccessToken(reviewer);

        using var response = await GetAsync("/api/staff/trends?" + query, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task StaffSignsInByTheEmailedLink_AndReadsTheFiguresAndCharts()
    {
        var recorder = _site.Services.GetRequiredService<ITrendRecorder>();
        var reports = new[]
        {
            TrendFixture.Report("2088-03-01", "traffic-stop", ["fatigue"]),
            TrendFixture.Report("2088-03-02", "traffic-stop", ["fatigue", "complacency"]),
            TrendFixture.Report("2088-03-03", "domestic", ["fatigue"]),
        };
        await TrendFixture.ReceiveAllAsync(recorder, reports);
        await recorder.ClosedAsync(reports[0], TrendFixture.Closed(reports[0], ReportStatus.Published, "2088-03-08"), null, CancellationToken.None);

        if (await _site.Services.GetRequiredService<ReviewerDirectory>().FindByEmailAsync(Staff, CancellationToken.None) is null)
        {
            await _site.Services.GetRequiredService<ReviewerDirectory>().AddAsync(Staff, new HashSet<Stage> { Stage.One }, CancellationToken.None);
        }

        using (var asked = await _site.Http.PostAsJsonAsync("/api/review/signin", new { email = Staff, console = "staff" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        var link = await Mailbox.WaitForLinkAsync(_site.MailDirectory, Staff, StaffLink(), TimeSpan.FromSeconds(30));
        var signInToken = Uri.UnescapeDataString(link[(link.IndexOf("#token=", StringComparison.Ordinal) + 7)..]);
        string token;
        using (var session = await _site.Http.PostAsJsonAsync("/api/review/session", new { token = signInToken }))
        {
            Assert.Equal(HttpStatusCode.OK, session.StatusCode);
            using var body = JsonDocument.Parse(await session.Content.ReadAsStringAsync());
            Assert.True(body.RootElement.GetProperty("reviewer").GetProperty("staff").GetBoolean());
            token = body.RootElement.GetProperty("accessToken").GetString()!;
        }

        using var response = await GetAsync("/api/staff/trends?from=2088-03&to=2088-03", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("2088-03", root.GetProperty("from").GetString());
        Assert.Equal(3, root.GetProperty("totals").GetProperty("received").GetInt64());
        Assert.Equal(1, root.GetProperty("totals").GetProperty("published").GetInt64());
        Assert.True(root.GetProperty("totals").GetProperty("inReview").GetInt64() >= 2, "The backlog counts everything received up to the period and not closed.");
        var callTypes = root.GetProperty("byCallType").EnumerateArray().ToDictionary(e => e.GetProperty("value").GetString()!, e => e.GetProperty("count").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["traffic-stop"] = 2, ["domestic"] = 1 }, callTypes);
        Assert.Equal(3, root.GetProperty("byFactor")[0].GetProperty("count").GetInt64());
        Assert.Equal(5, root.GetProperty("reviewDays").GetProperty("p50").GetInt32());
        foreach (var chart in root.GetProperty("charts").EnumerateObject())
        {
            var png = Convert.FromBase64String(chart.Value.GetString()!["data:image/png;base64,".Length..]);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/api/staff/trends?from=2088-04&to=2088-03", token)).StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _site.Http.SendAsync(request);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+/staff/#token=[A-Za-z0-9%._~-]+")]
    private static partial Regex StaffLink();
}
