using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using NearMiss.Core.Publishing;

namespace NearMiss.Core.Library;

/// <summary>The library index, documents and highlighting: a published report as an index document and an entry, and the marked fragments.</summary>
public sealed partial class LuceneLibraryIndex
{
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

    /// <summary>Marks matched words with private-use characters, which <see cref="Split"/> turns into parts.</summary>
    private sealed class MarkerFormatter : IFormatter
    {
        public string HighlightTerm(string originalText, TokenGroup tokenGroup) =>
            tokenGroup.TotalScore > 0 ? MatchStart + originalText + MatchEnd : originalText;
    }
}
