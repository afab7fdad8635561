using System.Globalization;

using NearMiss.Core.Reports;
using NearMiss.Core.SignIn;

namespace NearMiss.Core.Accounts;

/// <summary>A reviewer in table <c>reviewers</c>: one partition, row key the SHA-256 of the normalised address.</summary>
public sealed class ReviewerEntity() : AccountEntity(Partition)
{
    public const string Partition = "reviewer";

    /// <summary>The stages held, comma separated in ascending order (<c>1,2</c>).</summary>
    public string Stages { get; set; } = "";

    /// <summary>A demo or seed account (<c>nearmiss seed</c>, <c>run.sh</c>): never sent case notices.</summary>
    public bool Demo { get; set; }

    public Reviewer ToReviewer() => new(ReviewerId.Parse(Id), Email, ParseStages(Stages)) { Version = Version, Demo = Demo };

    public static string FormatStages(IEnumerable<Stage> stages) =>
        string.Join(',', stages.Order().Select(s => s.ToString()));

    public static IReadOnlySet<Stage> ParseStages(string stages) =>
        stages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Stage.Parse(int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)))
            .ToHashSet();
}
