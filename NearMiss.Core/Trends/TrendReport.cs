using System.Text.Json.Serialization;

namespace NearMiss.Core.Trends;

public sealed record ValueCount(string Value, long Count);

public sealed record DayCount(int Days, long Count);

public sealed record Totals(long Received, long Published, long InReview, long NotPublished);

public sealed record ReviewDays(int? P50, int? P90, long Closed, long WithinPromise, IReadOnlyList<DayCount> Bins);

public sealed record Change(long Previous, long Current, long Difference, double? Percent);

public sealed record MonthFigures(string Month, long Received, long Published, IReadOnlyList<ValueCount> TopFactors, IReadOnlyList<ValueCount> TopCallTypes);

public sealed record UrgentHazard(string Id, string Title, string Month);

public sealed record PreviousPeriod(string From, string To, Totals Totals, IReadOnlyList<ValueCount> ByCallType, IReadOnlyList<ValueCount> ByFactor);

public sealed record Changes(Change Received, Change Published, IReadOnlyList<NamedChange> CallTypes, IReadOnlyList<NamedChange> Factors);

public sealed record NamedChange(string Value, Change Change);

/// <summary>The trend summary: <c>nearmiss trends</c>, the weekly staff e-mail and the dashboard show this.</summary>
public sealed record TrendSummaryReport(
    string From,
    string To,
    Totals Totals,
    IReadOnlyList<ValueCount> ByCallType,
    IReadOnlyList<ValueCount> ByFactor,
    IReadOnlyList<ValueCount> ByAssignment,
    IReadOnlyList<ValueCount> ByLighting,
    IReadOnlyList<ValueCount> ByWeapon,
    IReadOnlyList<ValueCount> ByRegion,
    ReviewDays ReviewDays,
    PreviousPeriod Previous,
    Changes Changes,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<UrgentHazard> UrgentHazards);

/// <summary>A published table of an agency analysis; <see cref="Cells"/> is null when the whole table is withheld.</summary>
public sealed record SuppressedTable(string Dimension, IReadOnlyList<Cell>? Cells)
{
    [JsonIgnore]
    public bool Withheld => Cells is null;
}

public sealed record AgencyTotals(long? Received, long? Published);

/// <summary>An agency's analysis beside the national figures, every cell under the threshold suppressed.</summary>
public sealed record AgencyAnalysisReport(
    string Agency,
    string From,
    string To,
    int Threshold,
    string? Notice,
    AgencyTotals? Totals,
    IReadOnlyList<SuppressedTable> Tables,
    AgencyTotals NationalTotals,
    IReadOnlyList<SuppressedTable> National);
