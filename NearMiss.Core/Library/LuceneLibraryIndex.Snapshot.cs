using System.Collections.Frozen;
using Lucene.Net.Search;
using NearMiss.Core.Publishing;

namespace NearMiss.Core.Library;

/// <summary>The library index, the snapshot: the entries and facet ids one search reads, swapped whole when reports are added.</summary>
public sealed partial class LuceneLibraryIndex
{
    private Snapshot NewSnapshot(Entry[] entries, SearcherManager searchers) =>
        new(entries, searchers, _callTypeIds.ToFrozenDictionary(StringComparer.Ordinal), _factorIds.ToFrozenDictionary(StringComparer.Ordinal),
            _assignmentIds.ToFrozenDictionary(StringComparer.Ordinal), _monthIds.ToFrozenDictionary(StringComparer.Ordinal));

    private Entry ToEntry(PublishedReportEntity report, int ord)
    {
        var answers = ReadAnswers(report.Answers);
        string? One(string key) => answers.TryGetValue(key, out var v) && v.Length > 0 ? v[0] : null;
        var keys = answers
            .Where(a => a.Key is not "month")
            .SelectMany(a => a.Value.Select(v => a.Key + "=" + v))
            .Select(k => IdOf(_answerKeys, k))
            .Distinct()
            .Order()
            .ToArray();
        var callType = report.CallType ?? One("callType");
        var factors = answers.TryGetValue("factors", out var f) ? f : [];
        var assignment = One("assignment");
        var month = report.Month ?? "";
        return new Entry(
            ord,
            report.RowKey,
            report.Title,
            report.Summary,
            month,
            callType,
            factors,
            assignment,
            report.Urgent,
            keys,
            callType is null ? -1 : IdOf(_callTypeIds, callType),
            [.. factors.Select(v => IdOf(_factorIds, v))],
            assignment is null ? -1 : IdOf(_assignmentIds, assignment),
            IdOf(_monthIds, month));
    }

    /// <summary>What filtering, facets and ranking need of one report, kept in memory; filter values also as small integer ids.</summary>
    private sealed record Entry(
        int Ord,
        string Id,
        string Title,
        string Summary,
        string Month,
        string? CallType,
        string[] Factors,
        string? Assignment,
        bool Urgent,
        int[] AnswerKeys,
        int CallTypeId,
        int[] FactorIds,
        int AssignmentId,
        int MonthId);

    /// <summary>
    /// The entries a searcher is read with, and their filter values as columns indexed by ordinal (-1 when a report
    /// has none), with the value-to-id dictionaries as they were when the snapshot was taken. Never changed once
    /// published: an addition publishes a new snapshot.
    /// </summary>
    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([], null, FrozenDictionary<string, int>.Empty, FrozenDictionary<string, int>.Empty, FrozenDictionary<string, int>.Empty, FrozenDictionary<string, int>.Empty);

        public Snapshot(Entry[] entries, SearcherManager? searchers, FrozenDictionary<string, int> callTypeIds, FrozenDictionary<string, int> factorIds,
            FrozenDictionary<string, int> assignmentIds, FrozenDictionary<string, int> monthIds)
        {
            Entries = entries;
            Searchers = searchers;
            CallTypeIds = callTypeIds;
            FactorIds = factorIds;
            AssignmentIds = assignmentIds;
            CallType = new int[entries.Length];
            Factors = new int[entries.Length][];
            Assignment = new int[entries.Length];
            Month = new int[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                CallType[i] = entries[i].CallTypeId;
                Factors[i] = entries[i].FactorIds;
                Assignment[i] = entries[i].AssignmentId;
                Month[i] = entries[i].MonthId;
            }

            // Months compare as strings (ordinal); a month's rank in that order lets ranking compare integers.
            Months = new string[monthIds.Count];
            foreach (var (month, id) in monthIds)
            {
                Months[id] = month;
            }

            MonthRank = new int[Months.Length];
            var order = Enumerable.Range(0, Months.Length).OrderBy(id => Months[id], StringComparer.Ordinal).ToArray();
            for (var rank = 0; rank < order.Length; rank++)
            {
                MonthRank[order[rank]] = rank;
            }
        }

        public Entry[] Entries { get; }

        public SearcherManager? Searchers { get; }

        public FrozenDictionary<string, int> CallTypeIds { get; }

        public FrozenDictionary<string, int> FactorIds { get; }

        public FrozenDictionary<string, int> AssignmentIds { get; }

        public int[] CallType { get; }

        public int[][] Factors { get; }

        public int[] Assignment { get; }

        public int[] Month { get; }

        /// <summary>Month strings by id.</summary>
        public string[] Months { get; }

        /// <summary>By month id: its position when months are sorted ordinally.</summary>
        public int[] MonthRank { get; }
    }
}
