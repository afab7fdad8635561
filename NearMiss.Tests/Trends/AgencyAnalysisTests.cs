using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Review;
using NearMiss.Core.Trends;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Trends;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class AgencyAnalysisTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly March = new(2092, 3, 1);
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static bool _seeded;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = azurite.CreateServices();
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
        var reports = new List<Core.Reports.ReportOriginal>();
        // Agency BIG: 14 reports, call types 9 / 4 / 1, lighting 8 / 6.
        reports.AddRange(Enumerable.Range(0, 9).Select(i => TrendFixture.Report("2092-03-02", "traffic-stop", ["fatigue"], "big", lighting: i < 8 ? "daylight" : "dark-unlit")));
        reports.AddRange(Enumerable.Range(0, 4).Select(_ => TrendFixture.Report("2092-03-02", "domestic", ["fatigue"], "BIG", lighting: "dark-unlit")));
        reports.Add(TrendFixture.Report("2092-03-02", "pursuit", ["tactics"], "BIG", lighting: "dark-unlit"));
        // Agency SMALL: 3 reports.
        reports.AddRange(Enumerable.Range(0, 3).Select(_ => TrendFixture.Report("2092-03-09", "traffic-stop", ["fatigue"], "SMALL")));
        // Others without an agency code.
        reports.AddRange(Enumerable.Range(0, 12).Select(_ => TrendFixture.Report("2092-03-09", "welfare-check", ["complacency"])));
        await TrendFixture.ReceiveAllAsync(_services.GetRequiredService<ITrendRecorder>(), reports);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task<AgencyAnalysisReport> AnalysisAsync(string code) =>
        _services.GetRequiredService<TrendService>().AgencyAsync(code, March, March, CancellationToken.None);

    [Fact]
    public async Task Agency_ShowsItsTotalAndNoCellUnderThreshold()
    {
        var analysis = await AnalysisAsync("big");

        Assert.Null(analysis.Notice);
        Assert.Equal(14, analysis.Totals!.Received);
        foreach (var table in analysis.Tables.Concat(analysis.National))
        {
            Assert.DoesNotContain(table.Cells ?? [], c => c.Count is < Suppression.DefaultThreshold);
        }

        var callTypes = analysis.Tables.Single(t => t.Dimension == "callType").Cells!;
        Assert.Equal([new Cell("traffic-stop", 9), new Cell("domestic", null), new Cell("pursuit", null)], callTypes);
    }

    [Fact]
    public async Task Agency_NoSuppressedCellRecoverableByTakingVisibleCellsFromTheTotal()
    {
        var analysis = await AnalysisAsync("BIG");

        // Call type is required: its cells add up to the published total exactly.
        var callTypes = analysis.Tables.Single(t => t.Dimension == "callType").Cells!;
        Assert.Empty(SuppressionTests.Recoverable(callTypes, analysis.Totals!.Received!.Value));
        var national = analysis.National.Single(t => t.Dimension == "callType").Cells!;
        Assert.Empty(SuppressionTests.Recoverable(national, analysis.NationalTotals.Received!.Value));
    }

    [Fact]
    public async Task Agency_WithFewerReportsThanThreshold_GetsANoticeAndNoFigures()
    {
        var analysis = await AnalysisAsync("SMALL");

        Assert.NotNull(analysis.Notice);
        Assert.Null(analysis.Totals);
        Assert.Empty(analysis.Tables);
    }

    [Fact]
    public async Task AgencyCsv_WritesSuppressedCellsAsSuppressed()
    {
        var csv = TrendText.AgencyCsv(await AnalysisAsync("BIG"));

        Assert.Contains("BIG,callType,traffic-stop,9,Traffic stop\r\n", csv);
        Assert.Contains("BIG,callType,pursuit,suppressed,Vehicle pursuit\r\n", csv);
        Assert.DoesNotContain("BIG,callType,pursuit,1", csv);
    }
}
