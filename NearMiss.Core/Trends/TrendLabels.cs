using NearMiss.Core.Intake;

namespace NearMiss.Core.Trends;

/// <summary>
/// The form's words for the ids the trend figures count (<c>welfare-check</c> is "Welfare check"), for the
/// dashboard, the charts and the e-mails. A value the form does not know, such as a region, is its own label.
/// </summary>
public static class TrendLabels
{
    private static readonly Dictionary<(string Dimension, string Value), string> Labels =
        TrendRecorder.Dimensions
            .Join(FormVersion1.Definition.Questions, d => d.Question, q => q.Id, (d, q) => (d.Dimension, q.Options))
            .SelectMany(x => x.Options.Select(o => (Key: (x.Dimension, o.Value), o.Label)))
            .ToDictionary(x => x.Key, x => x.Label);

    /// <summary>The label of <paramref name="value"/> in the trend dimension <paramref name="dimension"/> (<c>callType</c>, <c>factor</c>, ...).</summary>
    public static string Of(string dimension, string value) => Labels.TryGetValue((dimension, value), out var label) ? label : value;
}
