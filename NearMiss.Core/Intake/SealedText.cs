using System.Text.Encodings.Web;
using System.Text.Json;

namespace NearMiss.Core.Intake;

/// <summary>The free text of a report, the part that is sealed.</summary>
public sealed record SealedText(string Narrative, string LessonsLearned)
{
    /// <summary>
    /// The most UTF-8 bytes the JSON of a sealed text may take: a binary table property holds 64 KiB, and sealing adds
    /// a 12-byte nonce and a 16-byte tag.
    /// </summary>
    public const int MaxJsonBytes = StorageLimits.MaxBinaryBytes - 28;

    // Compact: the JSON is only ever read back by this class (never put in a page), so non-ASCII text is written as
    // UTF-8 and not as \uXXXX escapes, which would make an accented character take six bytes instead of two.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson() => JsonSerializer.Serialize(this, Compact);

    /// <summary>Whether the text, sealed, fits in one table property.</summary>
    public bool FitsInStorage() => JsonSerializer.SerializeToUtf8Bytes(this, Compact).Length <= MaxJsonBytes;

    public static SealedText FromJson(string json) =>
        JsonSerializer.Deserialize<SealedText>(json) ?? throw new JsonException("Sealed text is empty.");
}

/// <summary>Azure Table storage's size limits, as stored.</summary>
public static class StorageLimits
{
    /// <summary>A binary property: 64 KiB.</summary>
    public const int MaxBinaryBytes = 64 * 1024;

    /// <summary>A string property: 64 KiB of UTF-16, so 32 Ki characters.</summary>
    public const int MaxStringChars = 32 * 1024;
}
