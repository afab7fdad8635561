using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Accounts;
using NearMiss.Core.Publishing;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Core.Storage;
using NearMiss.Functions.Review;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;
using static NearMiss.Tests.Functions.FunctionRequests;

namespace NearMiss.Tests.Review;

/// <summary>
/// Publication as the stage-2 function runs it, with storage failing at each of its writes: a reader never sees a
/// report whose case is still open, nor the same report twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Kind", "Azurite")]
public sealed class AtomicPublicationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FailingWrites _failures = new();
    private ServiceProvider _services = null!;

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        await azurite.ClearQueuesAsync();
        var options = new TableClientOptions();
        options.AddPolicy(_failures, HttpPipelinePosition.PerCall);
        _services = azurite.CreateServices(s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, options)));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Publish_WhenThePublishedRowFails_ShowsNothingAndTheRetryPublishesOnce()
    {
        var (id, stage2) = await CaseInStage2Async();

        _failures.Fail(StorageNames.Tables.Published);
        await Assert.ThrowsAsync<RequestFailedException>(() => PublishAsync(id, stage2));
        _failures.Fail(null);

        var reviewCase = await CaseAsync(id);
        Assert.Equal(ReportStatus.Published, reviewCase.Status);
        Assert.NotNull(reviewCase.PendingPublication);
        Assert.False((await Get<NearMissStore>().Published.GetEntityIfExistsAsync<PublishedReportEntity>(PublishedReportEntity.Partition, reviewCase.PublishedId!)).HasValue);

        var (status, value) = await PublishAsync(id, stage2);

        Assert.Equal(200, status);
        Assert.Equal(reviewCase.PublishedId, Assert.IsType<DecisionResult>(value).PublishedId);
        Assert.Equal([reviewCase.PublishedId!], await PublishedIdsWithTitleAsync(id));
        Assert.Null((await CaseAsync(id)).PendingPublication);
    }

    [Fact]
    public async Task Publish_WhenTheCaseSaveFails_PublishesNothingAndTheCaseStaysInStage2()
    {
        var (id, stage2) = await CaseInStage2Async();

        _failures.Fail(StorageNames.Tables.Submissions);
        await Assert.ThrowsAsync<RequestFailedException>(() => PublishAsync(id, stage2));
        _failures.Fail(null);

        Assert.Empty(await PublishedIdsWithTitleAsync(id));
        var reviewCase = await CaseAsync(id);
        Assert.Equal((2, ReportStatus.InReview), (reviewCase.Stage, reviewCase.Status));

        var (status, _) = await PublishAsync(id, stage2);
        Assert.Equal(200, status);
        Assert.Single(await PublishedIdsWithTitleAsync(id));
    }

    [Fact]
    public async Task Purge_FinishesAPublicationLeftPendingByAFailure()
    {
        var (id, stage2) = await CaseInStage2Async();
        _failures.Fail(StorageNames.Tables.Published);
        await Assert.ThrowsAsync<RequestFailedException>(() => PublishAsync(id, stage2));
        _failures.Fail(null);

        await Get<RetentionPurge>().PurgeAsync(CancellationToken.None);

        var reviewCase = await CaseAsync(id);
        Assert.Null(reviewCase.PendingPublication);
        Assert.Equal([reviewCase.PublishedId!], await PublishedIdsWithTitleAsync(id));
    }

    private async Task<(string Id, string Stage2Token)> CaseInStage2Async()
    {
        var (_, id) = await Reports.StoreAsync(_services, Reports.Valid());
        await Get<CaseOpening>().OpenAsync(id, CancellationToken.None);
        var directory = Get<ReviewerDirectory>();
        var sessions = Get<ReviewerSessions>();
        var stage1 = sessions.IssueAccessToken(await directory.AddAsync("atomic-stage1@example.org", new HashSet<Stage> { Stage.One }, CancellationToken.None));
        var stage2 = sessions.IssueAccessToken(await directory.AddAsync("atomic-stage2@example.org", new HashSet<Stage> { Stage.Two }, CancellationToken.None));
        var pass = new JsonObject { ["decision"] = "pass", ["narrative"] = Reports.Narrative, ["lessonsLearned"] = "Wait for cover." };
        var (status, _) = Unpack(await ActivatorUtilities.CreateInstance<ReviewEndpoints>(_services).Stage1(Authorized(pass, stage1), id, CancellationToken.None));
        Assert.Equal(200, status);
        return (id, stage2);
    }

    private async Task<(int Status, object? Value)> PublishAsync(string id, string token)
    {
        var body = new JsonObject
        {
            ["decision"] = "publish",
            ["narrative"] = Reports.Narrative,
            ["lessonsLearned"] = "Wait for cover.",
            ["title"] = "Atomic " + id,
            ["summary"] = "A stop where the driver's hand was hidden.",
            ["lessons"] = new JsonArray("Run the plate first.", "Wait for cover."),
        };
        return Unpack(await ActivatorUtilities.CreateInstance<ReviewEndpoints>(_services).Stage2(Authorized(body, token), id, CancellationToken.None));
    }

    private static HttpRequest Authorized(JsonObject body, string token)
    {
        var request = Json(body);
        request.Headers.Authorization = "Bearer " + token;
        return request;
    }

    private async Task<CaseEntity> CaseAsync(string id) =>
        (await Get<NearMissStore>().Submissions.GetEntityAsync<CaseEntity>(id, CaseEntity.Row)).Value;

    private async Task<List<string>> PublishedIdsWithTitleAsync(string id)
    {
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PublishedReportEntity.Partition} and Title eq {"Atomic " + id}");
        await foreach (var row in Get<NearMissStore>().Published.QueryAsync<PublishedReportEntity>(filter))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    /// <summary>Fails every write (not a read) to one table, before it is sent, as an outage would.</summary>
    private sealed class FailingWrites : HttpPipelinePolicy
    {
        private volatile string? _table;

        public void Fail(string? table) => _table = table;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Check(HttpMessage message)
        {
            if (_table is { } table && message.Request.Method != RequestMethod.Get && message.Request.Uri.Path.Contains("/" + table, StringComparison.Ordinal))
            {
                throw new RequestFailedException(503, "Injected storage failure.");
            }
        }
    }
}
