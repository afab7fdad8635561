using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Cli.Seed;
using NearMiss.Core.Accounts;
using NearMiss.Core.Publishing;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Review;

/// <summary>The review API through <c>nearmiss serve</c> as the console and <c>nearmiss seed</c> use it.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class ReviewHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServedSite _site = null!;

    public async Task InitializeAsync()
    {
        await azurite.ClearQueuesAsync();
        _site = await ServedSite.StartAsync(azurite.ConnectionString, "review");
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<string> TokenAsync(string email, params int[] stages)
    {
        var reviewer = await _site.Services.GetRequiredService<ReviewerDirectory>().AddAsync(email, stages.Select(Stage.Parse).ToHashSet(), CancellationToken.None);
        return _site.Services.GetRequiredService<ReviewerSessions>().IssueAccessToken(reviewer);
    }

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _site.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Seed_Publishes20DemoReports_WithDistinctTitlesAndSummaries_AndTheNamesRedacted()
    {
        var seed = new SeedRun(_site.Services, new Uri(_site.Url), leaveSomeInReview: false, TextWriter.Null);
        var summary = await seed.RunAsync(20, CancellationToken.None);

        Assert.Equal(new SeedSummary(20, 20, 0, 0), summary);
        Assert.Equal("""{"submitted":20,"published":20,"inReview":0,"notPublished":0}""", summary.ToJson());
        var store = _site.Services.GetRequiredService<NearMissStore>();
        var published = new List<PublishedReportEntity>();
        foreach (var id in seed.PublishedIds)
        {
            published.Add((await store.Published.GetEntityAsync<PublishedReportEntity>(PublishedReportEntity.Partition, id)).Value);
        }

        Assert.Equal(20, published.Select(p => p.RowKey).Distinct().Count());
        Assert.True(published.Select(p => p.Title).Distinct().Count() >= 18, "at least 90% of titles distinct");
        Assert.True(published.Select(p => p.Summary).Distinct().Count() >= 18, "at least 90% of summaries distinct");
        Assert.True(published.Select(p => p.CallType).Distinct().Count() >= 12, "the first twenty cover most call types");
        Assert.All(published, p => Assert.DoesNotContain("Whitfield", p.Narrative));
    }

    [Fact]
    public async Task Seed_WithLeaveSomeInReview_LeavesCasesInBothStages_AndDeclinesOne()
    {
        var summary = await new SeedRun(_site.Services, new Uri(_site.Url), leaveSomeInReview: true, TextWriter.Null).RunAsync(12, CancellationToken.None);

        Assert.Equal(new SeedSummary(12, 7, 4, 1), summary);
    }

    [Fact]
    public async Task ReviewCalls_WithoutOrWithABadToken_Return401()
    {
        var token = await TokenAsync("stage1@example.org", 1);
        var tampered = token[..^3] + (token[^3] == 'A' ? "BAA" : "AAA");

        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/review/cases?stage=1", token));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/review/cases?stage=1", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/review/cases?stage=1", tampered));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/review/cases?stage=1", "not-a-jwt"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Post, $"/api/review/cases/{new string('a', 32)}/stage1", tampered, new { decision = "pass" }));
    }

    [Fact]
    public async Task ReviewCalls_OutsideTheReviewersStages_Return403_AndBadInput400_AndUnknown404()
    {
        var stage2Only = await TokenAsync("stage2@example.org", 2);

        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Get, "/api/review/cases?stage=1", stage2Only));
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(HttpMethod.Get, "/api/review/cases?stage=7", stage2Only));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Post, $"/api/review/cases/{new string('a', 32)}/stage1", stage2Only, new { decision = "pass", narrative = "x" }));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(HttpMethod.Get, $"/api/review/cases/{new string('b', 32)}", stage2Only));
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(HttpMethod.Post, $"/api/review/cases/{new string('b', 32)}/stage2", stage2Only, new { decision = "publish" }));
    }

    [Fact]
    public async Task ReporterReply_UnknownReceiptIs404_BadBodyIs400()
    {
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(HttpMethod.Post, "/api/receipts/messages", null, new { receipt = "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2", message = "hi" }));
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(HttpMethod.Post, "/api/receipts/messages", null, new { receipt = 5 }));
    }
}
