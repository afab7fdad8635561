using System.Text.Json.Nodes;

using NearMiss.Core.Accounts;
using NearMiss.Core.Trends;

namespace NearMiss.Functions.Staff;

/// <summary>
/// <c>GET /api/staff/trends?from=YYYY-MM&amp;to=YYYY-MM</c> (a staff member's token): the trend summary as
/// <c>nearmiss trends --format json</c> gives it, plus <c>charts</c>, each a PNG as a <c>data:</c> URL.
/// No token: 401; a reviewer who is not staff: 403.
/// </summary>
public sealed class StaffTrends(IReviewerAuthenticator authenticator, TrendService trends)
{
    /// <summary>The longest period one request may ask for.</summary>
    public const int MaxMonths = 36;

    [Function(nameof(StaffTrends))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/trends")] HttpRequest request, CancellationToken cancellationToken) =>
        authenticator.AsStaff(request, cancellationToken, _ => AnswerAsync(request.Query, cancellationToken));

    private async Task<IActionResult> AnswerAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var thisMonth = trends.ThisMonth;
        if (!TrendService.TryParseMonth(query["from"].FirstOrDefault() ?? thisMonth, out var from))
        {
            return Problems.Field("from", "must be a month, YYYY-MM, from 2000-01 to 2999-12");
        }

        if (!TrendService.TryParseMonth(query["to"].FirstOrDefault() ?? thisMonth, out var to))
        {
            return Problems.Field("to", "must be a month, YYYY-MM, from 2000-01 to 2999-12");
        }

        if (to < from || from.AddMonths(MaxMonths) <= to)
        {
            return Problems.Field("to", $"must be from 'from' to {MaxMonths} months after it");
        }

        var summary = await trends.SummaryAsync(from, to, cancellationToken);
        var body = JsonNode.Parse(TrendText.ToJson(summary))!.AsObject();
        body["charts"] = new JsonObject
        {
            ["months"] = DataUrl(TrendCharts.Months("Reports per month", summary.Months)),
            ["callTypes"] = DataUrl(TrendCharts.Bars("Call types", TrendCharts.Labelled("callType", summary.ByCallType))),
            ["factors"] = DataUrl(TrendCharts.Bars("Contributing factors", TrendCharts.Labelled("factor", summary.ByFactor))),
            ["reviewDays"] = DataUrl(TrendCharts.ReviewDays("Review time, business days", summary.ReviewDays.Bins)),
        };
        return new ContentResult { Content = body.ToJsonString(), ContentType = "application/json", StatusCode = StatusCodes.Status200OK };
    }

    private static string DataUrl(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
