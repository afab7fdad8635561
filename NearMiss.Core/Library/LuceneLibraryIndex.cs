using System.Collections.Concurrent;

using Azure.Data.Tables;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

using Microsoft.Extensions.Logging;
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

    public void Dispose()
    {
        _snapshot.Searchers?.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        _write.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Library index built: {Count} reports in {Milliseconds} ms")]
    private static partial void LogRebuilt(ILogger logger, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A published report could not be added to the library index now ({ErrorType}); the next catch-up adds it")]
    private static partial void LogAddFailed(ILogger logger, string errorType);
}
