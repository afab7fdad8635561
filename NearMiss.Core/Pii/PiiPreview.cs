namespace NearMiss.Core.Pii;

/// <summary>
/// The reporter-side preview: flags PII in the narrative and lessons text before anything is sent. It stores
/// nothing and logs nothing; offsets are UTF-16, as JavaScript strings count them.
/// </summary>
public sealed class PiiPreview(IPiiDetector detector)
{
    public const int NarrativeMaxLength = 8000;
    public const int LessonsLearnedMaxLength = 3000;

    public PiiPreviewResult Preview(string? narrative, string? lessonsLearned) =>
        new(Flag(narrative), Flag(lessonsLearned));

    /// <summary>Field → message for input over the form limits; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(string? narrative, string? lessonsLearned)
    {
        var errors = new Dictionary<string, string[]>();
        if (narrative?.Length > NarrativeMaxLength)
        {
            errors["narrative"] = [$"must be at most {NarrativeMaxLength} characters"];
        }

        if (lessonsLearned?.Length > LessonsLearnedMaxLength)
        {
            errors["lessonsLearned"] = [$"must be at most {LessonsLearnedMaxLength} characters"];
        }

        return errors;
    }

    private IReadOnlyList<PiiPreviewSpan> Flag(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : detector.Detect(text).Select(s => new PiiPreviewSpan(s.Start, s.End, s.Label.ToContractName())).ToList();
}

public sealed record PiiPreviewResult(IReadOnlyList<PiiPreviewSpan> Narrative, IReadOnlyList<PiiPreviewSpan> LessonsLearned);

public sealed record PiiPreviewSpan(int Start, int End, string Label);
