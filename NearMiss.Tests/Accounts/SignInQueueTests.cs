using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Abuse;
using NearMiss.Core.Accounts;
using NearMiss.Core.Email;
using NearMiss.Core.Library;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;
using NearMiss.Functions.Accounts;
using NearMiss.Functions.Library;
using NearMiss.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static NearMiss.Tests.Functions.FunctionRequests;

namespace NearMiss.Tests.Accounts;

/// <summary>
/// A sign-in request does the same work for every address: it queues the address and nothing else, so its time cannot
/// tell whether the address has an account. The queue function looks the account up, stores the link and e-mails it.
/// </summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class SignInQueueTests : IAsyncLifetime
{
    private static readonly string[] AccountTables =
        [StorageNames.Tables.Reviewers, StorageNames.Tables.SignIns, StorageNames.Tables.Readers, StorageNames.Tables.ReaderSignIns];

    private readonly WireMockServer _sendGrid = WireMockServer.Start();
    private readonly ServiceProvider _services;
    private readonly string _domain = "pd" + Guid.NewGuid().ToString("N")[..8] + ".example.gov";

    public SignInQueueTests(AzuriteFixture azurite)
    {
        // A slow SendGrid: a request that waited for it would be seen in its time.
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithDelay(TimeSpan.FromSeconds(2)));
        _services = azurite.CreateServices(services =>
        {
            services.AddSingleton<IEmailSender>(p => p.GetRequiredService<SendGridEmailSender>());
            services.Configure<EmailOptions>(o => (o.SendGridApiKey, o.SendGridHost) = ("SG.key", _sendGrid.Url));
            services.Configure<ResponseFloorOptions>(o => o.SignInMilliseconds = 0);
            services.Configure<PublicSiteOptions>(o => o.PublicBaseUrl = "https://nearmiss.example/");
        });
    }

    public async Task InitializeAsync()
    {
        await SignInQueue.ClearAsync(_services);
        await _services.GetRequiredService<ReaderDirectory>().AllowDomainAsync(_domain, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _sendGrid.Stop();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task SignInRequests_KnownAndUnknownAddresses_OnlyQueueAndSendNothing()
    {
        var reviewer = await _services.GetRequiredService<ReviewerDirectory>().AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var reader = $"reader{Guid.NewGuid():N}"[..14] + "@" + _domain;
        var before = await RowsAsync();

        var answers = new[]
        {
            await ReviewerSignInAsync(reviewer.Email),
            await ReviewerSignInAsync(ReviewerDirectoryTests.NewAddress()),
            await ReaderSignInAsync(reader),
            await ReaderSignInAsync(ReviewerDirectoryTests.NewAddress()),
        };

        Assert.All(answers, status => Assert.Equal(202, status));
        Assert.Empty(_sendGrid.LogEntries);
        Assert.Equal(before, await RowsAsync());
        var queued = (await _services.GetRequiredService<NearMissStore>().SignInLinks.PeekMessagesAsync(32)).Value;
        Assert.Equal(4, queued.Length);
        Assert.All(queued, m => Assert.Equal(["Audience", "Email"], JsonNode.Parse(m.MessageText)!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task SignInQueue_EmailsALinkToKnownAddressesOnly()
    {
        var reviewer = await _services.GetRequiredService<ReviewerDirectory>().AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var reader = $"reader{Guid.NewGuid():N}"[..14] + "@" + _domain;
        await ReviewerSignInAsync(reviewer.Email);
        await ReviewerSignInAsync(ReviewerDirectoryTests.NewAddress());
        await ReaderSignInAsync(reader);

        Assert.Equal(3, await SignInQueue.DrainAsync(_services));

        var bodies = _sendGrid.LogEntries.Select(e => e.RequestMessage.Body!).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Single(bodies, b => b.Contains(reviewer.Email, StringComparison.Ordinal) && b.Contains("https://nearmiss.example/review/#token=", StringComparison.Ordinal));
        Assert.Single(bodies, b => b.Contains(reader, StringComparison.Ordinal) && b.Contains("https://nearmiss.example/library/#token=", StringComparison.Ordinal));
    }

    private async Task<int> ReviewerSignInAsync(string email) =>
        Unpack(await ActivatorUtilities.CreateInstance<ReviewerAccess>(_services).SignIn(Json(new JsonObject { ["email"] = email }), CancellationToken.None)).Status;

    private async Task<int> ReaderSignInAsync(string email) =>
        Unpack(await ActivatorUtilities.CreateInstance<ReaderSignInFunction>(_services).Run(Json(new JsonObject { ["email"] = email }), CancellationToken.None)).Status;

    /// <summary>The rows of every account and link table, by table.</summary>
    private async Task<string> RowsAsync()
    {
        var store = _services.GetRequiredService<NearMissStore>();
        var counts = new List<string>();
        foreach (var table in AccountTables)
        {
            var rows = 0;
            await foreach (var _ in store.TableService.GetTableClient(table).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                rows++;
            }

            counts.Add($"{table}={rows}");
        }

        return string.Join(' ', counts);
    }
}
