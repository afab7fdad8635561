using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NearMiss.Core.Accounts;
using NearMiss.Core.Library;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;
using NearMiss.Functions.Library;
using NearMiss.Tests.Infrastructure;
using static NearMiss.Tests.Functions.FunctionRequests;

namespace NearMiss.Tests.Library;

/// <summary>The library API on a known fixture, through the function classes as the host invokes them.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class LibrarySearchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private ServiceProvider _services = null!;
    private Reader _reader = null!;

    public async Task InitializeAsync()
    {
        _services = azurite.CreateServices(services => services.AddSingleton<TimeProvider>(_time));
        _reader = await _services.GetRequiredService<ReaderDirectory>().ApproveAsync("searcher@example.org", CancellationToken.None);
        await LibraryFixture.SeedAsync(_services.GetRequiredService<NearMissStore>());
        await _services.GetRequiredService<LuceneLibraryIndex>().RebuildAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await LibraryFixture.ClearAsync(_services.GetRequiredService<NearMissStore>());
        await _services.DisposeAsync();
    }

    private string ReaderToken() => _services.GetRequiredService<ReaderSessions>().IssueAccessToken(_reader);

    private HttpRequest Request(string query, string? authorization)
    {
        var request = Get();
        request.QueryString = new QueryString(query);
        if (authorization is not null)
        {
            request.Headers.Authorization = authorization;
        }

        return request;
    }

    private async Task<(int Status, object? Value)> SearchAsync(string query, string? authorization = "reader") =>
        Unpack(await ActivatorUtilities.CreateInstance<LibrarySearchFunction>(_services)
            .Run(Request(query, authorization == "reader" ? "Bearer " + ReaderToken() : authorization), CancellationToken.None));

    private async Task<(int Status, object? Value)> ReportAsync(string id, string? authorization = "reader") =>
        Unpack(await ActivatorUtilities.CreateInstance<LibraryReportFunction>(_services)
            .Run(Request("", authorization == "reader" ? "Bearer " + ReaderToken() : authorization), id, CancellationToken.None));

    private async Task<LibraryPage> PageAsync(string query)
    {
        var (status, value) = await SearchAsync(query);
        Assert.Equal(200, status);
        return Assert.IsType<LibraryPage>(value);
    }

    private static string[] Ids(LibraryPage page) => page.Items.Select(i => i.Id).Order().ToArray();

    [Fact]
    public async Task Library_NoFilters_ReturnsEveryReportNewestFirst()
    {
        var page = await PageAsync("");

        Assert.Equal(7, page.Total);
        Assert.Equal(["f6", "b2", "a1", "e5", "d4", "c3", "g7"], page.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("?callType=traffic-stop", "a1,b2")]
    [InlineData("?callType=traffic-stop&callType=domestic", "a1,b2,c3,d4")]
    [InlineData("?callType=traffic-stop,domestic", "a1,b2,c3,d4")]
    [InlineData("?factor=concealed-weapon&factor=fatigue", "a1,d4,f6,g7")]
    [InlineData("?callType=domestic&factor=concealed-weapon", "d4")]
    [InlineData("?assignment=traffic&factor=fatigue&factor=complacency", "b2,f6")]
    [InlineData("?callType=pursuit&assignment=patrol", "")]
    [InlineData("?from=2025-01&to=2025-03", "a1,d4,e5")]
    [InlineData("?q=knife", "c3,d4")]
    [InlineData("?q=separating", "c3")] // stemmed: separated, separation
    [InlineData("?q=handgun&callType=warrant-service", "g7")]
    [InlineData("?q=dispatch%20prior%20calls", "e5")]
    [InlineData("?q=shoulder&from=2025-01", "b2")]
    public async Task Library_Filters_ReturnExactlyTheMatchingReports(string query, string expected)
    {
        var page = await PageAsync(query);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Ids(page));
        Assert.Equal(page.Items.Count, page.Total);
    }

    [Fact]
    public async Task Library_TextQuery_RanksTitleMatchesFirstAndHighlightsTheWords()
    {
        var page = await PageAsync("?q=handgun");

        Assert.Equal(["a1", "g7"], page.Items.Select(i => i.Id));
        var narrative = Assert.Single(page.Items[0].Highlights, h => h.Field == "narrative");
        Assert.Contains(narrative.Parts, p => p.Match && p.Text == "handgun");
        Assert.Contains(narrative.Parts, p => !p.Match);
    }

    [Fact]
    public async Task Library_FacetCounts_LeaveOutEachFilterOwnSelection()
    {
        var page = await PageAsync("?callType=traffic-stop&factor=concealed-weapon");

        Assert.Equal(["a1"], Ids(page));
        var callTypes = page.Facets["callType"].Where(f => f.Count > 0).ToDictionary(f => f.Value, f => f.Count);
        Assert.Equal(new Dictionary<string, int> { ["traffic-stop"] = 1, ["domestic"] = 1, ["warrant-service"] = 1 }, callTypes);
        var factors = page.Facets["factor"].Where(f => f.Count > 0).ToDictionary(f => f.Value, f => f.Count);
        Assert.Equal(new Dictionary<string, int> { ["situational-awareness"] = 1, ["concealed-weapon"] = 1, ["roadway-hazard"] = 1, ["complacency"] = 1 }, factors);
        Assert.Equal(1, page.Facets["assignment"].Single(f => f.Value == "patrol").Count);
        Assert.Equal("Traffic stop", page.Facets["callType"].Single(f => f.Value == "traffic-stop").Label);
    }

    [Theory]
    [InlineData("?callType=not-a-call-type", "callType")]
    [InlineData("?from=2025-13", "from")]
    [InlineData("?from=%D9%A2%D9%A0%D9%A2%D9%A5-01", "from")] // Arabic-Indic digits
    [InlineData("?to=2025-01%0A", "to")]
    [InlineData("?page=0", "page")]
    public async Task Library_BadParameters_Return400(string query, string field)
    {
        var (status, value) = await SearchAsync(query);

        Assert.Equal(400, status);
        Assert.Contains(field, Assert.IsType<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(value).Errors.Keys);
    }

    [Fact]
    public async Task LibraryReport_ReturnsLessonsAndThreeToFiveSimilarReports()
    {
        var (status, value) = await ReportAsync("d4");

        Assert.Equal(200, status);
        var report = Assert.IsType<LibraryReport>(value);
        Assert.Equal(["Ask who else is in the house.", "Clear rooms before settling into an interview."], report.Lessons);
        Assert.InRange(report.Similar.Count, 3, 5);
        Assert.DoesNotContain(report.Similar, s => s.Id == "d4");
        Assert.Equal("c3", report.Similar[0].Id); // same call type, assignment, a shared factor and a knife
    }

    [Fact]
    public async Task LibraryReport_UnknownId_Returns404()
    {
        var (status, _) = await ReportAsync("ffffffffffffffffffff");

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Library_NewPublication_IsFoundAtOnce()
    {
        var store = _services.GetRequiredService<NearMissStore>();
        var report = LibraryFixture.Report("h8", "Ladder truck blocked the lane", "crash-scene", "traffic", ["roadway-hazard"], "2025-08", "A ladder truck blocked the lane at the crash scene.", ["Block with the biggest vehicle.", "Wear the vest."]);
        await store.Published.AddEntityAsync(report);

        await _services.GetRequiredService<LuceneLibraryIndex>().PublishedAsync("h8", CancellationToken.None);

        Assert.Equal(["h8"], Ids(await PageAsync("?q=ladder")));
    }

    [Fact]
    public async Task Library_WithoutToken_Returns401()
    {
        Assert.Equal(401, (await SearchAsync("", authorization: null)).Status);
        Assert.Equal(401, (await ReportAsync("a1", authorization: null)).Status);
        Assert.Equal(401, (await SearchAsync("", authorization: ReaderToken())).Status); // no Bearer scheme
    }

    [Fact]
    public async Task Library_TamperedToken_Returns401()
    {
        var parts = ReaderToken().Split('.');
        var payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]).Replace(_reader.Id.Value, "l-otherreader");
        var tampered = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.Equal(401, (await SearchAsync("", "Bearer " + tampered)).Status);
        Assert.Equal(401, (await ReportAsync("a1", "Bearer " + tampered)).Status);
    }

    [Fact]
    public async Task Library_ExpiredToken_Returns401()
    {
        var token = ReaderToken();
        _time.Advance(ReaderSessions.Lifetime + TimeSpan.FromMinutes(1));

        Assert.Equal(401, (await SearchAsync("", "Bearer " + token)).Status);
        Assert.Equal(401, (await ReportAsync("a1", "Bearer " + token)).Status);
    }

    [Fact]
    public async Task Library_ReviewerToken_Returns401()
    {
        var reviewerToken = _services.GetRequiredService<ReviewerSessions>()
            .IssueAccessToken(new Reviewer(ReviewerId.Parse("r-abcdefghij"), "reviewer@example.org", new HashSet<Stage> { Stage.One, Stage.Two }));

        Assert.Equal(401, (await SearchAsync("", "Bearer " + reviewerToken)).Status);
        Assert.Equal(401, (await ReportAsync("a1", "Bearer " + reviewerToken)).Status);
    }

    [Fact]
    public async Task ReviewConsole_ReaderToken_IsNotAReviewerToken()
    {
        Assert.Null(await _services.GetRequiredService<IReviewerAuthenticator>().AuthenticateAsync("Bearer " + ReaderToken(), CancellationToken.None));
    }
}
