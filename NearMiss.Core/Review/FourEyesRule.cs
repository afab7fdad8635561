using NearMiss.Core.Reports;

namespace NearMiss.Core.Review;

/// <summary>
/// The four-eyes rule: a reviewer who acted on a case in one stage may not act on it in the other, so every published
/// report passed two different reviewers. Enforced on the server for every decision (<see cref="ReviewDecisions"/>),
/// shown in the queue and on the case (<see cref="CaseQueries"/>), and followed by the case-ready e-mails, which skip
/// the reviewers it keeps out (<see cref="ReviewCases"/>).
/// </summary>
public static class FourEyesRule
{
    /// <summary>Why the reviewer <paramref name="reviewerId"/> may not act on the case in its current stage, or null.</summary>
    public static string? Bars(ReviewerId reviewerId, ReviewCase reviewCase)
    {
        var other = reviewCase.Stage.Other;
        return reviewCase.ReviewedBy(reviewerId, other)
            ? $"You reviewed this case in stage {other}; a different reviewer must do stage {reviewCase.Stage}."
            : null;
    }

    /// <summary>The reviewers the rule keeps from <paramref name="stage"/> of the case: those who reviewed the other stage.</summary>
    public static IReadOnlyList<string> BarredFrom(ReviewCase reviewCase, Stage stage) =>
        [.. reviewCase.Reviewers(stage.Other).Select(r => r.Value)];
}
