using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace NearMiss.Core.Library;

/// <summary>The library index, similar reports: what a report shares with the others, by facets and by text.</summary>
public sealed partial class LuceneLibraryIndex
{
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
}
