using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NearMiss.Core.Library;

/// <summary>
/// Lucene's classic query syntax for the library's search box, without the parts whose cost a reader controls:
/// a <c>/regular expression/</c>, or a wildcard term with more than <see cref="MaxWildcards"/> wildcards, is turned
/// into an automaton whose size can double with every character (<c>/.*a.{16}/</c> or <c>x*a????????????????</c> took
/// a core for most of a minute). Such a query is not valid syntax here, so the search takes its words as they are.
/// Prefixes (<c>handg*</c>), phrases, fuzzy terms and fields keep working.
/// </summary>
internal sealed class ReaderQueryParser(LuceneVersion version, string[] fields, Analyzer analyzer, IDictionary<string, float> boosts)
    : MultiFieldQueryParser(version, fields, analyzer, boosts)
{
    public const int MaxWildcards = 4;

    protected override Query GetRegexpQuery(string field, string termStr) =>
        throw new ParseException("Regular expressions are not searched.");

    protected override Query GetWildcardQuery(string field, string termStr) =>
        termStr.Count(c => c is '*' or '?') > MaxWildcards
            ? throw new ParseException($"A term may hold at most {MaxWildcards} wildcards.")
            : base.GetWildcardQuery(field, termStr);

    /// <summary>
    /// The query of <paramref name="text"/>; text that is not valid syntax (an unclosed quote, a lone <c>AND</c>, a
    /// regular expression) is searched as plain words, its operators lower-cased so they are words too.
    /// </summary>
    public Query ParseOrWords(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (Exception e) when (e is ParseException or ArgumentException)
        {
            return Parse(Escape(text.ToLowerInvariant()));
        }
    }
}
