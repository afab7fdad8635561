using System.Collections.Frozen;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NearMiss.Core.Intake;

namespace NearMiss.Core.Library;

/// <summary>The library index, search and facets: the query, the selection by facet, counts and the order of results.</summary>
public sealed partial class LuceneLibraryIndex
{
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
}
