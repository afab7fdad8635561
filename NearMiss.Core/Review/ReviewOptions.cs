using System.ComponentModel.DataAnnotations;

namespace NearMiss.Core.Review;

/// <summary>Section <c>NearMiss:Review</c>.</summary>
public sealed class ReviewOptions
{
    public const string Section = "NearMiss:Review";

    /// <summary>Days the sealed original and working copy are kept after publication or rejection.</summary>
    [Range(0, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>Fewer published reports than this sharing region, agency type and size flags a rare combination.</summary>
    [Range(1, 1000)]
    public int RareThreshold { get; set; } = 5;

    /// <summary>What the status page tells reporters about review time, in business days: the programme's promise is 5 to 10.</summary>
    [Range(1, 60)]
    public int TypicalReviewDays { get; set; } = 10;
}
