using System.Globalization;

using Microsoft.Extensions.Options;

using NearMiss.Core.Publishing;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Trends;

/// <summary>Trend options (section <c>NearMiss:Trends</c>).</summary>
public sealed class TrendOptions
{
    public const string Section = "NearMiss:Trends";

    /// <summary>Cells under this count are suppressed in whatever leaves the staff.</summary>
    [System.ComponentModel.DataAnnotations.Range(2, 1000)]
    public int Threshold { get; set; } = Suppression.DefaultThreshold;
}

/// <summary>
/// Computes trend summaries and agency analyses from the counters only: a period of N months reads the
/// counter rows of about N + 12 month partitions and the backlog partition, whatever the number of reports.
/// </summary>
public sealed class TrendService(TrendCounters counters, NearMissStore store, IOptions<TrendOptions> options, TimeProvider time)
{
    /// <summary>The review-time promise: 5 to 10 business days.</summary>
    public const int PromiseBusinessDays = 10;

    public int Threshold => options.Value.Threshold;

    public string ThisMonth => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The first month a period may start or end in: no report can be older than the form's earliest month.</summary>
    public static readonly DateOnly EarliestMonth = new(2000, 1, 1);

    /// <summary>The last month a period may start or end in; well away from the end of the calendar, where date arithmetic fails.</summary>
    public static readonly DateOnly LatestMonth = new(2999, 12, 1);

    /// <summary>A month <c>YYYY-MM</c> from <see cref="EarliestMonth"/> to <see cref="LatestMonth"/>.</summary>
    public static bool TryParseMonth(string? value, out DateOnly month) =>
        DateOnly.TryParseExact((value ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
        && month >= EarliestMonth && month <= LatestMonth;

    public static string MonthName(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = new List<string>();
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            months.Add(MonthName(m));
        }

        return months;
    }

    public async Task<TrendSummaryReport> SummaryAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var length = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
        var previousTo = from.AddMonths(-1);
        var previousFrom = from.AddMonths(-length);
        var period = MonthsBetween(from, to);
        var previous = MonthsBetween(previousFrom, previousTo);
        var trend = MonthsBetween(to.AddMonths(-11), to);

        var receivedMonths = period.Concat(previous).Concat(trend).Distinct().ToList();
        var closedMonths = period.Concat(previous).Concat(trend).Distinct().ToList();
        var receivedTask = ReadMonthsAsync(receivedMonths, TrendRecorder.ReceivedPartition, TrendRecorder.National + "|", cancellationToken);
        var closedTask = ReadMonthsAsync(closedMonths, TrendRecorder.ClosedPartition, TrendRecorder.National + "|", cancellationToken);
        var backlogTask = counters.ReadAsync(TrendRecorder.BacklogPartition, "", cancellationToken);
        await Task.WhenAll(receivedTask, closedTask, backlogTask);
        var received = receivedTask.Result;
        var closed = closedTask.Result;

        var current = Sum(received, closed, period, TrendRecorder.National);
        var before = Sum(received, closed, previous, TrendRecorder.National);
        var totals = current.Totals with { InReview = Backlog(backlogTask.Result, MonthName(to)) };
        var previousTotals = before.Totals with { InReview = Backlog(backlogTask.Result, MonthName(previousTo)) };

        var months = trend.Select(m =>
        {
            var one = Sum(received, closed, [m], TrendRecorder.National);
            return new MonthFigures(m, one.Totals.Received, one.Totals.Published, Top(one.Dimension("factor"), 5), Top(one.Dimension("callType"), 5));
        }).ToList();

        var urgent = await UrgentAsync(current.Urgent, cancellationToken);
        return new TrendSummaryReport(
            MonthName(from),
            MonthName(to),
            totals,
            current.Dimension("callType"),
            current.Dimension("factor"),
            current.Dimension("assignment"),
            current.Dimension("lighting"),
            current.Dimension("weapon"),
            current.Dimension("region"),
            Percentiles(current.ReviewDays),
            new PreviousPeriod(MonthName(previousFrom), MonthName(previousTo), previousTotals, before.Dimension("callType"), before.Dimension("factor")),
            new Changes(
                Compare(previousTotals.Received, totals.Received),
                Compare(previousTotals.Published, totals.Published),
                Compare(before.Dimension("callType"), current.Dimension("callType")),
                Compare(before.Dimension("factor"), current.Dimension("factor"))),
            months,
            urgent);
    }

    /// <summary>An agency's figures for the period beside the national ones, suppressed with <see cref="Threshold"/>.</summary>
    public async Task<AgencyAnalysisReport> AgencyAsync(string agencyCode, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var scope = TrendRecorder.Agency(agencyCode);
        var months = MonthsBetween(from, to);
        var receivedTask = ReadMonthsAsync(months, TrendRecorder.ReceivedPartition, "", cancellationToken);
        var closedTask = ReadMonthsAsync(months, TrendRecorder.ClosedPartition, "", cancellationToken);
        await Task.WhenAll(receivedTask, closedTask);
        var agency = Sum(receivedTask.Result, closedTask.Result, months, scope);
        var national = Sum(receivedTask.Result, closedTask.Result, months, TrendRecorder.National);
        var threshold = Threshold;
        var nationalTotals = new AgencyTotals(Suppression.Total(national.Totals.Received, threshold), Suppression.Total(national.Totals.Published, threshold));
        var nationalTables = Tables(national, threshold);
        var code = agencyCode.Trim().ToUpperInvariant();
        if (agency.Totals.Received < threshold)
        {
            var notice = $"Fewer than {threshold} reports from agency {code} arrived from {MonthName(from)} to {MonthName(to)}: "
                + "too few to show any figure without pointing at an officer. The national figures follow.";
            return new AgencyAnalysisReport(code, MonthName(from), MonthName(to), threshold, notice, null, [], nationalTotals, nationalTables);
        }

        return new AgencyAnalysisReport(
            code,
            MonthName(from),
            MonthName(to),
            threshold,
            null,
            new AgencyTotals(agency.Totals.Received, Suppression.Total(agency.Totals.Published, threshold)),
            Tables(agency, threshold),
            nationalTotals,
            nationalTables);
    }

    private static List<SuppressedTable> Tables(PeriodSums sums, int threshold) =>
        TrendRecorder.Dimensions
            .Select(d => new SuppressedTable(d.Dimension, Suppression.Apply(sums.Dimension(d.Dimension).Select(c => (c.Value, c.Count)), threshold)))
            .ToList();

    private async Task<Dictionary<string, Dictionary<string, long>>> ReadMonthsAsync(
        IReadOnlyList<string> months, Func<string, string> partition, string prefix, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(months.Select(m => counters.ReadAsync(partition(m), prefix, cancellationToken)));
        return months.Select((m, i) => (m, reads[i])).ToDictionary(x => x.m, x => x.Item2, StringComparer.Ordinal);
    }

    private static PeriodSums Sum(
        Dictionary<string, Dictionary<string, long>> received, Dictionary<string, Dictionary<string, long>> closed, IEnumerable<string> months, string scope)
    {
        var sums = new PeriodSums();
        var prefix = scope + "|";
        foreach (var month in months)
        {
            foreach (var (key, count) in received.GetValueOrDefault(month) ?? [])
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    Add(sums.Received, key[prefix.Length..], count);
                }
            }

            foreach (var (key, count) in closed.GetValueOrDefault(month) ?? [])
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    Add(sums.Closed, key[prefix.Length..], count);
                }
            }
        }

        return sums;
    }

    private static void Add(Dictionary<string, long> into, string key, long count) => into[key] = into.GetValueOrDefault(key) + count;

    private static long Backlog(Dictionary<string, long> backlog, string upTo)
    {
        long total = 0;
        foreach (var (key, count) in backlog)
        {
            var separator = key.IndexOf('|', StringComparison.Ordinal);
            if (separator < 0 || string.CompareOrdinal(key[(separator + 1)..], upTo) > 0)
            {
                continue;
            }

            total += key[..separator] switch
            {
                "received" => count,
                "closed" => -count,
                _ => 0,
            };
        }

        return total;
    }

    private async Task<List<UrgentHazard>> UrgentAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var hazards = new List<UrgentHazard>();
        foreach (var id in ids.Take(20))
        {
            var published = await store.Published.GetEntityIfExistsAsync<PublishedReportEntity>(
                PublishedReportEntity.Partition, id, ["RowKey", "Title", "PublishedMonth"], cancellationToken);
            if (published.HasValue)
            {
                hazards.Add(new UrgentHazard(id, published.Value!.Title, published.Value.PublishedMonth));
            }
        }

        return hazards;
    }

    /// <summary>The 50th and 90th percentiles from the day bins: the smallest day count reached by that share of closed cases.</summary>
    public static ReviewDays Percentiles(IReadOnlyDictionary<int, long> bins)
    {
        var closed = bins.Values.Sum();
        var within = bins.Where(b => b.Key <= PromiseBusinessDays).Sum(b => b.Value);
        var list = bins.OrderBy(b => b.Key).Select(b => new DayCount(b.Key, b.Value)).ToList();
        return closed == 0
            ? new ReviewDays(null, null, 0, 0, list)
            : new ReviewDays(Percentile(bins, closed, 0.5), Percentile(bins, closed, 0.9), closed, within, list);
    }

    private static int Percentile(IReadOnlyDictionary<int, long> bins, long total, double share)
    {
        var rank = (long)Math.Ceiling(share * total);
        long seen = 0;
        foreach (var (days, count) in bins.OrderBy(b => b.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return days;
            }
        }

        return bins.Keys.Max();
    }

    private static Change Compare(long previous, long current) =>
        new(previous, current, current - previous, previous == 0 ? null : Math.Round(100.0 * (current - previous) / previous, 1));

    private static List<NamedChange> Compare(IReadOnlyList<ValueCount> previous, IReadOnlyList<ValueCount> current)
    {
        var before = previous.ToDictionary(c => c.Value, c => c.Count, StringComparer.Ordinal);
        var now = current.ToDictionary(c => c.Value, c => c.Count, StringComparer.Ordinal);
        return before.Keys.Union(now.Keys)
            .Select(v => new NamedChange(v, Compare(before.GetValueOrDefault(v), now.GetValueOrDefault(v))))
            .OrderByDescending(c => Math.Abs(c.Change.Difference))
            .ThenBy(c => c.Value, StringComparer.Ordinal)
            .ToList();
    }

    private static List<ValueCount> Top(IReadOnlyList<ValueCount> counts, int n) => counts.Take(n).ToList();

    private sealed class PeriodSums
    {
        public Dictionary<string, long> Received { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Closed { get; } = new(StringComparer.Ordinal);

        public Totals Totals => new(
            Received.GetValueOrDefault($"{TrendRecorder.Total}|all"),
            Closed.GetValueOrDefault($"{TrendRecorder.Status}|{ReportStatus.Published}"),
            0,
            Closed.GetValueOrDefault($"{TrendRecorder.Status}|{ReportStatus.NotPublished}"));

        public Dictionary<int, long> ReviewDays => Closed
            .Where(c => c.Key.StartsWith(TrendRecorder.ReviewDays + "|", StringComparison.Ordinal))
            .ToDictionary(c => int.Parse(c.Key[(TrendRecorder.ReviewDays.Length + 1)..], CultureInfo.InvariantCulture), c => c.Value);

        public IEnumerable<string> Urgent => Closed
            .Where(c => c.Key.StartsWith(TrendRecorder.Urgent + "|", StringComparison.Ordinal))
            .Select(c => c.Key[(TrendRecorder.Urgent.Length + 1)..]);

        public List<ValueCount> Dimension(string dimension) => Received
            .Where(c => c.Key.StartsWith(dimension + "|", StringComparison.Ordinal))
            .Select(c => new ValueCount(c.Key[(dimension.Length + 1)..], c.Value))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Value, StringComparer.Ordinal)
            .ToList();
    }
}
