using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Core.Trends;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Trends;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class TrendCountsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // 2091-01-01 is a Monday: the fixture's reports arrive that day and close on known weekdays.
    private static readonly DateOnly January = new(2091, 1, 1);
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
        var recorder = _services.GetRequiredService<ITrendRecorder>();
        var reports = new List<Core.Reports.ReportOriginal>();
        reports.AddRange(Enumerable.Range(0, 7).Select(_ => TrendFixture.Report("2091-01-01", "traffic-stop", ["situational-awareness", "fatigue"], month: "2090-12")));
        reports.AddRange(Enumerable.Range(0, 3).Select(_ => TrendFixture.Report("2091-01-01", "domestic", ["situational-awareness"])));
        reports.Add(TrendFixture.Report("2091-01-01", "pursuit", ["situational-awareness", "backup-delayed"]));
        reports.AddRange(Enumerable.Range(0, 2).Select(_ => TrendFixture.Report("2090-12-04", "domestic", ["complacency"])));

        // Every call twice: a retried message must not count again.
        await TrendFixture.ReceiveAllAsync(recorder, reports.Concat(reports));
        (int Report, string Status, string ClosedOn)[] closings =
        [
            (0, ReportStatus.Published, "2091-01-03"), // 2 business days
            (1, ReportStatus.Published, "2091-01-08"), // 5
            (2, ReportStatus.Published, "2091-01-12"), // 9
            (3, ReportStatus.Published, "2091-01-15"), // 10
            (4, ReportStatus.Published, "2091-01-22"), // 15
            (7, ReportStatus.NotPublished, "2091-01-03"), // 2
            (8, ReportStatus.NotPublished, "2091-01-08"), // 5
        ];
        foreach (var (index, status, closedOn) in closings.Concat(closings))
        {
            await recorder.ClosedAsync(reports[index], TrendFixture.Closed(reports[index], status, closedOn), null, CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task<TrendSummaryReport> SummaryAsync(DateOnly from, DateOnly to) =>
        _services.GetRequiredService<TrendService>().SummaryAsync(from, to, CancellationToken.None);

    [Fact]
    public async Task Summary_KnownFixture_CountsExactlyOnceEach()
    {
        var summary = await SummaryAsync(January, January);

        Assert.Equal(("2091-01", "2091-01"), (summary.From, summary.To));
        Assert.Equal((11L, 5L, 2L), (summary.Totals.Received, summary.Totals.Published, summary.Totals.NotPublished));
        Assert.Equal([new("traffic-stop", 7), new("domestic", 3), new("pursuit", 1)], summary.ByCallType);
        Assert.Equal([new("situational-awareness", 11), new("fatigue", 7), new("backup-delayed", 1)], summary.ByFactor);
        Assert.Equal([new("Midwest", 11)], summary.ByRegion);
    }

    [Fact]
    public async Task Summary_ReviewDays_PercentilesFromBusinessDayBins()
    {
        var summary = await SummaryAsync(January, January);

        Assert.Equal((5, 15, 7L, 6L), (summary.ReviewDays.P50, summary.ReviewDays.P90, summary.ReviewDays.Closed, summary.ReviewDays.WithinPromise));
    }

    [Fact]
    public async Task Summary_PreviousPeriodAndBacklog()
    {
        var summary = await SummaryAsync(January, January);
        var december = await SummaryAsync(January.AddMonths(-1), January.AddMonths(-1));

        Assert.Equal(("2090-12", 2L), (summary.Previous.From, summary.Previous.Totals.Received));
        Assert.Equal((2L, 11L, 9L), (summary.Changes.Received.Previous, summary.Changes.Received.Current, summary.Changes.Received.Difference));
        Assert.Equal(11 - 7, summary.Totals.InReview - december.Totals.InReview);
        Assert.Equal(12, summary.Months.Count);
        Assert.Equal(("2091-01", 11L, 5L), (summary.Months[^1].Month, summary.Months[^1].Received, summary.Months[^1].Published));
    }

    [Fact]
    public async Task Summary_Json_HasTheContractFields()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(TrendText.ToJson(await SummaryAsync(January, January)))!;

        Assert.Equal("2091-01", (string?)json["from"]);
        Assert.Equal(11, (int)json["totals"]!["received"]!);
        Assert.NotNull(json["totals"]!["inReview"]);
        Assert.Equal("traffic-stop", (string?)json["byCallType"]![0]!["value"]);
        Assert.Equal(7, (int)json["byCallType"]![0]!["count"]!);
        Assert.Equal(11, (int)json["byFactor"]![0]!["count"]!);
        Assert.Equal((5, 15), ((int)json["reviewDays"]!["p50"]!, (int)json["reviewDays"]!["p90"]!));
    }

    [Fact]
    public async Task Csv_HasOneRowPerCell_WithTheIdAndTheFormsLabel()
    {
        var csv = TrendText.SummaryCsv(await SummaryAsync(January, January));

        Assert.StartsWith("table,value,count,label\r\n", csv);
        Assert.Contains("callType,traffic-stop,7,Traffic stop\r\n", csv);
        Assert.Contains("totals,received,11,received\r\n", csv);
    }

    [Fact]
    public async Task SummaryText_ShowsTheFormsLabels_NotIds()
    {
        var text = TrendText.Summary(await SummaryAsync(January, January));

        Assert.Contains("  Traffic stop ", text);
        Assert.DoesNotContain("traffic-stop", text);
    }
}
