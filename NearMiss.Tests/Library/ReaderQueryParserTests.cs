using Lucene.Net.Analysis.En;
using Lucene.Net.Search;
using Lucene.Net.Util;

using NearMiss.Core.Library;

namespace NearMiss.Tests.Library;

/// <summary>The search box's query syntax: what a reader may write, and what is searched as plain words instead.</summary>
public sealed class ReaderQueryParserTests
{
    private static Query Parse(string text)
    {
        using var analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        var parser = new ReaderQueryParser(LuceneVersion.LUCENE_48, ["title", "narrative"], analyzer, new Dictionary<string, float> { ["title"] = 2f, ["narrative"] = 1f })
        {
            DefaultOperator = Lucene.Net.QueryParsers.Classic.Operator.AND,
        };
        return parser.ParseOrWords(text);
    }

    private static IEnumerable<Query> Leaves(Query query) =>
        query is BooleanQuery boolean ? boolean.Clauses.SelectMany(c => Leaves(c.Query)) : [query];

    [Theory]
    [InlineData("/.*a.{16}/")] // a regular expression whose automaton doubles with every character: most of a minute
    [InlineData("x*a????????????????")] // a wildcard term of the same shape
    [InlineData("/[a-z/")] // not a valid regular expression: an ArgumentException, not a ParseException
    [InlineData("kitchen AND")]
    [InlineData("AND")]
    [InlineData("\"unclosed")]
    public void CostlyOrBrokenSyntax_IsSearchedAsWords(string text)
    {
        var query = Parse(text);

        Assert.DoesNotContain(Leaves(query), q => q is RegexpQuery or WildcardQuery);
    }

    [Fact]
    public void Prefixes_FewWildcards_PhrasesAndFuzzyTerms_StillWork()
    {
        Assert.Contains(Leaves(Parse("handg*")), q => q is PrefixQuery);
        Assert.Contains(Leaves(Parse("kn?fe")), q => q is WildcardQuery);
        Assert.Contains(Leaves(Parse("\"kitchen knife\"")), q => q is PhraseQuery);
        Assert.Contains(Leaves(Parse("knife~1")), q => q is FuzzyQuery);
    }

    [Fact]
    public void BrokenSyntax_KeepsItsWords()
    {
        Assert.Equal(["narrative:kitchen", "title:kitchen"], Leaves(Parse("kitchen AND")).Select(q => q.ToString().Split('^')[0]).Order());
    }
}
