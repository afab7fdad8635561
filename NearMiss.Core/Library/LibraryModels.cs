namespace NearMiss.Core.Library;

/// <summary>
/// A library query: several values of one filter combine with OR, different filters with AND. <see cref="Text"/>
/// is full text over title, summary, narrative and lessons; months are <c>yyyy-MM</c>, inclusive.
/// </summary>
public sealed record LibraryQuery(
    IReadOnlyList<string> CallTypes,
    IReadOnlyList<string> Factors,
    IReadOnlyList<string> Assignments,
    string? Text = null,
    string? From = null,
    string? To = null,
    int Page = 1)
{
    public const int PageSize = 20;

    public static LibraryQuery All { get; } = new([], [], []);
}

/// <summary>One page of results, the total and the facet counts of every filter.</summary>
public sealed record LibraryPage(
    IReadOnlyList<LibraryItem> Items,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>A report in a result list; <see cref="Highlights"/> only for a text query.</summary>
public sealed record LibraryItem(
    string Id,
    string Title,
    string Summary,
    string Month,
    string? CallType,
    IReadOnlyList<string> Factors,
    string? Assignment,
    bool Urgent,
    IReadOnlyList<Highlight> Highlights);

/// <summary>
/// A passage that matched a text query, as parts to show in turn, the matched words with <c>Match</c> set. The
/// page builds it from text nodes; nothing in it is markup.
/// </summary>
public sealed record Highlight(string Field, IReadOnlyList<HighlightPart> Parts);

public sealed record HighlightPart(string Text, bool Match);

/// <summary>How many reports of the current result would have this value (drill-sideways: the filter's own selection is left out).</summary>
public sealed record FacetCount(string Value, string Label, int Count);

/// <summary>A published report as a reader sees it: lessons learned first, then the rest, and reports like it.</summary>
public sealed record LibraryReport(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Lessons,
    string LessonsLearned,
    string Narrative,
    string Month,
    string? CallType,
    IReadOnlyList<string> Factors,
    string? Assignment,
    string? Region,
    string? AgencyType,
    string? AgencySize,
    bool Urgent,
    string PublishedMonth,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string[]> Answers,
    IReadOnlyList<LibraryItem> Similar);

/// <summary>
/// The library's search engine. <see cref="LuceneLibraryIndex"/> is the in-process implementation; a hosted one
/// (Azure AI Search) would implement the same interface when one instance's memory no longer fits the library.
/// </summary>
public interface ILibrarySearch
{
    Task<LibraryPage> SearchAsync(LibraryQuery query, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> reports most like <paramref name="id"/>: shared answers and similar text.</summary>
    Task<IReadOnlyList<LibraryItem>> SimilarAsync(string id, int count, CancellationToken cancellationToken);

    /// <summary>Reads every published report from storage and replaces the index with them.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken);
}
