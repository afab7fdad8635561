using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;

using Azure.Data.Tables;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;

using Microsoft.Extensions.Logging;

using NearMiss.Core.Intake;
using NearMiss.Core.Publishing;
using NearMiss.Core.Storage;

using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NearMiss.Core.Library;

/// <summary>
/// The library index, in process: Lucene.Net (English analysis, BM25-like TF-IDF ranking, highlighting,
/// more-like-this) for the text, and a compact in-memory table of every report's filter values, as small integer
/// ids in arrays indexed by the report's ordinal, for exact filtering and facet counts. Built from table <c>published</c> on first use (the hosted
/// <see cref="LibraryIndexHost"/> does it at start-up), told of each publication
/// (<see cref="IPublicationListener"/>), and caught up from storage periodically, so every instance converges.
/// </summary>
public sealed partial class LuceneLibraryIndex : ILibrarySearch, IPublicationListener, IDisposable
{
    public const string CallTypeFacet = "callType";
    public const string FactorFacet = "factor";
    public const string AssignmentFacet = "assignment";

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string OrdField = "ord";
    private const char MatchStart = '\uE000';
    private const char MatchEnd = '\uE001';

    /// <summary>How many of the best more-like-this matches a similar-reports answer takes its text scores from.</summary>
    private const int SimilarTextCandidates = 50;

    private static readonly string[] TextFields = ["title", "summary", "narrative", "lessons"];
    private static readonly Dictionary<string, float> Boosts = new() { ["title"] = 3f, ["summary"] = 2f, ["narrative"] = 1f, ["lessons"] = 1.5f };
    private static readonly string[] HighlightFields = ["summary", "lessons", "narrative"];

    private readonly NearMissStore _store;
    private readonly ILogger<LuceneLibraryIndex> _logger;
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly Dictionary<string, int> _answerKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _callTypeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _factorIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _assignmentIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _monthIds = new(StringComparer.Ordinal);

    private LuceneDirectory _directory = new RAMDirectory();
    private IndexWriter? _writer;
    private Snapshot _snapshot = Snapshot.Empty;
    private ConcurrentDictionary<string, int> _byId = new(StringComparer.Ordinal);
    private DateTimeOffset _newestSeen = DateTimeOffset.MinValue;
    private Task<int>? _built;

    public LuceneLibraryIndex(NearMissStore store, ILogger<LuceneLibraryIndex> logger)
    {
        _store = store;
        _logger = logger;
    }

    /// <summary>Reports in the index.</summary>
    public int Count => Volatile.Read(ref _snapshot).Entries.Length;

    /// <summary>Builds the index once, the first time anything needs it; later calls wait for that build.</summary>
    public Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        lock (_answerKeys)
        {
            if (_built is null || _built.IsFaulted || _built.IsCanceled)
            {
                _built = RebuildAsync(CancellationToken.None);
            }

            return _built.WaitAsync(cancellationToken);
        }
    }

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await _write.WaitAsync(cancellationToken);
        try
        {
            var directory = new RAMDirectory();
            var writer = new IndexWriter(directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 });
            var entries = new List<Entry>();
            var byId = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var newest = DateTimeOffset.MinValue;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PublishedReportEntity.Partition}");
            await foreach (var report in _store.Published.QueryAsync<PublishedReportEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                if (byId.ContainsKey(report.RowKey))
                {
                    continue;
                }

                var entry = ToEntry(report, entries.Count);
                byId[entry.Id] = entry.Ord;
                entries.Add(entry);
                writer.AddDocument(ToDocument(report, entry.Ord));
                if (report.Timestamp > newest)
                {
                    newest = report.Timestamp.Value;
                }
            }

            writer.Commit();
            var searchers = new SearcherManager(writer, true, null);

            var (oldWriter, oldSearchers, oldDirectory) = (_writer, _snapshot.Searchers, _directory);
            Volatile.Write(ref _snapshot, NewSnapshot(entries.ToArray(), searchers));
            _byId = byId;
            _writer = writer;
            _directory = directory;
            _newestSeen = newest;

            oldSearchers?.Dispose();
            oldWriter?.Dispose();
            oldDirectory.Dispose();
            LogRebuilt(_logger, entries.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return entries.Count;
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Adds the report that has just been published; a failure only delays it until the next catch-up.</summary>
    public async Task PublishedAsync(string publishedId, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureBuiltAsync(cancellationToken);
            var found = await _store.Published.GetEntityIfExistsAsync<PublishedReportEntity>(PublishedReportEntity.Partition, publishedId, cancellationToken: cancellationToken);
            if (found.HasValue)
            {
                await AddAsync([found.Value!], cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAddFailed(_logger, e.GetType().Name);
        }
    }

    /// <summary>Adds whatever was published since the newest report the index has seen (another instance's publications).</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await EnsureBuiltAsync(cancellationToken);
        var since = _newestSeen == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : _newestSeen - TimeSpan.FromMinutes(5);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PublishedReportEntity.Partition} and Timestamp ge {since}");
        var reports = new List<PublishedReportEntity>();
        await foreach (var report in _store.Published.QueryAsync<PublishedReportEntity>(filter, cancellationToken: cancellationToken))
        {
            reports.Add(report);
        }

        return await AddAsync(reports, cancellationToken);
    }

    private async Task<int> AddAsync(IReadOnlyList<PublishedReportEntity> reports, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            var snapshot = Volatile.Read(ref _snapshot);
            var entries = snapshot.Entries;
            var added = reports.Where(r => !_byId.ContainsKey(r.RowKey)).DistinctBy(r => r.RowKey).ToList();
            foreach (var report in reports)
            {
                if (report.Timestamp > _newestSeen)
                {
                    _newestSeen = report.Timestamp.Value;
                }
            }

            if (added.Count == 0)
            {
                return 0;
            }

            var grown = new Entry[entries.Length + added.Count];
            entries.CopyTo(grown, 0);
            for (var i = 0; i < added.Count; i++)
            {
                var entry = ToEntry(added[i], entries.Length + i);
                grown[entry.Ord] = entry;
                _byId[entry.Id] = entry.Ord;
                _writer!.AddDocument(ToDocument(added[i], entry.Ord));
            }

            // The entries first: a searcher that sees a new document always finds its entry.
            Volatile.Write(ref _snapshot, NewSnapshot(grown, snapshot.Searchers!));
            _writer!.Commit();
            snapshot.Searchers!.MaybeRefreshBlocking();
            return added.Count;
        }
        finally
        {
            _write.Release();
        }
    }

    public async Task<LibraryPage> SearchAsync(LibraryQuery query, CancellationToken cancellationToken)
    {
        await EnsureBuiltAsync(cancellationToken);
        var snapshot = Volatile.Read(ref _snapshot);
        var searcher = snapshot.Searchers!.Acquire();
        try
        {
            var size = snapshot.Entries.Length;
            Query? text = string.IsNullOrWhiteSpace(query.Text) ? null : ParseText(query.Text);
            HitCollector? hits = null;
            if (text is not null)
            {
                hits = new HitCollector();
                searcher.Search(text, hits);
            }

            var callTypes = Selection(snapshot.CallTypeIds, query.CallTypes);
            var factors = Selection(snapshot.FactorIds, query.Factors);
            var assignments = Selection(snapshot.AssignmentIds, query.Assignments);
            var months = MonthSelection(snapshot, query.From, query.To);
            var callTypeCounts = new int[snapshot.CallTypeIds.Count];
            var factorCounts = new int[snapshot.FactorIds.Count];
            var assignmentCounts = new int[snapshot.AssignmentIds.Count];
            var page = Math.Max(1, query.Page);
            var top = new TopHits(snapshot, page * LibraryQuery.PageSize, ranked: hits is not null);
            var total = 0;

            var candidates = hits?.Count ?? size;
            for (var i = 0; i < candidates; i++)
            {
                var ord = hits is null ? i : hits.Ords[i];
                if (ord >= size || (months is not null && !months[snapshot.Month[ord]]))
                {
                    continue; // a document newer than this snapshot's entries, or outside the months
                }

                var callType = snapshot.CallType[ord];
                var assignment = snapshot.Assignment[ord];
                var entryFactors = snapshot.Factors[ord];
                var callTypeOk = callTypes is null || (callType >= 0 && callTypes[callType]);
                var factorOk = factors is null || AnySelected(entryFactors, factors);
                var assignmentOk = assignments is null || (assignment >= 0 && assignments[assignment]);

                // Each filter's counts leave out its own selection, so its other values show what choosing them would add.
                if (factorOk && assignmentOk && callType >= 0)
                {
                    callTypeCounts[callType]++;
                }

                if (callTypeOk && assignmentOk)
                {
                    foreach (var factor in entryFactors)
                    {
                        factorCounts[factor]++;
                    }
                }

                if (callTypeOk && factorOk && assignment >= 0)
                {
                    assignmentCounts[assignment]++;
                }

                if (callTypeOk && factorOk && assignmentOk)
                {
                    total++;
                    top.Offer(new Hit(ord, hits is null ? -1 : hits.Docs[i], hits is null ? 0f : hits.Scores[i]));
                }
            }

            var items = top.Best()
                .Skip((page - 1) * LibraryQuery.PageSize)
                .Select(h => ToItem(snapshot.Entries[h.Ord], text is null ? [] : Highlights(searcher, text, h.Doc)))
                .ToList();

            return new LibraryPage(items, total, page, LibraryQuery.PageSize, new Dictionary<string, IReadOnlyList<FacetCount>>
            {
                [CallTypeFacet] = Facet("callType", snapshot.CallTypeIds, callTypeCounts),
                [FactorFacet] = Facet("factors", snapshot.FactorIds, factorCounts),
                [AssignmentFacet] = Facet("assignment", snapshot.AssignmentIds, assignmentCounts),
            });
        }
        finally
        {
            snapshot.Searchers.Release(searcher);
        }
    }

    public async Task<IReadOnlyList<LibraryItem>> SimilarAsync(string id, int count, CancellationToken cancellationToken)
    {
        await EnsureBuiltAsync(cancellationToken);
        var snapshot = Volatile.Read(ref _snapshot);
        var entries = snapshot.Entries;
        if (count <= 0 || !_byId.TryGetValue(id, out var ord) || ord >= entries.Length || entries[ord].Id != id)
        {
            return [];
        }

        var source = entries[ord];
        var searcher = snapshot.Searchers!.Acquire();
        try
        {
            // Text similarity: more-like-this over the report's own words; its best candidates only, normalised to the best match.
            var textScores = new Dictionary<int, float>();
            var sourceDoc = searcher.Search(new TermQuery(new Term(IdField, id)), 1).ScoreDocs.FirstOrDefault();
            if (sourceDoc is not null)
            {
                var like = new MoreLikeThis(searcher.IndexReader)
                {
                    Analyzer = _analyzer,
                    FieldNames = ["title", "summary", "narrative", "lessons"],
                    MinTermFreq = 1,
                    MinDocFreq = 1,
                    MaxQueryTerms = 25,
                };
                var found = searcher.Search(like.Like(sourceDoc.Doc), SimilarTextCandidates + 1).ScoreDocs.Where(d => d.Doc != sourceDoc.Doc).Take(SimilarTextCandidates).ToList();
                var best = found.Count == 0 ? 0f : found.Max(d => d.Score);
                if (best > 0)
                {
                    var ords = MultiDocValues.GetNumericValues(searcher.IndexReader, OrdField);
                    foreach (var hit in found)
                    {
                        textScores[(int)ords.Get(hit.Doc)] = hit.Score / best;
                    }
                }
            }

            // Shared answers: Jaccard similarity of the (question, value) pairs, over every report (integer keys, no sort).
            var sourceKeys = new bool[(source.AnswerKeys.Length == 0 ? 0 : source.AnswerKeys[^1]) + 1];
            foreach (var key in source.AnswerKeys)
            {
                sourceKeys[key] = true;
            }

            var top = new PriorityQueue<(int Ord, double Score), (int Ord, double Score)>(count + 1, new SimilarOrder(snapshot, worstFirst: true));
            for (var other = 0; other < entries.Length; other++)
            {
                if (other == ord)
                {
                    continue;
                }

                var keys = entries[other].AnswerKeys;
                var shared = 0;
                foreach (var key in keys)
                {
                    if (key < sourceKeys.Length && sourceKeys[key])
                    {
                        shared++;
                    }
                }

                var union = source.AnswerKeys.Length + keys.Length - shared;
                var answers = union == 0 ? 0 : (double)shared / union;
                var score = (0.6 * answers) + (0.4 * textScores.GetValueOrDefault(other));
                if (score > 0)
                {
                    top.Enqueue((other, score), (other, score));
                    if (top.Count > count)
                    {
                        top.Dequeue();
                    }
                }
            }

            var best5 = new List<(int Ord, double Score)>(top.Count);
            while (top.TryDequeue(out var item, out _))
            {
                best5.Add(item);
            }

            best5.Reverse();
            return best5.Select(s => ToItem(entries[s.Ord], [])).ToList();
        }
        finally
        {
            snapshot.Searchers.Release(searcher);
        }
    }

    /// <summary>Which ids of a dimension a query selected; null when it selected none (the filter is off).</summary>
    private static bool[]? Selection(FrozenDictionary<string, int> ids, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var selected = new bool[ids.Count];
        foreach (var value in values)
        {
            if (ids.TryGetValue(value, out var id))
            {
                selected[id] = true;
            }
        }

        return selected;
    }

    private static bool[]? MonthSelection(Snapshot snapshot, string? from, string? to)
    {
        if (from is null && to is null)
        {
            return null;
        }

        var selected = new bool[snapshot.Months.Length];
        for (var id = 0; id < selected.Length; id++)
        {
            var month = snapshot.Months[id];
            selected[id] = (from is null || string.CompareOrdinal(month, from) >= 0) && (to is null || string.CompareOrdinal(month, to) <= 0);
        }

        return selected;
    }

    private static bool AnySelected(int[] values, bool[] selected)
    {
        foreach (var value in values)
        {
            if (selected[value])
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        _snapshot.Searchers?.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        _write.Dispose();
    }

    private Query ParseText(string text) =>
        new ReaderQueryParser(Version, TextFields, _analyzer, Boosts) { DefaultOperator = Operator.AND }.ParseOrWords(text);

    private IReadOnlyList<Highlight> Highlights(IndexSearcher searcher, Query text, int doc)
    {
        var stored = searcher.Doc(doc);
        var highlights = new List<Highlight>();
        foreach (var field in HighlightFields)
        {
            var value = stored.Get(field);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var highlighter = new Highlighter(new MarkerFormatter(), new QueryScorer(text, field)) { TextFragmenter = new SimpleFragmenter(160) };
            var fragment = highlighter.GetBestFragment(_analyzer, field, value);
            if (fragment is not null)
            {
                highlights.Add(new Highlight(field, Split(fragment)));
            }
        }

        return highlights;
    }

    private static List<HighlightPart> Split(string fragment)
    {
        var parts = new List<HighlightPart>();
        var rest = fragment.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(MatchStart);
            if (start < 0)
            {
                parts.Add(new HighlightPart(rest.ToString(), false));
                break;
            }

            if (start > 0)
            {
                parts.Add(new HighlightPart(rest[..start].ToString(), false));
            }

            rest = rest[(start + 1)..];
            var end = rest.IndexOf(MatchEnd);
            end = end < 0 ? rest.Length : end;
            parts.Add(new HighlightPart(rest[..end].ToString(), true));
            rest = end < rest.Length ? rest[(end + 1)..] : [];
        }

        return parts;
    }

    private static IReadOnlyList<FacetCount> Facet(string questionId, FrozenDictionary<string, int> ids, int[] counts) =>
        FormVersion1.Definition.Find(questionId)!.Options
            .Select(o => new FacetCount(o.Value, o.Label, ids.TryGetValue(o.Value, out var id) ? counts[id] : 0))
            .ToList();

    private static LibraryItem ToItem(Entry entry, IReadOnlyList<Highlight> highlights) =>
        new(entry.Id, entry.Title, entry.Summary, entry.Month, entry.CallType, entry.Factors, entry.Assignment, entry.Urgent, highlights);

    private static int IdOf(Dictionary<string, int> ids, string value)
    {
        if (!ids.TryGetValue(value, out var id))
        {
            id = ids.Count;
            ids[value] = id;
        }

        return id;
    }

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

    private static Document ToDocument(PublishedReportEntity report, int ord)
    {
        var lessons = string.Join("\n", ReadList(report.Lessons).Append(report.LessonsLearned).Where(s => !string.IsNullOrWhiteSpace(s)));
        return
        [
            new StringField(IdField, report.RowKey, Field.Store.YES),
            new NumericDocValuesField(OrdField, ord),
            new TextField("title", report.Title, Field.Store.YES),
            new TextField("summary", report.Summary, Field.Store.YES),
            new TextField("narrative", report.Narrative, Field.Store.YES),
            new TextField("lessons", lessons, Field.Store.YES),
        ];
    }

    internal static Dictionary<string, string[]> ReadAnswers(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    internal static IReadOnlyList<string> ReadList(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Library index built: {Count} reports in {Milliseconds} ms")]
    private static partial void LogRebuilt(ILogger logger, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A published report could not be added to the library index now ({ErrorType}); the next catch-up adds it")]
    private static partial void LogAddFailed(ILogger logger, string errorType);

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

    /// <summary>A matching report: its ordinal, its document number (text queries) and its score (text queries).</summary>
    private readonly record struct Hit(int Ord, int Doc, float Score);

    /// <summary>Result order: by score (text queries), then newest month first, then id.</summary>
    private sealed class ResultOrder(Snapshot snapshot, bool ranked, bool worstFirst) : IComparer<Hit>
    {
        public int Compare(Hit x, Hit y)
        {
            var order = BestFirst(x, y);
            return worstFirst ? -order : order;
        }

        private int BestFirst(Hit x, Hit y)
        {
            if (ranked)
            {
                var byScore = y.Score.CompareTo(x.Score);
                if (byScore != 0)
                {
                    return byScore;
                }
            }

            var byMonth = snapshot.MonthRank[snapshot.Month[y.Ord]].CompareTo(snapshot.MonthRank[snapshot.Month[x.Ord]]);
            return byMonth != 0 ? byMonth : string.CompareOrdinal(snapshot.Entries[x.Ord].Id, snapshot.Entries[y.Ord].Id);
        }
    }

    /// <summary>The best <c>limit</c> matches in result order, kept in a bounded heap whose root is the worst kept.</summary>
    private sealed class TopHits(Snapshot snapshot, int limit, bool ranked)
    {
        private readonly PriorityQueue<Hit, Hit> _heap = new(limit + 1, new ResultOrder(snapshot, ranked, worstFirst: true));
        private readonly ResultOrder _order = new(snapshot, ranked, worstFirst: false);

        public void Offer(Hit hit)
        {
            if (_heap.Count < limit)
            {
                _heap.Enqueue(hit, hit);
            }
            else if (_order.Compare(hit, _heap.Peek()) < 0)
            {
                _heap.DequeueEnqueue(hit, hit);
            }
        }

        /// <summary>The kept matches, best first.</summary>
        public List<Hit> Best()
        {
            var best = new List<Hit>(_heap.Count);
            while (_heap.TryDequeue(out var hit, out _))
            {
                best.Add(hit);
            }

            best.Reverse();
            return best;
        }
    }

    /// <summary>Similar-report order: by score, then newest month first, then ordinal (the order reports were indexed in).</summary>
    private sealed class SimilarOrder(Snapshot snapshot, bool worstFirst) : IComparer<(int Ord, double Score)>
    {
        public int Compare((int Ord, double Score) x, (int Ord, double Score) y)
        {
            var order = y.Score.CompareTo(x.Score);
            if (order == 0)
            {
                order = snapshot.MonthRank[snapshot.Month[y.Ord]].CompareTo(snapshot.MonthRank[snapshot.Month[x.Ord]]);
            }

            if (order == 0)
            {
                order = x.Ord.CompareTo(y.Ord);
            }

            return worstFirst ? -order : order;
        }
    }

    /// <summary>Every hit of a text query: its entry ordinal, document number and score, in parallel arrays.</summary>
    private sealed class HitCollector : ICollector
    {
        private Scorer? _scorer;
        private NumericDocValues? _ords;
        private int _docBase;

        public int[] Ords { get; private set; } = new int[256];

        public int[] Docs { get; private set; } = new int[256];

        public float[] Scores { get; private set; } = new float[256];

        public int Count { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            _docBase = context.DocBase;
            _ords = context.AtomicReader.GetNumericDocValues(OrdField);
        }

        public void Collect(int doc)
        {
            if (_ords is null)
            {
                return;
            }

            if (Count == Ords.Length)
            {
                Ords = Grow(Ords);
                Docs = Grow(Docs);
                Scores = Grow(Scores);
            }

            Ords[Count] = (int)_ords.Get(doc);
            Docs[Count] = _docBase + doc;
            Scores[Count] = _scorer!.GetScore();
            Count++;
        }

        private static T[] Grow<T>(T[] array)
        {
            var grown = new T[array.Length * 2];
            array.CopyTo(grown, 0);
            return grown;
        }
    }

    /// <summary>Marks matched words with private-use characters, which <see cref="Split"/> turns into parts.</summary>
    private sealed class MarkerFormatter : IFormatter
    {
        public string HighlightTerm(string originalText, TokenGroup tokenGroup) =>
            tokenGroup.TotalScore > 0 ? MatchStart + originalText + MatchEnd : originalText;
    }
}
