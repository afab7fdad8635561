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
/// more-like-this) for the text, and a compact in-memory table of every report's filter values for exact
/// filtering and facet counts. Built from table <c>published</c> on first use (the hosted
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

    private static readonly string[] TextFields = ["title", "summary", "narrative", "lessons"];
    private static readonly Dictionary<string, float> Boosts = new() { ["title"] = 3f, ["summary"] = 2f, ["narrative"] = 1f, ["lessons"] = 1.5f };
    private static readonly string[] HighlightFields = ["summary", "lessons", "narrative"];

    private readonly NearMissStore _store;
    private readonly ILogger<LuceneLibraryIndex> _logger;
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly Dictionary<string, int> _answerKeys = new(StringComparer.Ordinal);

    private LuceneDirectory _directory = new RAMDirectory();
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private Entry[] _entries = [];
    private Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private DateTimeOffset _newestSeen = DateTimeOffset.MinValue;
    private Task<int>? _built;

    public LuceneLibraryIndex(NearMissStore store, ILogger<LuceneLibraryIndex> logger)
    {
        _store = store;
        _logger = logger;
    }

    /// <summary>Reports in the index.</summary>
    public int Count => Volatile.Read(ref _entries).Length;

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
            var byId = new Dictionary<string, int>(StringComparer.Ordinal);
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

            var (oldWriter, oldSearchers, oldDirectory) = (_writer, _searchers, _directory);
            Volatile.Write(ref _entries, entries.ToArray());
            _byId = byId;
            _searchers = searchers;
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
            var entries = Volatile.Read(ref _entries);
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
            Volatile.Write(ref _entries, grown);
            _writer!.Commit();
            _searchers!.MaybeRefreshBlocking();
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
        var entries = Volatile.Read(ref _entries);
        var searchers = _searchers!;
        var searcher = searchers.Acquire();
        try
        {
            Query? text = string.IsNullOrWhiteSpace(query.Text) ? null : ParseText(query.Text);
            Dictionary<int, (int Doc, float Score)>? hits = null;
            if (text is not null)
            {
                var collector = new OrdinalCollector(entries.Length);
                searcher.Search(text, collector);
                hits = collector.Hits;
            }

            var callTypes = query.CallTypes.ToHashSet(StringComparer.Ordinal);
            var factors = query.Factors.ToHashSet(StringComparer.Ordinal);
            var assignments = query.Assignments.ToHashSet(StringComparer.Ordinal);
            var counts = new Dictionary<string, Dictionary<string, int>>
            {
                [CallTypeFacet] = new(StringComparer.Ordinal),
                [FactorFacet] = new(StringComparer.Ordinal),
                [AssignmentFacet] = new(StringComparer.Ordinal),
            };

            var matched = new List<Entry>();
            foreach (var entry in entries)
            {
                if ((hits is not null && !hits.ContainsKey(entry.Ord))
                    || (query.From is not null && string.CompareOrdinal(entry.Month, query.From) < 0)
                    || (query.To is not null && string.CompareOrdinal(entry.Month, query.To) > 0))
                {
                    continue;
                }

                var callTypeOk = callTypes.Count == 0 || (entry.CallType is not null && callTypes.Contains(entry.CallType));
                var factorOk = factors.Count == 0 || entry.Factors.Any(factors.Contains);
                var assignmentOk = assignments.Count == 0 || (entry.Assignment is not null && assignments.Contains(entry.Assignment));

                // Each filter's counts leave out its own selection, so its other values show what choosing them would add.
                if (factorOk && assignmentOk && entry.CallType is not null)
                {
                    Increment(counts[CallTypeFacet], entry.CallType);
                }

                if (callTypeOk && assignmentOk)
                {
                    foreach (var factor in entry.Factors)
                    {
                        Increment(counts[FactorFacet], factor);
                    }
                }

                if (callTypeOk && factorOk && entry.Assignment is not null)
                {
                    Increment(counts[AssignmentFacet], entry.Assignment);
                }

                if (callTypeOk && factorOk && assignmentOk)
                {
                    matched.Add(entry);
                }
            }

            IEnumerable<Entry> ordered = hits is null
                ? matched.OrderByDescending(e => e.Month, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)
                : matched.OrderByDescending(e => hits[e.Ord].Score).ThenByDescending(e => e.Month, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal);
            var page = Math.Max(1, query.Page);
            var items = ordered
                .Skip((page - 1) * LibraryQuery.PageSize)
                .Take(LibraryQuery.PageSize)
                .Select(e => ToItem(e, text is null ? [] : Highlights(searcher, text, hits![e.Ord].Doc)))
                .ToList();

            return new LibraryPage(items, matched.Count, page, LibraryQuery.PageSize, new Dictionary<string, IReadOnlyList<FacetCount>>
            {
                [CallTypeFacet] = Facet("callType", counts[CallTypeFacet]),
                [FactorFacet] = Facet("factors", counts[FactorFacet]),
                [AssignmentFacet] = Facet("assignment", counts[AssignmentFacet]),
            });
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public async Task<IReadOnlyList<LibraryItem>> SimilarAsync(string id, int count, CancellationToken cancellationToken)
    {
        await EnsureBuiltAsync(cancellationToken);
        var entries = Volatile.Read(ref _entries);
        if (!_byId.TryGetValue(id, out var ord) || ord >= entries.Length)
        {
            return [];
        }

        var source = entries[ord];
        var searchers = _searchers!;
        var searcher = searchers.Acquire();
        try
        {
            // Text similarity: more-like-this over the report's own words, normalised to the best match.
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
                var collector = new OrdinalCollector(entries.Length);
                searcher.Search(like.Like(sourceDoc.Doc), collector);
                var best = collector.Hits.Where(h => h.Key != ord).Select(h => h.Value.Score).DefaultIfEmpty(0f).Max();
                if (best > 0)
                {
                    foreach (var (hitOrd, hit) in collector.Hits)
                    {
                        textScores[hitOrd] = hit.Score / best;
                    }
                }
            }

            // Shared answers: Jaccard similarity of the (question, value) pairs.
            var sourceKeys = source.AnswerKeys;
            return entries
                .Where(e => e.Ord != ord)
                .Select(e =>
                {
                    var shared = e.AnswerKeys.Count(k => Array.BinarySearch(sourceKeys, k) >= 0);
                    var union = sourceKeys.Length + e.AnswerKeys.Length - shared;
                    var answers = union == 0 ? 0 : (double)shared / union;
                    return (Entry: e, Score: (0.6 * answers) + (0.4 * textScores.GetValueOrDefault(e.Ord)));
                })
                .Where(s => s.Score > 0)
                .OrderByDescending(s => s.Score)
                .ThenByDescending(s => s.Entry.Month, StringComparer.Ordinal)
                .Take(count)
                .Select(s => ToItem(s.Entry, []))
                .ToList();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers?.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        _write.Dispose();
    }

    private Query ParseText(string text)
    {
        var parser = new MultiFieldQueryParser(Version, TextFields, _analyzer, Boosts) { DefaultOperator = Operator.AND };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException)
        {
            return parser.Parse(QueryParserBase.Escape(text));
        }
    }

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

    private static IReadOnlyList<FacetCount> Facet(string questionId, Dictionary<string, int> counts) =>
        FormVersion1.Definition.Find(questionId)!.Options
            .Select(o => new FacetCount(o.Value, o.Label, counts.GetValueOrDefault(o.Value)))
            .ToList();

    private static void Increment(Dictionary<string, int> counts, string value) =>
        counts[value] = counts.GetValueOrDefault(value) + 1;

    private static LibraryItem ToItem(Entry entry, IReadOnlyList<Highlight> highlights) =>
        new(entry.Id, entry.Title, entry.Summary, entry.Month, entry.CallType, entry.Factors, entry.Assignment, entry.Urgent, highlights);

    private Entry ToEntry(PublishedReportEntity report, int ord)
    {
        var answers = ReadAnswers(report.Answers);
        string? One(string key) => answers.TryGetValue(key, out var v) && v.Length > 0 ? v[0] : null;
        var keys = answers
            .Where(a => a.Key is not "month")
            .SelectMany(a => a.Value.Select(v => a.Key + "=" + v))
            .Select(k =>
            {
                if (!_answerKeys.TryGetValue(k, out var key))
                {
                    key = _answerKeys.Count;
                    _answerKeys[k] = key;
                }

                return key;
            })
            .Distinct()
            .Order()
            .ToArray();
        return new Entry(
            ord,
            report.RowKey,
            report.Title,
            report.Summary,
            report.Month,
            report.CallType ?? One("callType"),
            answers.TryGetValue("factors", out var factors) ? factors : [],
            One("assignment"),
            report.Urgent,
            keys);
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

    /// <summary>What filtering, facets and ranking need of one report, kept in memory.</summary>
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
        int[] AnswerKeys);

    /// <summary>Every hit of a query, by entry ordinal: its document number and score.</summary>
    private sealed class OrdinalCollector(int capacity) : ICollector
    {
        private Scorer? _scorer;
        private NumericDocValues? _ords;
        private int _docBase;

        public Dictionary<int, (int Doc, float Score)> Hits { get; } = new(Math.Min(capacity, 4096));

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            _docBase = context.DocBase;
            _ords = context.AtomicReader.GetNumericDocValues(OrdField);
        }

        public void Collect(int doc)
        {
            if (_ords is not null)
            {
                Hits[(int)_ords.Get(doc)] = (_docBase + doc, _scorer!.GetScore());
            }
        }
    }

    /// <summary>Marks matched words with private-use characters, which <see cref="Split"/> turns into parts.</summary>
    private sealed class MarkerFormatter : IFormatter
    {
        public string HighlightTerm(string originalText, TokenGroup tokenGroup) =>
            tokenGroup.TotalScore > 0 ? MatchStart + originalText + MatchEnd : originalText;
    }
}
