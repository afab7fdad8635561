using System.ComponentModel.DataAnnotations;

namespace NearMiss.Core.Intake;

/// <summary>Section <c>NearMiss:Intake</c>.</summary>
public sealed class IntakeOptions
{
    public const string Section = "NearMiss:Intake";

    /// <summary>An original without a case this long after it was written is queued for its scan again.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far back the sweep looks: longer than the time between two sweeps, with room for missed runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan OrphanLookBack { get; set; } = TimeSpan.FromDays(2);
}
