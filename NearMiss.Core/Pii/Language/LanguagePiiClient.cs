using System.Text.Json;
using System.Text.Json.Nodes;

using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace NearMiss.Core.Pii.Language;

/// <summary>
/// Calls the Azure AI Language REST API (<c>POST {endpoint}/language/:analyze-text</c>, kind
/// <c>PiiEntityRecognition</c>) with an Entra ID token, never a key, and maps what it finds onto our labels. Written on
/// Azure.Core because no Language client library is available to the project (decision 025). The service is asked
/// not to log the text (<c>loggingOptOut</c>) and to count offsets in UTF-16 code units, as .NET strings do.
/// </summary>
public sealed class LanguagePiiClient
{
    /// <summary>The most characters the synchronous API takes in one document.</summary>
    public const int MaxDocumentChars = 5120;

    /// <summary>The most documents in one synchronous request.</summary>
    public const int MaxDocuments = 5;

    private const string Scope = "https://cognitiveservices.azure.com/.default";

    private readonly HttpPipeline _pipeline;
    private readonly LanguagePiiOptions _options;

    public LanguagePiiClient(LanguagePiiOptions options, TokenCredential credential, HttpPipelineTransport? transport = null)
    {
        if (!options.Enabled)
        {
            throw new ArgumentException("The Language endpoint is not set.", nameof(options));
        }

        _options = options;
        var clientOptions = new PipelineSettings();
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.NetworkTimeout = options.Timeout;
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        _pipeline = HttpPipelineBuilder.Build(clientOptions, new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    /// <summary>The client the options ask for, with the managed identity they name; null when the connector is off.</summary>
    public static LanguagePiiClient? FromOptions(LanguagePiiOptions options) =>
        options.Enabled
            ? new LanguagePiiClient(
                options,
                string.IsNullOrWhiteSpace(options.ClientId)
                    ? new DefaultAzureCredential()
                    : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)))
            : null;

    /// <summary>What the service finds in <paramref name="text"/>, in UTF-16 offsets, sorted; throws when it cannot answer.</summary>
    public async Task<IReadOnlyList<PiiSpan>> DetectAsync(string text, CancellationToken cancellationToken)
    {
        var chunks = Chunk(text);
        var spans = new List<PiiSpan>();
        for (var first = 0; first < chunks.Count; first += MaxDocuments)
        {
            var batch = chunks.Skip(first).Take(MaxDocuments).ToList();
            using var message = _pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Post;
            message.Request.Uri.Reset(new Uri(_options.EndpointAddress(), "language/:analyze-text?api-version=" + Uri.EscapeDataString(_options.ApiVersion)));
            message.Request.Headers.Add("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(RequestBody(text, batch, first));
            await _pipeline.SendAsync(message, cancellationToken);
            if (message.Response.IsError)
            {
                throw new RequestFailedException(message.Response);
            }

            spans.AddRange(ReadEntities(message.Response.Content.ToString(), text, batch, first));
        }

        return [.. spans.OrderBy(s => s.Start).ThenByDescending(s => s.End)];
    }

    /// <summary>Pieces of at most <see cref="MaxDocumentChars"/>, cut after a line or sentence end where one is near, else at a space.</summary>
    public static IReadOnlyList<(int Start, int Length)> Chunk(string text)
    {
        var chunks = new List<(int, int)>();
        var start = 0;
        while (text.Length - start > MaxDocumentChars)
        {
            var window = text.AsSpan(start, MaxDocumentChars);
            var cut = Math.Max(After(window, "\n"), Math.Max(After(window, ". "), After(window, "? ")));
            if (cut <= MaxDocumentChars / 2)
            {
                cut = After(window, " ") is var space and > 0 ? space : MaxDocumentChars;
            }

            chunks.Add((start, cut));
            start += cut;
        }

        if (start < text.Length)
        {
            chunks.Add((start, text.Length - start));
        }

        return chunks;
    }

    private static int After(ReadOnlySpan<char> window, string separator) =>
        window.LastIndexOf(separator) is var at and >= 0 ? at + separator.Length : -1;

    private byte[] RequestBody(string text, IReadOnlyList<(int Start, int Length)> batch, int first)
    {
        var documents = new JsonArray();
        for (var i = 0; i < batch.Count; i++)
        {
            documents.Add(new JsonObject
            {
                ["id"] = (first + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["language"] = "en",
                ["text"] = text.Substring(batch[i].Start, batch[i].Length),
            });
        }

        var body = new JsonObject
        {
            ["kind"] = "PiiEntityRecognition",
            ["parameters"] = new JsonObject
            {
                ["modelVersion"] = "latest",
                ["loggingOptOut"] = true,
                ["stringIndexType"] = "Utf16CodeUnit",
            },
            ["analysisInput"] = new JsonObject { ["documents"] = documents },
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    private IEnumerable<PiiSpan> ReadEntities(string json, string text, IReadOnlyList<(int Start, int Length)> batch, int first)
    {
        using var document = JsonDocument.Parse(json);
        var results = document.RootElement.GetProperty("results");
        if (results.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            // A document the service refused is a document not checked: the caller falls back to local findings.
            throw new InvalidDataException($"The Language service refused {errors.GetArrayLength()} document(s).");
        }

        var found = new List<PiiSpan>();
        foreach (var result in results.GetProperty("documents").EnumerateArray())
        {
            var index = int.Parse(result.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture) - first;
            if (index < 0 || index >= batch.Count)
            {
                throw new InvalidDataException("The Language service answered for a document it was not sent.");
            }

            var (offset, length) = batch[index];
            foreach (var entity in result.GetProperty("entities").EnumerateArray())
            {
                var start = entity.GetProperty("offset").GetInt32();
                var end = start + entity.GetProperty("length").GetInt32();
                if (start < 0 || end > length || end <= start
                    || entity.GetProperty("confidenceScore").GetDouble() < _options.MinConfidence
                    || LanguageCategories.ToLabel(
                        entity.GetProperty("category").GetString(),
                        entity.TryGetProperty("subcategory", out var sub) ? sub.GetString() : null) is not { } label)
                {
                    continue;
                }

                found.Add(new PiiSpan(offset + start, offset + end, label));
            }
        }

        return found.Where(s => s.End <= text.Length);
    }

    private sealed class PipelineSettings : ClientOptions;
}
