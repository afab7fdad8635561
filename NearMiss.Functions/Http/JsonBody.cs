using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NearMiss.Functions.Http;

/// <summary>Reads a JSON request body within a size limit; any failure is a problem result, never a 500.</summary>
public static class JsonBody
{
    /// <summary>Request bodies larger than this are refused with 413.</summary>
    public const int DefaultLimit = 64 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static async Task<(JsonDocument? Document, IActionResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken, int limit = DefaultLimit)
    {
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

        try
        {
            return (JsonDocument.Parse(bytes, Options), null);
        }
        catch (JsonException)
        {
            return (null, Problems.Field("body", "is not valid JSON (UTF-8)"));
        }
    }

    private static ObjectResult TooLarge(int limit) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit / 1024} KiB.");
}
