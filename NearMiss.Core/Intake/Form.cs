using System.Text.Json.Serialization;

namespace NearMiss.Core.Intake;

public sealed record FormOption(string Value, string Label);

public sealed record FormQuestion(
    string Id,
    string Label,
    string Kind,
    bool Required,
    IReadOnlyList<FormOption> Options,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxChoices = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Help = null)
{
    public const string Single = "single";
    public const string Multi = "multi";
    public const string Month = "month";
    public const string Text = "text";
}

public sealed record TextLimits(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MinLength,
    int MaxLength);

public sealed record FormDefinition(
    int Version,
    IReadOnlyList<FormQuestion> Questions,
    TextLimits Narrative,
    TextLimits LessonsLearned,
    TextLimits AgencyCode)
{
    public FormQuestion? Find(string id) => Questions.FirstOrDefault(q => q.Id == id);
}
