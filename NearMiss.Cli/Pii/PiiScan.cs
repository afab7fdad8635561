using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using NearMiss.Core.Pii;

namespace NearMiss.Cli.Pii;

/// <summary>The <c>pii scan</c> loop: JSON lines in, spans in code-point offsets out, buffered both ways.</summary>
public static class PiiScan
{
    public const int BadInputExitCode = 2;

    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken, IPiiDetector? detector = null)
    {
        detector ??= new LocalPiiDetector();
        using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        await using var buffered = new BufferedStream(output, 1 << 16);
        await using var writer = new Utf8JsonWriter(buffered, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var lineNumber = 0;
        var bad = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ScanLine? item;
            try
            {
                item = JsonSerializer.Deserialize(line, PiiScanJson.Default.ScanLine);
            }
            catch (JsonException e)
            {
                await errors.WriteLineAsync($"pii scan: line {lineNumber}: not JSON ({e.Message}); skipped");
                bad++;
                continue;
            }

            if (item?.Text is null)
            {
                await errors.WriteLineAsync($"pii scan: line {lineNumber}: expected an object with a string \"text\"; skipped");
                bad++;
                continue;
            }

            Write(writer, item, detector.Detect(item.Text));
            writer.Flush();
            writer.Reset();
            buffered.WriteByte((byte)'\n');
        }

        await buffered.FlushAsync(cancellationToken);
        return bad == 0 ? 0 : BadInputExitCode;
    }

    private static void Write(Utf8JsonWriter writer, ScanLine item, IReadOnlyList<PiiSpan> spans)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        if (item.Id.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            item.Id.WriteTo(writer);
        }

        writer.WriteStartArray("spans");
        var offsets = new CodePointOffsets(item.Text!);
        foreach (var span in spans)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", offsets.ToCodePoint(span.Start));
            writer.WriteNumber("end", offsets.ToCodePoint(span.End));
            writer.WriteString("label", span.Label.ToContractName());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

public sealed record ScanLine(
    [property: JsonPropertyName("id")] JsonElement Id,
    [property: JsonPropertyName("text")] string? Text);

[JsonSerializable(typeof(ScanLine))]
internal sealed partial class PiiScanJson : JsonSerializerContext;
