using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace NearMiss.Functions.Http;

/// <summary>
/// Reads a JSON request body within a size limit; any failure is a problem result, never a 500: a body not declared
/// as JSON (415), too large (413), or empty, not UTF-8, not JSON, nested deeper than 16 levels or holding text that is
/// not Unicode (a lone surrogate escape such as <c>"\ud800"</c>, which no string can hold) (400).
/// </summary>
public static class JsonBody
{
    /// <summary>Request bodies larger than this are refused with 413.</summary>
    public const int DefaultLimit = 64 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static async Task<(JsonDocument? Document, IActionResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken, int limit = DefaultLimit)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json in UTF-8."));
        }

        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, Problems.Field("body", "is empty; send a JSON object"));
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span))
        {
            return (null, Problems.Field("body", "is not valid UTF-8"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException)
        {
            return (null, Problems.Field("body", "is not valid JSON (UTF-8)"));
        }

        if (!IsUnicode(document.RootElement))
        {
            document.Dispose();
            return (null, Problems.Field("body", "contains text that is not valid Unicode (a lone surrogate escape)"));
        }

        return (document, null);
    }

    /// <summary>
    /// <c>application/json</c> or an <c>application/…+json</c> type, in UTF-8 when a charset is given. Anything else is
    /// refused, so a cross-site form (<c>text/plain</c>, urlencoded, multipart) never posts a body the API reads.
    /// </summary>
    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || type.MediaType.Value is not { } mediaType)
        {
            return false;
        }

        var json = mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        return json && (type.Charset.Value is not { } charset || charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether every property name and string value can be read as a string: the parser accepts the escape
    /// <c>"\ud800"</c>, but reading it throws, so without this check any field the API reads would answer 500.
    /// </summary>
    private static bool IsUnicode(JsonElement element)
    {
        try
        {
            return Reads(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static bool Reads(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString() is not null,
            JsonValueKind.Array => element.EnumerateArray().All(Reads),
            JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && Reads(p.Value)),
            _ => true,
        };
    }

    private static ObjectResult TooLarge(int limit) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit / 1024} KiB.");
}
