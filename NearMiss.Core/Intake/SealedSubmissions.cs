using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

using Azure;

using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Intake;

/// <summary>A submission on its way through <c>pii-scan</c>: the report id and everything else sealed under the report's key.</summary>
public sealed record SealedSubmission(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("sealed")] byte[] Sealed,
    [property: JsonPropertyName("key")] byte[] Key);

/// <summary>
/// Carries a submission from the HTTP request to storage without storing it in between: intake seals the whole
/// submission (answers, agency code, day of receipt and text, compressed) into one queue message that becomes
/// visible only after its batch window; the scan stores it. The message holds the report id and ciphertext only,
/// and stays within the queue's 64 KiB (base64 included) for any report the form accepts.
/// </summary>
public sealed class SealedSubmissions(NearMissStore store, Sealer sealer)
{
    /// <summary>The largest message the queue service takes, after the base64 encoding of the queue clients.</summary>
    public const int MaxEncodedMessageBytes = 64 * 1024;

    private static readonly JsonSerializerOptions PayloadOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The queue message of <paramref name="submission"/>, received on the day <paramref name="receivedOn"/> (<c>yyyy-MM-dd</c>).</summary>
    public string Seal(string reportId, Submission submission, string receivedOn)
    {
        var payload = new Payload(
            submission.FormVersion,
            JsonSerializer.Serialize(submission.Answers),
            submission.AgencyCode,
            receivedOn,
            submission.Narrative,
            submission.LessonsLearned);
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, payload, PayloadOptions);
        }

        var box = sealer.Seal(reportId, compressed.ToArray());
        return JsonSerializer.Serialize(new SealedSubmission(reportId, box.Ciphertext, box.WrappedKey));
    }

    /// <summary>The size of <paramref name="message"/> on the queue (base64 of its UTF-8).</summary>
    public static int EncodedSize(string message) => (System.Text.Encoding.UTF8.GetByteCount(message) + 2) / 3 * 4;

    /// <summary>A sealed submission, or null when the message is something else (a report id queued again).</summary>
    public static SealedSubmission? TryParse(string message)
    {
        if (!message.StartsWith('{'))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<SealedSubmission>(message);
            return parsed is { Id: not null, Sealed: not null, Key: not null } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the original of a sealed submission (once: a repeated delivery finds it there).</summary>
    public async Task StoreAsync(SealedSubmission message, CancellationToken cancellationToken)
    {
        Payload payload;
        using (var brotli = new BrotliStream(new MemoryStream(sealer.UnsealBytes(message.Id, new SealedBox(message.Sealed, message.Key))), CompressionMode.Decompress))
        {
            payload = await JsonSerializer.DeserializeAsync<Payload>(brotli, PayloadOptions, cancellationToken)
                ?? throw new JsonException("The sealed submission is empty.");
        }

        var entity = new SubmissionEntity
        {
            PartitionKey = message.Id,
            FormVersion = payload.FormVersion,
            Answers = payload.Answers,
            AgencyCode = payload.AgencyCode,
            ReceivedOn = payload.ReceivedOn,
            SealedText = sealer.SealMore(message.Id, message.Key, new SealedText(payload.Narrative, payload.LessonsLearned).ToJson()),
            WrappedKey = message.Key,
        };
        try
        {
            await store.Submissions.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // A repeated delivery: the original is there already.
        }
    }

    private sealed record Payload(int FormVersion, string Answers, string? AgencyCode, string ReceivedOn, string Narrative, string LessonsLearned);
}
