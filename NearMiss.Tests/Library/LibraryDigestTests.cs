using System.Text.Json.Nodes;
using System.Text.RegularExpressions;


using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using NearMiss.Core.Email;
using NearMiss.Core.Library;
using NearMiss.Core.Storage;
using NearMiss.Functions.Library;
using NearMiss.Tests.Infrastructure;

using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

using static NearMiss.Tests.Functions.FunctionRequests;

namespace NearMiss.Tests.Library;

/// <summary>Digest subscriptions, the weekly digest through SendGrid, one-click unsubscribe and the report of the week.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed partial class LibraryDigestTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // The digest narrows its query by the rows' service Timestamp, so this clock starts at the storage service's now.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly WireMockServer _sendGrid = WireMockServer.Start();
    private ServiceProvider _services = null!;

    private NearMissStore Store => _services.GetRequiredService<NearMissStore>();

    public async Task InitializeAsync()
    {
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        _services = azurite.CreateServices(services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.Configure<EmailOptions>(o => (o.SendGridApiKey, o.SendGridHost, o.From) = ("SG.key", _sendGrid.Url, "library@nearmiss.example"));
            services.Configure<PublicSiteOptions>(o => o.PublicBaseUrl = "https://nearmiss.example/");
            services.AddSingleton<IEmailSender>(p => p.GetRequiredService<SendGridEmailSender>());
        });
        await LibraryFixture.ClearAsync(Store);
        await ClearAsync();
        var now = _time.GetUtcNow();
        foreach (var (report, daysAgo) in new[]
                 {
                     (LibraryFixture.Handgun, 1), (LibraryFixture.Truck, 3), (LibraryFixture.Kitchen, 2),
                     (LibraryFixture.Brakes, 1), (LibraryFixture.Bedroom, 10), (LibraryFixture.Closet, 30),
                 })
        {
            var row = LibraryFixture.Copy(report);
            row.PublishedOn = now - TimeSpan.FromDays(daysAgo);
            await Store.Published.UpsertEntityAsync(row);
        }
    }

    public async Task DisposeAsync()
    {
        await LibraryFixture.ClearAsync(Store);
        await ClearAsync();
        await _services.DisposeAsync();
        _sendGrid.Stop();
    }

    private async Task ClearAsync()
    {
        foreach (var table in new[] { Store.ReaderSubscriptions, Store.ReaderDigests, Store.LibraryFeatured })
        {
            await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All);
            }
        }
    }

    private async Task<(Reader Reader, string Email)> SubscribedReaderAsync(string[] callTypes, string[] factors)
    {
        var email = $"r{Guid.NewGuid():N}"[..12] + "@outside.example.org";
        var reader = await _services.GetRequiredService<ReaderDirectory>().ApproveAsync(email, CancellationToken.None);
        var (status, _) = await SubscriptionAsync("PUT", Bearer(reader), new JsonObject
        {
            ["callTypes"] = new JsonArray(callTypes.Select(c => (JsonNode)c).ToArray()),
            ["factors"] = new JsonArray(factors.Select(f => (JsonNode)f).ToArray()),
        });
        Assert.Equal(200, status);
        return (reader, email);
    }

    private string Bearer(Reader reader) => "Bearer " + _services.GetRequiredService<ReaderSessions>().IssueAccessToken(reader);

    private async Task<(int Status, object? Value)> SubscriptionAsync(string method, string? authorization, JsonNode? body = null)
    {
        var request = body is null ? Get() : Json(body);
        request.Method = method;
        if (authorization is not null)
        {
            request.Headers.Authorization = authorization;
        }

        return Unpack(await ActivatorUtilities.CreateInstance<LibrarySubscriptionFunction>(_services).Run(request, CancellationToken.None));
    }

    private async Task<int> UnsubscribeAsync(string token) =>
        Unpack(await ActivatorUtilities.CreateInstance<LibraryUnsubscribeFunction>(_services)
            .Run(Json(new JsonObject { ["token"] = token }), CancellationToken.None)).Status;

    private Task<DigestRun> RunDigestAsync() => _services.GetRequiredService<LibraryDigest>().SendAsync(CancellationToken.None);

    /// <summary>The text of the one digest SendGrid received for <paramref name="email"/>.</summary>
    private string BodyFor(string email)
    {
        var bodies = _sendGrid.LogEntries
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!)
            .Where(b => b["personalizations"]!.AsArray().Any(p => (string?)p!["to"]![0]!["email"] == email))
            .ToList();
        return (string)Assert.Single(bodies)["content"]![0]!["value"]!;
    }

    private static string TokenIn(string body) => Uri.UnescapeDataString(Assert.Single(UnsubscribeLink().Matches(body)).Groups[1].Value);

    [Fact]
    public async Task Digest_SendsEachSubscriberOnlyThePastWeeksMatchingReports_AsTitlesAndLinks()
    {
        var (_, domestic) = await SubscribedReaderAsync(["domestic"], []);
        var (_, concealed) = await SubscribedReaderAsync([], ["concealed-weapon"]);
        var (_, both) = await SubscribedReaderAsync(["traffic-stop"], ["roadway-hazard"]);
        var (_, quiet) = await SubscribedReaderAsync(["mental-health"], []);

        var run = await RunDigestAsync();

        Assert.Equal((4, 3, 1), (run.Subscribers, run.Sent, run.NothingNew));
        Assert.Equal(3, _sendGrid.LogEntries.Count());
        Assert.DoesNotContain(_sendGrid.LogEntries, e => e.RequestMessage.Body!.Contains(quiet, StringComparison.Ordinal));

        // Kitchen (2 days ago) matches; Bedroom is domestic too but was published 10 days ago.
        var domesticBody = BodyFor(domestic);
        Assert.Contains(LibraryFixture.Kitchen.Title, domesticBody);
        Assert.Contains("https://nearmiss.example/library/#id=c3", domesticBody);
        Assert.DoesNotContain(LibraryFixture.Bedroom.Title, domesticBody);
        Assert.DoesNotContain("#id=d4", domesticBody);

        var concealedBody = BodyFor(concealed);
        Assert.Contains(LibraryFixture.Handgun.Title, concealedBody);
        Assert.Contains("https://nearmiss.example/library/#id=a1", concealedBody);
        foreach (var old in new[] { "#id=d4", "#id=g7", "#id=b2" })
        {
            Assert.DoesNotContain(old, concealedBody);
        }

        // Call type AND factor: the truck (traffic stop, roadway hazard), not the handgun (traffic stop only).
        var bothBody = BodyFor(both);
        Assert.Contains("#id=b2", bothBody);
        Assert.DoesNotContain("#id=a1", bothBody);

        // Titles and links only: no narrative, no lessons, in any digest.
        foreach (var entry in _sendGrid.LogEntries)
        {
            foreach (var report in LibraryFixture.All)
            {
                Assert.DoesNotContain(report.Narrative, entry.RequestMessage.Body!);
                Assert.DoesNotContain(report.Narrative[..30], entry.RequestMessage.Body!);
                foreach (var lesson in LuceneLibraryIndex.ReadList(report.Lessons))
                {
                    Assert.DoesNotContain(lesson, entry.RequestMessage.Body!);
                }
            }
        }
    }

    [Fact]
    public async Task Digest_RunAgainInTheSameWeek_SendsNothingTwice()
    {
        await SubscribedReaderAsync(["domestic"], []);
        await SubscribedReaderAsync(["pursuit"], []);

        var first = await RunDigestAsync();

        // Half an hour later, unless that is next week already (the clock starts at the storage service's now, and a
        // run late on a Sunday would cross into Monday): then at once.
        var later = LibraryDigest.WeekOf(_time.GetUtcNow() + TimeSpan.FromMinutes(30)) == first.Week ? TimeSpan.FromMinutes(30) : TimeSpan.Zero;
        _time.Advance(later);
        var second = await RunDigestAsync();

        Assert.Equal(first.Week, second.Week);
        Assert.Equal((2, 0), (first.Sent, first.AlreadySent));
        Assert.Equal((0, 2), (second.Sent, second.AlreadySent));
        Assert.Equal(2, _sendGrid.LogEntries.Count());
    }

    [Fact]
    public async Task Unsubscribe_FromTheEmailedLink_WorksOnceWithoutSignIn()
    {
        var (reader, email) = await SubscribedReaderAsync(["domestic"], []);
        await RunDigestAsync();
        var token = TokenIn(BodyFor(email));

        Assert.Equal(200, await UnsubscribeAsync(token));
        Assert.Equal(410, await UnsubscribeAsync(token));

        var (status, value) = await SubscriptionAsync("GET", Bearer(reader));
        Assert.Equal(200, status);
        Assert.True(Assert.IsType<DigestSubscription>(value).IsEmpty);
        _time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, (await RunDigestAsync()).Subscribers);
    }

    [Fact]
    public async Task Digest_CarriesRfc8058OneClickHeaders_ThatUnsubscribeWithAFormPost_AndSaysMatchesForOneReport()
    {
        var (reader, email) = await SubscribedReaderAsync(["domestic"], []);
        await RunDigestAsync();

        var sent = JsonNode.Parse(Assert.Single(_sendGrid.LogEntries).RequestMessage.Body!)!;
        var headers = sent["headers"]!;
        Assert.Equal("List-Unsubscribe=One-Click", (string)headers["List-Unsubscribe-Post"]!);
        var listUnsubscribe = (string)headers["List-Unsubscribe"]!;
        Assert.Equal($"<https://nearmiss.example/api/library/unsubscribe?token={Uri.EscapeDataString(TokenIn(BodyFor(email)))}>", listUnsubscribe);
        Assert.StartsWith("1 new report published in the NearMiss library this past week matches your subscription:", BodyFor(email));

        Assert.Equal(400, await OneClickAsync(listUnsubscribe, "List-Unsubscribe=Later"));
        Assert.False(Assert.IsType<DigestSubscription>((await SubscriptionAsync("GET", Bearer(reader))).Value).IsEmpty);
        Assert.Equal(200, await OneClickAsync(listUnsubscribe, "List-Unsubscribe=One-Click"));
        Assert.True(Assert.IsType<DigestSubscription>((await SubscriptionAsync("GET", Bearer(reader))).Value).IsEmpty);
        Assert.Equal(410, await OneClickAsync(listUnsubscribe, "List-Unsubscribe=One-Click"));
    }

    /// <summary>The request a mail client makes for RFC 8058 one-click: a form POST to the header's address.</summary>
    private async Task<int> OneClickAsync(string listUnsubscribe, string form)
    {
        var request = Raw(form);
        request.ContentType = "application/x-www-form-urlencoded";
        request.QueryString = new QueryString(new Uri(listUnsubscribe.Trim('<', '>')).Query);
        return Unpack(await ActivatorUtilities.CreateInstance<LibraryUnsubscribeFunction>(_services).Run(request, CancellationToken.None)).Status;
    }

    [Fact]
    public async Task Unsubscribe_TamperedOrForeignToken_IsRefusedAndChangesNothing()
    {
        var (reader, email) = await SubscribedReaderAsync(["domestic"], []);
        var (other, _) = await SubscribedReaderAsync(["pursuit"], []);
        await RunDigestAsync();
        var token = TokenIn(BodyFor(email));
        var parts = token.Split('.');
        var lastChar = parts[2][^1] == 'A' ? 'B' : 'A';

        string[] refused =
        [
            $"{parts[0]}.{parts[1]}.{parts[2][..^1]}{lastChar}",  // MAC changed
            $"{other.Id}.{parts[1]}.{parts[2]}",                    // another reader's id under this MAC
            $"{parts[0]}.{parts[1]}",                                // MAC missing
            _services.GetRequiredService<ReaderSessions>().IssueAccessToken(reader), // a reader access token
            "",
        ];
        foreach (var bad in refused)
        {
            Assert.Equal(400, await UnsubscribeAsync(bad));
        }

        foreach (var stillSubscribed in new[] { reader, other })
        {
            var (_, value) = await SubscriptionAsync("GET", Bearer(stillSubscribed));
            Assert.False(Assert.IsType<DigestSubscription>(value).IsEmpty);
        }
    }

    [Fact]
    public async Task Subscription_NeedsAReaderToken_AndTheFormsValues()
    {
        var reader = await _services.GetRequiredService<ReaderDirectory>().ApproveAsync("subscriber00@example.org", CancellationToken.None);

        Assert.Equal(401, (await SubscriptionAsync("GET", null)).Status);
        Assert.Equal(401, (await SubscriptionAsync("PUT", "Bearer not-a-token", new JsonObject { ["callTypes"] = new JsonArray("domestic") })).Status);
        Assert.Equal(400, (await SubscriptionAsync("PUT", Bearer(reader), new JsonObject { ["callTypes"] = new JsonArray("picnic") })).Status);
        Assert.Equal(400, (await SubscriptionAsync("PUT", Bearer(reader), new JsonObject { ["factors"] = "fatigue" })).Status);

        var (status, value) = await SubscriptionAsync("PUT", Bearer(reader), new JsonObject { ["callTypes"] = new JsonArray("pursuit", "domestic"), ["factors"] = new JsonArray("fatigue") });
        Assert.Equal(200, status);
        var saved = Assert.IsType<DigestSubscription>((await SubscriptionAsync("GET", Bearer(reader))).Value);
        Assert.Equal(["domestic", "pursuit"], saved.CallTypes);
        Assert.Equal(["fatigue"], saved.Factors);
        Assert.Equal(saved.CallTypes, Assert.IsType<DigestSubscription>(value).CallTypes);

        await SubscriptionAsync("PUT", Bearer(reader), new JsonObject { ["callTypes"] = new JsonArray(), ["factors"] = new JsonArray() });
        Assert.True(Assert.IsType<DigestSubscription>((await SubscriptionAsync("GET", Bearer(reader))).Value).IsEmpty);
    }

    [Fact]
    public async Task Featured_ChosenByStaff_IsWhatReadersSee()
    {
        var featured = _services.GetRequiredService<FeaturedReports>();
        var reader = Bearer(await _services.GetRequiredService<ReaderDirectory>().ApproveAsync("featured000@example.org", CancellationToken.None));

        async Task<(int Status, object? Value)> GetFeaturedAsync(string? authorization)
        {
            var request = Get();
            if (authorization is not null)
            {
                request.Headers.Authorization = authorization;
            }

            return Unpack(await ActivatorUtilities.CreateInstance<LibraryFeaturedFunction>(_services).Run(request, CancellationToken.None));
        }

        Assert.Equal(404, (await GetFeaturedAsync(reader)).Status);
        Assert.Null(await featured.ChooseAsync("nosuchreport", CancellationToken.None));
        Assert.NotNull(await featured.ChooseAsync(LibraryFixture.Kitchen.RowKey, CancellationToken.None));

        Assert.Equal(401, (await GetFeaturedAsync(null)).Status);
        var (status, value) = await GetFeaturedAsync(reader);
        Assert.Equal(200, status);
        var report = Assert.IsType<FeaturedReport>(value);
        Assert.Equal((LibraryFixture.Kitchen.RowKey, LibraryFixture.Kitchen.Title, LibraryFixture.Kitchen.Summary), (report.Id, report.Title, report.Summary));

        await featured.ChooseAsync(LibraryFixture.Brakes.RowKey, CancellationToken.None);
        Assert.Equal(LibraryFixture.Brakes.RowKey, Assert.IsType<FeaturedReport>((await GetFeaturedAsync(reader)).Value).Id);
    }

    [GeneratedRegex(@"/library/#unsubscribe=(\S+)")]
    private static partial Regex UnsubscribeLink();
}
