using System.ComponentModel.DataAnnotations;

namespace NearMiss.Core.Intake;

/// <summary>Section <c>NearMiss:Privacy</c>.</summary>
public sealed class PrivacyOptions : IValidatableObject
{
    public const string Section = "NearMiss:Privacy";

    /// <summary>
    /// The batch window a submission's time hides in; windows start at UTC midnight, so the interval must divide a
    /// day. Six hours by default (decision 011); tests and demos shorten it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromHours(6);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BatchInterval > TimeSpan.Zero && TimeSpan.TicksPerDay % BatchInterval.Ticks != 0)
        {
            yield return new ValidationResult("must divide a day evenly (windows start at UTC midnight)", [nameof(BatchInterval)]);
        }
    }
}
