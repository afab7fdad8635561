using System.Text.RegularExpressions;

using Azure.Data.Tables;

using MimeKit;
using NearMiss.Core.Notifications;
using NearMiss.Core.Storage;
using NearMiss.Core.Trends;

namespace NearMiss.Core.Operations;

/// <summary>What storage holds for a set of accepted reports; see <see cref="IntakeCheck"/>.</summary>
public sealed record IntakeCheckResult
{
    /// <summary>Distinct report ids checked (one per accepted receipt).</summary>
    public int Reports { get; init; }

    /// <summary>Of those, reports with a review case.</summary>
    public int InReview { get; init; }

    /// <summary>Of those, reports whose original is stored without a case (not scanned, or not yet).</summary>
    public int WithoutCase { get; init; }

    /// <summary>Of those, reports of which nothing is stored.</summary>
    public int NothingStored { get; init; }

    /// <summary>Of those, reports whose reviewers' notification (<c>{id}:scan</c>) is logged as sent.</summary>
    public int Notified { get; init; }

    /// <summary>Number of checked reports by how many "received" trend markers they have (3 when fully counted).</summary>
    public IReadOnlyDictionary<int, int> ReportsByMarkers { get; init; } = new Dictionary<int, int>();

    /// <summary>Number of checked reports by how many case-ready e-mails name them; empty without a pickup directory.</summary>
    public IReadOnlyDictionary<int, int> ReportsByEmails { get; init; } = new Dictionary<int, int>();

    /// <summary>All of storage: the counter <c>n|total|all</c> summed over every <c>received-*</c> partition and shard.</summary>
    public long ReceivedCounter { get; init; }

    /// <summary>All of storage: "received" markers in the <c>received-*</c> partitions, one per report counted.</summary>
    public long ReceivedMarkers { get; init; }

    /// <summary>All of storage: the backlog's <c>received|*</c> counters, summed.</summary>
    public long BacklogCounter { get; init; }

    /// <summary>All of storage: "received" markers in the backlog partition.</summary>
    public long BacklogMarkers { get; init; }

    /// <summary>All of storage: pending markers (<c>x|</c> rows) left in the counter partitions.</summary>
    public int PendingMarkers { get; init; }

    /// <summary>All of storage: cases whose report is not among those checked (their sender got no receipt).</summary>
    public int CasesNotChecked { get; init; }

    /// <summary>All of storage: originals without a case, checked or not.</summary>
    public int OriginalsWithoutCase { get; init; }

    /// <summary>Approximate message counts of the queues and their poison queues.</summary>
    public IReadOnlyDictionary<string, int> Queues { get; init; } = new Dictionary<string, int>();

    /// <summary>Checked reports not in review.</summary>
    public int Lost => LostReportIds.Count;

    /// <summary>The report ids of <see cref="Lost"/>.</summary>
    public IReadOnlyList<string> LostReportIds { get; init; } = [];

    /// <summary>Trend counts beyond one per report: a report processed twice would show here.</summary>
    public long CountedTwice => Math.Max(0, ReceivedCounter - ReceivedMarkers) + Math.Max(0, BacklogCounter - BacklogMarkers);

    /// <summary>Checked reports whose reviewers were e-mailed more than once.</summary>
    public int EmailedTwice => ReportsByEmails.Where(r => r.Key > 1).Sum(r => r.Value);
}

/// <summary>
/// Checks what storage holds for reports that were accepted (by report id, from their receipts): a case, the
/// reviewers' notification, the trend markers, and, in the pickup directory, the case-ready e-mails. Cases,
/// notification log rows and markers are keyed by report, so a second processing of the same report lands on the
/// same row and cannot show in them; what would show it are the trend counters (a report counted twice makes the
/// counter exceed the markers, which are one per report) and the e-mails (one file per sending). For fault tests
/// and after incidents: it reads whole tables.
/// </summary>
public sealed partial class IntakeCheck(NearMissStore store)
{
    private const string ReceivedSuffix = "_received";

    public async Task<IntakeCheckResult> CheckAsync(IReadOnlyCollection<string> reportIds, string? pickupDirectory, CancellationToken cancellationToken)
    {
        var checkedIds = reportIds.ToHashSet(StringComparer.Ordinal);

        var originals = new HashSet<string>(StringComparer.Ordinal);
        var cases = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in store.Submissions.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            (row.RowKey == CaseEntity.Row ? cases : originals).Add(row.PartitionKey);
        }

        var scanKeys = checkedIds.Select(id => NotificationQueue.LogKey(id + ":scan")).ToHashSet(StringComparer.Ordinal);
        var notified = 0;
        var sent = TableClient.CreateQueryFilter($"Status eq {NotificationLogEntity.Sent}");
        await foreach (var row in store.NotificationLog.QueryAsync<TableEntity>(sent, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (scanKeys.Contains(row.PartitionKey))
            {
                notified++;
            }
        }

        var markers = new Dictionary<string, int>(StringComparer.Ordinal);
        long receivedMarkers = 0, backlogMarkers = 0;
        await foreach (var row in store.AggregateEvents.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (!row.RowKey.EndsWith(ReceivedSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var reportId = row.RowKey[..^ReceivedSuffix.Length];
            markers[reportId] = markers.GetValueOrDefault(reportId) + 1;
            if (row.PartitionKey.StartsWith(TrendRecorder.ReceivedPartition(""), StringComparison.Ordinal))
            {
                receivedMarkers++;
            }
            else if (row.PartitionKey == TrendRecorder.BacklogPartition)
            {
                backlogMarkers++;
            }
        }

        long receivedCounter = 0, backlogCounter = 0;
        var pendingMarkers = 0;
        var total = TrendCounters.CounterPrefix + $"{TrendRecorder.National}|{TrendRecorder.Total}|all|";
        var backlog = TrendCounters.CounterPrefix + "received|";
        await foreach (var row in store.Aggregates.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "Count"], cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(TrendCounters.MarkerPrefix, StringComparison.Ordinal))
            {
                pendingMarkers++;
            }
            else if (row.PartitionKey.StartsWith(TrendRecorder.ReceivedPartition(""), StringComparison.Ordinal) && row.RowKey.StartsWith(total, StringComparison.Ordinal))
            {
                receivedCounter += row.GetInt64("Count") ?? 0;
            }
            else if (row.PartitionKey == TrendRecorder.BacklogPartition && row.RowKey.StartsWith(backlog, StringComparison.Ordinal))
            {
                backlogCounter += row.GetInt64("Count") ?? 0;
            }
        }

        var emails = pickupDirectory is null ? null : CaseReadyEmails(pickupDirectory);
        var queues = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var queue in StorageNames.Queues.All.SelectMany(q => new[] { q, StorageNames.Queues.Poison(q) }))
        {
            var properties = await store.QueueService.GetQueueClient(queue).GetPropertiesAsync(cancellationToken);
            queues[queue] = properties.Value.ApproximateMessagesCount;
        }

        return new IntakeCheckResult
        {
            Reports = checkedIds.Count,
            InReview = checkedIds.Count(cases.Contains),
            LostReportIds = checkedIds.Where(id => !cases.Contains(id)).ToList(),
            WithoutCase = checkedIds.Count(id => originals.Contains(id) && !cases.Contains(id)),
            NothingStored = checkedIds.Count(id => !originals.Contains(id) && !cases.Contains(id)),
            Notified = notified,
            ReportsByMarkers = Histogram(checkedIds.Select(id => markers.GetValueOrDefault(id))),
            ReportsByEmails = emails is null ? new Dictionary<int, int>() : Histogram(checkedIds.Select(id => emails.GetValueOrDefault(id))),
            ReceivedCounter = receivedCounter,
            ReceivedMarkers = receivedMarkers,
            BacklogCounter = backlogCounter,
            BacklogMarkers = backlogMarkers,
            PendingMarkers = pendingMarkers,
            CasesNotChecked = cases.Count(id => !checkedIds.Contains(id)),
            OriginalsWithoutCase = originals.Count(id => !cases.Contains(id)),
            Queues = queues,
        };
    }

    /// <summary>Case-ready e-mails in the pickup directory, counted by the report id in their link.</summary>
    private static Dictionary<string, int> CaseReadyEmails(string directory)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return counts;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.eml"))
        {
            using var message = MimeMessage.Load(file);
            // The e-mail about a new report (and, from messages queued before causes existed, the plain case-ready one).
            if (message.Subject is not (Notifier.NewReportSubject or "A near-miss report is waiting for stage 1 review")
                || CaseLink().Match(message.TextBody ?? "") is not { Success: true } link)
            {
                continue;
            }

            var reportId = link.Groups[1].Value;
            counts[reportId] = counts.GetValueOrDefault(reportId) + 1;
        }

        return counts;
    }

    private static Dictionary<int, int> Histogram(IEnumerable<int> values) =>
        values.GroupBy(v => v).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    [GeneratedRegex("case\\.html#id=([0-9a-f]{32})")]
    private static partial Regex CaseLink();
}
