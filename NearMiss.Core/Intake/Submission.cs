namespace NearMiss.Core.Intake;

/// <summary>A validated report as the reporter sent it. Answers hold option values (one for single choice).</summary>
public sealed record Submission(
    int FormVersion,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers,
    string Narrative,
    string LessonsLearned,
    string? AgencyCode);

/// <summary>Field → messages, as the problem details <c>errors</c> map carries them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
