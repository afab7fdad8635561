using System.Text.Json;

namespace NearMiss.Core.Reports;

/// <summary>What stage 2 decided to publish, kept on the case until the published row exists.</summary>
public sealed record PendingPublication(string Title, string Summary, IReadOnlyList<string> Lessons, IReadOnlyList<string> Tags, bool Urgent, string PublishedMonth, DateTimeOffset PublishedOn)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static PendingPublication FromJson(string json) =>
        JsonSerializer.Deserialize<PendingPublication>(json) ?? throw new JsonException("Pending publication is empty.");
}
