using System.Text.Json;

namespace NearMiss.Core.Intake;

/// <summary>The free text of a report, the part that is sealed.</summary>
public sealed record SealedText(string Narrative, string LessonsLearned)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static SealedText FromJson(string json) =>
        JsonSerializer.Deserialize<SealedText>(json) ?? throw new JsonException("Sealed text is empty.");
}
