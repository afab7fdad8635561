using System.Buffers;
using System.Text.Json;

using NearMiss.Core.Pii;

namespace NearMiss.Cli.Pii;

/// <summary>
/// The <c>pii scan</c> loop: JSON lines in, spans in code-point offsets out. Input is read as UTF-8 bytes in large
/// blocks; the complete lines of a block are parsed in place with <see cref="Utf8JsonReader"/> (the text is the only
/// string made per line) and scanned on up to <c>workers</c> threads, then written in input order with one
/// <see cref="Utf8JsonWriter"/> into a growing buffer flushed in large blocks. Output and error lines are the same for
/// any number of workers.
/// </summary>
public static class PiiScan
{
    public const int BadInputExitCode = 2;

    private const int ReadBlock = 1 << 20;
    private const int FlushAt = 1 << 16;
    private const int FullRead = 1 << 14;
    private const int MinBlock = 1 << 18;

    /// <param name="workers">Threads that scan a block's lines at once; 0 means one per processor.</param>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken, IPiiDetector? detector = null, int workers = 0)
    {
        detector ??= new LocalPiiDetector();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers > 0 ? workers : Environment.ProcessorCount, CancellationToken = cancellationToken };
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBlock);
        var sink = new ArrayBufferWriter<byte>(FlushAt * 2);
        using var writer = new Utf8JsonWriter(sink, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        var lines = new List<ScannedLine>();
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

                // A pipe gives at most its own buffer (64 KB on Linux) per read: while reads come back that large, more is
                // waiting, and it is read before scanning, so that the workers meet once per quarter megabyte rather than
                // once per pipe buffer. A short read (a line typed or sent alone) is scanned at once.
                int read;
                do
                {
                    read = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                    eof = read == 0;
                    filled += read;
                }
                while (read >= FullRead && filled < MinBlock && filled < buffer.Length);
                var start = 0;
                if (first && filled >= 3)
                {
                    first = false;
                    if (buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        start = 3;
                    }
                }

                lines.Clear();
                while (start < filled)
                {
                    var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0 && !eof)
                    {
                        break;
                    }

                    var length = newline < 0 ? filled - start : newline;
                    lines.Add(new ScannedLine(start, length));
                    start += newline < 0 ? length : length + 1;
                }

                Scan(buffer, lines, detector, parallel);
                foreach (var line in lines)
                {
                    lineNumber++;
                    if (line.Error is not null)
                    {
                        await errors.WriteLineAsync($"pii scan: line {lineNumber}: {line.Error}; skipped");
                        bad++;
                    }
                    else if (line.Spans is not null)
                    {
                        Write(buffer.AsSpan(line.Start, line.Length), line, writer, sink);
                    }
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

    /// <summary>Parses and scans each line of a block, on several threads when there are several lines.</summary>
    private static void Scan(byte[] buffer, List<ScannedLine> lines, IPiiDetector detector, ParallelOptions parallel)
    {
        if (lines.Count == 1 || parallel.MaxDegreeOfParallelism == 1)
        {
            foreach (var line in lines)
            {
                line.Scan(buffer, detector);
            }

            return;
        }

        Parallel.ForEach(lines, parallel, line => line.Scan(buffer, detector));
    }

    private static void Write(ReadOnlySpan<byte> bytes, ScannedLine line, Utf8JsonWriter writer, ArrayBufferWriter<byte> sink)
    {
        var text = line.Text!;
        writer.WriteStartObject();
        writer.WritePropertyName("id"u8);
        WriteId(writer, bytes.TrimEnd((byte)'\r'), line.IdKind, line.IdStart, line.IdLength, line.IdEscaped);
        writer.WriteStartArray("spans"u8);
        var offsets = new CodePointOffsets(text);
        var bmp = !HasSurrogates(text);
        foreach (var span in line.Spans!)
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
    }

    /// <summary>One input line: where it lies in the block, then what parsing and scanning it gave.</summary>
    private sealed class ScannedLine(int start, int length)
    {
        public int Start { get; } = start;

        public int Length { get; } = length;

        /// <summary>Why the line is skipped, or null.</summary>
        public string? Error { get; private set; }

        public string? Text { get; private set; }

        /// <summary>The spans found, or null for a blank line (nothing written).</summary>
        public IReadOnlyList<PiiSpan>? Spans { get; private set; }

        public JsonTokenType IdKind { get; private set; } = JsonTokenType.None;

        public int IdStart { get; private set; } = -1;

        public int IdLength { get; private set; }

        public bool IdEscaped { get; private set; }

        public void Scan(byte[] buffer, IPiiDetector detector)
        {
            var line = buffer.AsSpan(Start, Length).TrimEnd((byte)'\r');
            if (IsBlank(line))
            {
                return;
            }

            Error = Parse(line);
            if (Error is null)
            {
                Spans = detector.Detect(Text!);
            }
        }

        /// <summary>Reads the text and where the id lies; returns the error text for a bad line.</summary>
        private string? Parse(ReadOnlySpan<byte> line)
        {
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
                            Text = reader.GetString();
                        }
                        else if (reader.TokenType == JsonTokenType.Null)
                        {
                            Text = null;
                        }
                        else
                        {
                            return $"not JSON (\"text\" is a JSON {reader.TokenType}, not a string)";
                        }
                    }
                    else if (reader.ValueTextEquals("id"u8))
                    {
                        reader.Read();
                        IdKind = reader.TokenType;
                        IdStart = (int)reader.TokenStartIndex;
                        IdEscaped = reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped;
                        reader.Skip();
                        IdLength = (int)reader.BytesConsumed - IdStart;
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

            return Text is null ? "expected an object with a string \"text\"" : null;
        }
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
