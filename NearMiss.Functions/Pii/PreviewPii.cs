using NearMiss.Core.Pii;

namespace NearMiss.Functions.Pii;

/// <summary>
/// <c>POST /api/pii/preview</c>: the spans the report form highlights before sending. Stores nothing, logs nothing.
/// </summary>
public sealed class PreviewPii(PiiPreview preview)
{
    [Function(nameof(PreviewPii))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pii/preview")] HttpRequest request, CancellationToken cancellationToken) =>
        request.ReadAsync<PreviewBody>(cancellationToken, body => Task.FromResult<IActionResult>(new OkObjectResult(PreviewBody.Answer(preview.Preview(body.Narrative, body.LessonsLearned)))));
}

/// <summary><c>{"narrative": …, "lessonsLearned": …}</c>: the two free texts of the form, each optional.</summary>
public sealed record PreviewBody(string? Narrative, string? LessonsLearned) : IJsonRequest<PreviewBody>
{
    public static int Limit => JsonBody.DefaultLimit;

    public static PreviewBody Read(JsonFields fields)
    {
        if (!fields.RequireObject("body", "must be a JSON object"))
        {
            return new(null, null);
        }

        var body = new PreviewBody(fields.OptionalText("narrative"), fields.OptionalText("lessonsLearned"));
        foreach (var (field, messages) in PiiPreview.Validate(body.Narrative, body.LessonsLearned))
        {
            fields.Errors[field] = messages;
        }

        return body;
    }

    public static object Answer(PiiPreviewResult result) => new
    {
        narrative = result.Narrative.Select(s => new { start = s.Start, end = s.End, label = s.Label }),
        lessonsLearned = result.LessonsLearned.Select(s => new { start = s.Start, end = s.End, label = s.Label }),
    };
}
