using Azure;
using Azure.Data.Tables;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using NearMiss.Core.Intake;
using NearMiss.Core.Operations;
using NearMiss.Core.Review;
using NearMiss.Core.Storage;
using NearMiss.Core.Trends;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Intake;

/// <summary>Intake leaves nothing half-stored; an original without a case is queued again; the check sees both.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class IntakeRecoveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ServiceProvider _services = azurite.CreateServices();

    private NearMissStore Store => _services.GetRequiredService<NearMissStore>();

    public Task InitializeAsync() => azurite.ClearQueuesAsync();

    public async Task DisposeAsync()
    {
        // The sweeps queue scans for whatever other tests left without a case.
        await azurite.ClearQueuesAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Submit_WhenTheQueueMessageCannotBeSent_FailsAndLeavesNoOriginal()
    {
        var before = await CountOriginalsAsync();
        await Store.PiiScan.DeleteAsync();
        try
        {
            await Assert.ThrowsAsync<RequestFailedException>(() =>
                _services.GetRequiredService<ReportIntake>().SubmitAsync(Reports.Element(Reports.Valid()), CancellationToken.None));
        }
        finally
        {
            await Store.PiiScan.CreateIfNotExistsAsync();
        }

        Assert.Equal(before, await CountOriginalsAsync());
    }

    [Fact]
    public async Task Sweep_QueuesAnOriginalWithoutCaseOnce_AndLeavesYoungOnesAndOpenedOnes()
    {
        var lostMessage = await SubmitAsync();
        var opened = await SubmitAsync();
        await _services.GetRequiredService<CaseOpening>().OpenAsync(opened, CancellationToken.None);
        await Store.PiiScan.ClearMessagesAsync();

        await Sweep(TimeProvider.System).SweepAsync(CancellationToken.None);
        Assert.Null(await RequeuedAsync(lostMessage));

        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));
        var first = await Sweep(later).SweepAsync(CancellationToken.None);
        Assert.True(first.Requeued >= 1);
        Assert.True(await RequeuedAsync(lostMessage));
        Assert.Null(await RequeuedAsync(opened));

        var again = await Sweep(later).SweepAsync(CancellationToken.None);
        Assert.Equal(0, again.Requeued);
        Assert.True(again.StillWithoutCase >= 1);
    }

    [Fact]
    public async Task Check_CountsCasesAndMarkers_AndSeesACountThatIsNotOnePerReport()
    {
        var check = _services.GetRequiredService<IntakeCheck>();
        var scanned = await SubmitAsync();
        var waiting = await SubmitAsync();
        await _services.GetRequiredService<CaseOpening>().OpenAsync(scanned, CancellationToken.None);

        var first = await check.CheckAsync([scanned, waiting, new string('0', 32)], pickupDirectory: null, CancellationToken.None);

        Assert.Equal((3, 1, 1, 1), (first.Reports, first.InReview, first.WithoutCase, first.NothingStored));
        Assert.Equal(new Dictionary<int, int> { [0] = 2, [3] = 1 }, first.ReportsByMarkers);
        Assert.Equal(2, first.Lost);

        // A second delivery of the same scan counts nothing.
        await _services.GetRequiredService<CaseOpening>().OpenAsync(scanned, CancellationToken.None);
        var second = await check.CheckAsync([scanned], pickupDirectory: null, CancellationToken.None);
        Assert.Equal(first.CountedTwice, second.CountedTwice);

        // A count without its one marker per report, as a processing that slipped past the markers would leave.
        await _services.GetRequiredService<TrendCounters>().ApplyOnceAsync(
            TrendRecorder.ReceivedPartition("1999-01"), $"{scanned}|again", scanned, [$"{TrendRecorder.National}|{TrendRecorder.Total}|all"], CancellationToken.None);
        var third = await check.CheckAsync([scanned], pickupDirectory: null, CancellationToken.None);
        Assert.Equal(first.CountedTwice + 1, third.CountedTwice);
    }

    private OrphanSweep Sweep(TimeProvider time) =>
        new(Store, time, Options.Create(new IntakeOptions()), NullLogger<OrphanSweep>.Instance);

    private async Task<string> SubmitAsync() => (await Reports.StoreAsync(_services, Reports.Valid())).ReportId;

    private async Task<bool?> RequeuedAsync(string reportId) =>
        (await Store.Submissions.GetEntityAsync<SubmissionEntity>(reportId, SubmissionEntity.Row)).Value.Requeued;

    private async Task<int> CountOriginalsAsync()
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {SubmissionEntity.Row}");
        await foreach (var _ in Store.Submissions.QueryAsync<TableEntity>(filter, select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}
