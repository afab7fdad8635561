using System.Text.Json;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using NearMiss.Core.Pii;
using NearMiss.Functions.Http;

namespace NearMiss.Functions.Pii;

/// <summary>
/// <c>POST /api/pii/preview</c>: the spans the report form highlights before sending. Stores nothing, logs nothing.
/// </summary>
public sealed class PreviewPii(PiiPreview preview)
{
    [Function(nameof(PreviewPii))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pii/preview")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problems.Field("body", "must be a JSON object");
            }

            var errors = new Dictionary<string, string[]>();
            var narrative = ReadString(root, "narrative", errors);
            var lessonsLearned = ReadString(root, "lessonsLearned", errors);
            foreach (var (field, messages) in PiiPreview.Validate(narrative, lessonsLearned))
            {
                errors[field] = messages;
            }

            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var result = preview.Preview(narrative, lessonsLearned);
            return new OkObjectResult(new
            {
                narrative = result.Narrative.Select(s => new { start = s.Start, end = s.End, label = s.Label }),
                lessonsLearned = result.LessonsLearned.Select(s => new { start = s.Start, end = s.End, label = s.Label }),
            });
        }
    }

    private static string? ReadString(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = ["must be a string"];
            return null;
        }

        return value.GetString();
    }
}
