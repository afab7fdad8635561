using System.Buffers;
using System.Text.Json;

using NearMiss.Core.Pii;

namespace NearMiss.Cli.Pii;

/// <summary>
/// The <c>pii scan</c> loop: JSON lines in, spans in code-point offsets out. Input is read as UTF-8 bytes in large
/// blocks and each line parsed in place with <see cref="Utf8JsonReader"/> (the text is the only string made per
/// line); output is written with one <see cref="Utf8JsonWriter"/> into a growing buffer flushed in large blocks.
/// </summary>
public static class PiiScan
{
    public const int BadInputExitCode = 2;

    private const int ReadBlock = 1 << 20;
    private const int FlushAt = 1 << 16;

    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken, IPiiDetector? detector = null)
    {
        detector ??= new LocalPiiDetector();
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBlock);
        var sink = new ArrayBufferWriter<byte>(FlushAt * 2);
        using var writer = new Utf8JsonWriter(sink, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        var filled = 0;
        var lineNumber = 0;
        var bad = 0;
        var first = true;
        var eof = false;
        try
        {
            while (!eof)
            {
                if (filled == buffer.Length)
                {
                    // A line longer than the buffer: grow it.
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                eof = read == 0;
                filled += read;
                var start = 0;
                if (first && filled >= 3)
                {
                    first = false;
                    if (buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        start = 3;
                    }
                }

                while (start < filled)
                {
                    var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0 && !eof)
                    {
                        break;
                    }

                    var length = newline < 0 ? filled - start : newline;
                    lineNumber++;
                    var error = ScanLine(buffer.AsSpan(start, length), writer, sink, detector);
                    if (error is not null)
                    {
                        await errors.WriteLineAsync($"pii scan: line {lineNumber}: {error}; skipped");
                        bad++;
                    }

                    start += newline < 0 ? length : length + 1;
                }

                if (sink.WrittenCount >= FlushAt || eof)
                {
                    await output.WriteAsync(sink.WrittenMemory, cancellationToken);
                    sink.ResetWrittenCount();
                    writer.Reset(sink);
                }

                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await output.FlushAsync(cancellationToken);
        return bad == 0 ? 0 : BadInputExitCode;
    }

    /// <summary>Scans one line and writes its result; returns the error text for a bad line (nothing written).</summary>
    private static string? ScanLine(ReadOnlySpan<byte> line, Utf8JsonWriter writer, ArrayBufferWriter<byte> sink, IPiiDetector detector)
    {
        line = line.TrimEnd((byte)'\r');
        if (IsBlank(line))
        {
            return null;
        }

        string? text = null;
        var idStart = -1;
        var idLength = 0;
        var idKind = JsonTokenType.None;
        var idEscaped = false;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                EnsureEnd(ref reader);
                return "expected an object with a string \"text\"";
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return $"not JSON (the line is a JSON {reader.TokenType}, not an object)";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        text = reader.GetString();
                    }
                    else if (reader.TokenType == JsonTokenType.Null)
                    {
                        text = null;
                    }
                    else
                    {
                        return $"not JSON (\"text\" is a JSON {reader.TokenType}, not a string)";
                    }
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    idKind = reader.TokenType;
                    idStart = (int)reader.TokenStartIndex;
                    idEscaped = reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped;
                    reader.Skip();
                    idLength = (int)reader.BytesConsumed - idStart;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            EnsureEnd(ref reader);
        }
        catch (JsonException e)
        {
            return $"not JSON ({e.Message})";
        }

        if (text is null)
        {
            return "expected an object with a string \"text\"";
        }

        var spans = detector.Detect(text);
        writer.WriteStartObject();
        writer.WritePropertyName("id"u8);
        WriteId(writer, line, idKind, idStart, idLength, idEscaped);
        writer.WriteStartArray("spans"u8);
        var offsets = new CodePointOffsets(text);
        var bmp = !HasSurrogates(text);
        foreach (var span in spans)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start"u8, bmp ? span.Start : offsets.ToCodePoint(span.Start));
            writer.WriteNumber("end"u8, bmp ? span.End : offsets.ToCodePoint(span.End));
            writer.WriteString("label"u8, span.Label.ToContractName());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        writer.Reset(sink);
        sink.GetSpan(1)[0] = (byte)'\n';
        sink.Advance(1);
        return null;
    }

    private static void WriteId(Utf8JsonWriter writer, ReadOnlySpan<byte> line, JsonTokenType kind, int start, int length, bool escaped)
    {
        if (kind == JsonTokenType.None)
        {
            writer.WriteNullValue();
            return;
        }

        var raw = line.Slice(start, length);
        if (kind == JsonTokenType.String)
        {
            var value = raw[1..^1];
            if (escaped)
            {
                var reader = new Utf8JsonReader(raw);
                reader.Read();
                writer.WriteStringValue(reader.GetString());
            }
            else
            {
                writer.WriteStringValue(value);
            }

            return;
        }

        if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            // Re-write containers compactly, as JsonElement.WriteTo does.
            using var document = JsonDocument.Parse(raw.ToArray());
            document.RootElement.WriteTo(writer);
            return;
        }

        writer.WriteRawValue(raw, skipInputValidation: true);
    }

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.Null))
        {
            throw new JsonException($"unexpected {reader.TokenType}");
        }

        if (reader.Read())
        {
            throw new JsonException("unexpected data after the JSON value");
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasSurrogates(string text) =>
        text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
}
