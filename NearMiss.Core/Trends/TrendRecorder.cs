using System.Globalization;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;

namespace NearMiss.Core.Trends;


/// <summary>The partitions and keys of the trend counters; see <see cref="TrendCounters"/>.</summary>
public sealed class TrendRecorder(TrendCounters counters) : ITrendRecorder
{
    public const string National = "n";
    public const string Total = "total";
    public const string Status = "status";
    public const string ReviewDays = "reviewDays";
    public const string Urgent = "urgent";
    public const string BacklogPartition = "backlog";

    /// <summary>Review times of this many business days or more share the last bin.</summary>
    public const int MaxReviewDaysBin = 99;

    /// <summary>The answers counted, by the dimension name used in keys and in the JSON.</summary>
    public static readonly IReadOnlyList<(string Dimension, string Question)> Dimensions =
    [
        ("callType", "callType"),
        ("factor", "factors"),
        ("assignment", "assignment"),
        ("lighting", "lighting"),
        ("weapon", "weapons"),
        ("region", AnswerCoarsening.RegionQuestion),
        ("agencyType", "agencyType"),
    ];

    public static string ReceivedPartition(string month) => "received-" + month;

    public static string IncidentPartition(string month) => "incident-" + month;

    public static string ClosedPartition(string month) => "closed-" + month;

    public static string Agency(string code) => "a:" + TrendCounters.Safe(code.Trim().ToUpperInvariant());

    public async Task ReceivedAsync(ReportOriginal original, CancellationToken cancellationToken)
    {
        var reportId = original.Id.Value;
        var receivedMonth = Month(original.ReceivedOn);
        var answers = original.Answers;
        var cells = Cells(answers).ToList();

        var received = Keys(National, cells).ToList();
        if (!string.IsNullOrWhiteSpace(original.AgencyCode))
        {
            received.AddRange(Keys(Agency(original.AgencyCode), cells));
        }

        var eventId = reportId + "|received";
        await counters.ApplyOnceAsync(ReceivedPartition(receivedMonth), eventId, reportId, received, cancellationToken);
        if (answers.TryGetValue("month", out var month) && month.Length == 1 && IsMonth(month[0]))
        {
            await counters.ApplyOnceAsync(IncidentPartition(month[0]), eventId, reportId, Keys(National, cells).ToList(), cancellationToken);
        }

        await counters.ApplyOnceAsync(BacklogPartition, eventId, reportId, ["received|" + receivedMonth], cancellationToken);
    }

    public async Task ClosedAsync(ReportOriginal original, ReviewCase closed, string? urgentPublishedId, CancellationToken cancellationToken)
    {
        var reportId = original.Id.Value;
        var closedMonth = Month(closed.ClosedOn ?? "");
        var days = Math.Min(MaxReviewDaysBin, ReminderService.BusinessDaysBetween(Day(original.ReceivedOn), Day(closed.ClosedOn ?? "")));
        var keys = new List<string>
        {
            $"{National}|{Status}|{closed.Status}",
            $"{National}|{ReviewDays}|{days.ToString("000", CultureInfo.InvariantCulture)}",
        };
        if (urgentPublishedId is not null)
        {
            keys.Add($"{National}|{Urgent}|{TrendCounters.Safe(urgentPublishedId)}");
        }

        if (!string.IsNullOrWhiteSpace(original.AgencyCode))
        {
            keys.Add($"{Agency(original.AgencyCode)}|{Status}|{closed.Status}");
        }

        var eventId = reportId + "|closed";
        await counters.ApplyOnceAsync(ClosedPartition(closedMonth), eventId, reportId, keys, cancellationToken);
        await counters.ApplyOnceAsync(BacklogPartition, eventId, reportId, ["closed|" + closedMonth], cancellationToken);
    }

    public async Task ForgetAsync(ReportOriginal? original, ReviewCase closed, CancellationToken cancellationToken)
    {
        var reportId = closed.Id.Value;
        var markers = new List<(string Partition, string EventId)>
        {
            (BacklogPartition, reportId + "|received"),
            (BacklogPartition, reportId + "|closed"),
        };
        if (closed.ClosedOn is { } closedOn)
        {
            markers.Add((ClosedPartition(Month(closedOn)), reportId + "|closed"));
        }

        if (original is not null)
        {
            markers.Add((ReceivedPartition(Month(original.ReceivedOn)), reportId + "|received"));
            if (original.Answers.TryGetValue("month", out var month) && month.Length == 1 && IsMonth(month[0]))
            {
                markers.Add((IncidentPartition(month[0]), reportId + "|received"));
            }
        }

        foreach (var (partition, eventId) in markers)
        {
            await counters.ForgetAsync(partition, eventId, cancellationToken);
        }
    }

    /// <summary>(dimension, value) pairs a report counts in, the total first.</summary>
    public static IEnumerable<(string Dimension, string Value)> Cells(IReadOnlyDictionary<string, string[]> answers)
    {
        yield return (Total, "all");
        foreach (var (dimension, question) in Dimensions)
        {
            if (question == AnswerCoarsening.RegionQuestion)
            {
                if (answers.TryGetValue("state", out var state) && state.Length == 1 && AnswerCoarsening.RegionOf(state[0]) is { } region)
                {
                    yield return (dimension, region);
                }

                continue;
            }

            foreach (var value in answers.GetValueOrDefault(question) ?? [])
            {
                yield return (dimension, TrendCounters.Safe(value));
            }
        }
    }

    private static IEnumerable<string> Keys(string scope, IEnumerable<(string Dimension, string Value)> cells) =>
        cells.Select(c => $"{scope}|{c.Dimension}|{c.Value}");

    private static bool IsMonth(string value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Month(string day) => day.Length >= 7 && IsMonth(day[..7]) ? day[..7] : throw new FormatException("Not a yyyy-MM-dd day.");

    private static DateOnly Day(string day) => DateOnly.ParseExact(day[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
