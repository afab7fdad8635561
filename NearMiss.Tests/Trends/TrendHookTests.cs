using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using NearMiss.Core.Review;
using NearMiss.Core.Trends;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;

namespace NearMiss.Tests.Trends;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class TrendHookTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2094, 2, 10, 12, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await azurite.ClearQueuesAsync();
        _services = azurite.CreateServices(s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task IntakeThenCaseOpeningTwice_CountsTheReportOnce()
    {
        var counters = _services.GetRequiredService<TrendCounters>();
        var before = (await counters.ReadAsync(TrendRecorder.ReceivedPartition("2094-02"), "n|total|", CancellationToken.None)).GetValueOrDefault("n|total|all");

        var (_, reportId) = await Reports.StoreAsync(_services, Reports.Valid());
        var opening = _services.GetRequiredService<CaseOpening>();
        await opening.OpenAsync(reportId, CancellationToken.None);
        await opening.OpenAsync(reportId, CancellationToken.None);

        var after = await counters.ReadAsync(TrendRecorder.ReceivedPartition("2094-02"), "n|", CancellationToken.None);
        Assert.Equal(before + 1, after["n|total|all"]);
        Assert.True((await counters.ReadAsync(TrendRecorder.IncidentPartition("2026-03"), "n|callType|traffic-stop", CancellationToken.None)).Count > 0);
    }
}
