using Azure;
using Azure.Identity;

using Microsoft.Extensions.Logging;

namespace NearMiss.Core.Pii.Language;

/// <summary>
/// The findings of a new report: the local detector's, joined (when the connector is on) by the Language service's.
/// Their union is kept, overlapping spans merged into one that covers both, with the local label where there is one,
/// so the service can add what the rules missed but never take a local finding away. Any failure of the service
/// (refused, slow, unreachable, no token, an answer we cannot read) leaves the local findings alone and is logged
/// without the text: a report is never held up or lost for a second opinion.
/// </summary>
public sealed partial class PiiSecondOpinion(IPiiDetector local, LanguagePiiClient? cloud, ILogger<PiiSecondOpinion> logger)
{
    public bool Enabled => cloud is not null;

    public async Task<IReadOnlyList<PiiSpan>> DetectAsync(string text, CancellationToken cancellationToken)
    {
        var found = local.Detect(text);
        if (cloud is null || text.Length == 0)
        {
            return found;
        }

        try
        {
            return Merge(found, await cloud.DetectAsync(text, cancellationToken));
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException or HttpRequestException
            or AggregateException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(logger, e.GetType().Name, (e as RequestFailedException)?.Status ?? 0);
            return found;
        }
    }

    /// <summary>The union of two span lists, sorted and not overlapping; where spans overlap the first list's label wins.</summary>
    public static IReadOnlyList<PiiSpan> Merge(IReadOnlyList<PiiSpan> first, IReadOnlyList<PiiSpan> second)
    {
        var all = first.Select(s => (Span: s, First: true)).Concat(second.Select(s => (Span: s, First: false)))
            .OrderBy(x => x.Span.Start).ThenByDescending(x => x.Span.End).ToList();
        var merged = new List<PiiSpan>();
        var fromFirst = new List<bool>();
        foreach (var (span, isFirst) in all)
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var last = merged[^1];
                var label = fromFirst[^1] || !isFirst ? last.Label : span.Label;
                merged[^1] = new PiiSpan(last.Start, Math.Max(last.End, span.End), label);
                fromFirst[^1] |= isFirst;
                continue;
            }

            merged.Add(span);
            fromFirst.Add(isFirst);
        }

        return merged;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Language PII check failed ({Error}, status {Status}); the report goes on with the local findings only")]
    private static partial void LogFailed(ILogger logger, string error, int status);
}
