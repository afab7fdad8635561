using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

using Azure.Data.Tables;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Cli.Admin;
using NearMiss.Core.Intake;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;
using NearMiss.Core.Trends;

namespace NearMiss.Cli.Trends;

/// <summary>
/// <c>nearmiss trends bench --reports N</c>: fills the counters of an empty store with N synthetic reports, written in
/// bulk as the recorder would leave them (counter rows, and one lasting event marker per report in <c>aggregateevents</c>; table transactions of 100),
/// then times the trend summary. Run it against a scratch Azurite only: it adds to whatever counters are there.
/// </summary>
public static class TrendsBench
{
    public static Command Create()
    {
        var reports = new Option<int>("--reports") { Description = "How many synthetic reports", Required = true };
        var months = new Option<int>("--months") { Description = "Over how many months, ending last month", DefaultValueFactory = _ => 24 };
        var runs = new Option<int>("--runs") { Description = "Timed summaries after one warm-up", DefaultValueFactory = _ => 5 };
        var markers = new Option<bool>("--no-markers") { Description = "Leave out the per-report event markers (to see what they cost)" };
        var command = new Command("bench", "Bulk-generate N reports' counters in a scratch store and time the trend summary.") { reports, months, runs, markers };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            var store = services.GetRequiredService<NearMissStore>();
            await store.EnsureCreatedAsync(cancellationToken);
            var now = DateTime.UtcNow;
            var last = new DateOnly(now.Year, now.Month, 1).AddMonths(-1);
            var first = last.AddMonths(1 - result.GetValue(months));

            var fill = Stopwatch.StartNew();
            var written = await FillAsync(store, services.GetRequiredService<TrendCounters>(), result.GetValue(reports), first, last, !result.GetValue(markers), cancellationToken);
            fill.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {result.GetValue(reports)} reports ({written} rows) in {fill.Elapsed.TotalSeconds:F1} s"));

            var trends = services.GetRequiredService<TrendService>();
            var summary = await trends.SummaryAsync(last, last, cancellationToken);
            var times = new List<double>();
            for (var i = 0; i < result.GetValue(runs); i++)
            {
                var watch = Stopwatch.StartNew();
                summary = await trends.SummaryAsync(last, last, cancellationToken);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"summary {TrendService.MonthName(last)} (12-month trend): median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms; received in period {summary.Totals.Received}, in review {summary.Totals.InReview}"));
            return 0;
        });
        return command;
    }

    private static async Task<long> FillAsync(NearMissStore store, TrendCounters counters, int reports, DateOnly first, DateOnly last, bool withMarkers, CancellationToken cancellationToken)
    {
        var random = new Random(6);
        var form = FormVersion1.Definition;
        var monthNames = TrendService.MonthsBetween(first, last);
        var partitions = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        var markers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string Pick(string question) => form.Questions.Single(q => q.Id == question).Options is var o ? o[random.Next(o.Count)].Value : "";
        void Add(string partition, string key)
        {
            var counts = partitions.TryGetValue(partition, out var c) ? c : partitions[partition] = new(StringComparer.Ordinal);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        string[] states = ["CA", "TX", "NY", "OH", "GA", "WA", "IL", "PA"];
        for (var i = 0; i < reports; i++)
        {
            var reportId = i.ToString("x32", CultureInfo.InvariantCulture);
            var month = monthNames[random.Next(monthNames.Count)];
            var answers = new Dictionary<string, string[]>
            {
                ["month"] = [month],
                ["callType"] = [Pick("callType")],
                ["assignment"] = [Pick("assignment")],
                ["lighting"] = [Pick("lighting")],
                ["agencyType"] = [Pick("agencyType")],
                ["state"] = [states[random.Next(states.Length)]],
                ["factors"] = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick("factors")).Distinct().ToArray(),
                ["weapons"] = [Pick("weapons")],
            };
            var received = TrendRecorder.ReceivedPartition(month);
            foreach (var (dimension, value) in TrendRecorder.Cells(answers))
            {
                Add(received, $"{TrendRecorder.National}|{dimension}|{value}");
                Add(TrendRecorder.IncidentPartition(month), $"{TrendRecorder.National}|{dimension}|{value}");
            }

            (markers.TryGetValue(received, out var m) ? m : markers[received] = []).Add(TrendCounters.Safe(reportId + "|received"));
            Add(TrendRecorder.BacklogPartition, "received|" + month);
            if (month != monthNames[^1] || random.Next(3) == 0)
            {
                var status = random.Next(5) == 0 ? ReportStatus.NotPublished : ReportStatus.Published;
                var closed = TrendRecorder.ClosedPartition(month);
                Add(closed, $"{TrendRecorder.National}|{TrendRecorder.Status}|{status}");
                Add(closed, $"{TrendRecorder.National}|{TrendRecorder.ReviewDays}|{random.Next(2, 16):000}");
                Add(TrendRecorder.BacklogPartition, "closed|" + month);
            }
        }

        long rows = 0;
        foreach (var (partition, counts) in partitions)
        {
            await counters.WriteAsync(partition, counts, cancellationToken);
            rows += counts.Count;
        }

        var batches = markers.Where(_ => withMarkers).SelectMany(p => p.Value.Chunk(100).Select(chunk => (p.Key, chunk)));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            await store.AggregateEvents.SubmitTransactionAsync(
                batch.chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(batch.Key, row))), ct);
            Interlocked.Add(ref rows, batch.chunk.Length);
        });
        return rows;
    }
}
