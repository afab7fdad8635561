using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NearMiss.Core.Reports;

/// <summary>
/// A review stage: 1 (redact and coarsen) or 2 (verify and publish), and the four-eyes pairing of them. No other value
/// exists (the default is stage 1). At its edges a stage is a number: the <c>Stage</c> column of a case, JSON (answers
/// and queue messages, through <see cref="StageJsonConverter"/>) and the <c>stages</c> claim of a reviewer token; a
/// number comes in through <see cref="TryParse"/>.
/// </summary>
[JsonConverter(typeof(StageJsonConverter))]
public readonly record struct Stage : IComparable<Stage>
{
    private readonly bool second;

    private Stage(bool second) => this.second = second;

    public static Stage One => default;

    public static Stage Two { get; } = new(true);

    /// <summary>The stages that exist.</summary>
    public static IReadOnlySet<Stage> All { get; } = new HashSet<Stage> { One, Two };

    /// <summary>The stage's number, as stored and sent.</summary>
    public int Number => second ? 2 : 1;

    /// <summary>The stage the four-eyes rule pairs with this one.</summary>
    public Stage Other => second ? One : Two;

    public static bool TryParse(int number, out Stage stage)
    {
        stage = number == 2 ? Two : One;
        return number is 1 or 2;
    }

    /// <summary>A stage that must be known (a stored row's): throws <see cref="FormatException"/> otherwise.</summary>
    public static Stage Parse(int number) =>
        TryParse(number, out var stage) ? stage : throw new FormatException($"{number} is not a review stage.");

    public int CompareTo(Stage other) => Number.CompareTo(other.Number);

    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A stage in JSON is its number; any other number, or anything else, is not a stage.</summary>
public sealed class StageJsonConverter : JsonConverter<Stage>
{
    public override Stage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && Stage.TryParse(number, out var stage)
            ? stage
            : throw new JsonException("A stage is 1 or 2.");

    public override void Write(Utf8JsonWriter writer, Stage value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Number);
}
