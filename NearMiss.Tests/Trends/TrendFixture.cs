using NearMiss.Core.Reports;
using NearMiss.Core.Review;

namespace NearMiss.Tests.Trends;

/// <summary>A known set of reports, recorded straight through the recorder, in months of their own.</summary>
public static class TrendFixture
{
    public static ReportOriginal Report(string receivedOn, string callType, string[] factors, string? agency = null, string? month = null, string? lighting = null) =>
        new(ReportId(), receivedOn, new Dictionary<string, string[]>
        {
            ["month"] = [month ?? receivedOn[..7]],
            ["callType"] = [callType],
            ["factors"] = factors,
            ["state"] = ["OH"],
            ["lighting"] = lighting is null ? [] : [lighting],
        })
        {
            AgencyCode = agency,
        };

    public static ReviewCase Closed(ReportOriginal original, string status, string closedOn) =>
        new(original.Id) { Status = status, ClosedOn = closedOn, OpenedOn = original.ReceivedOn };

    /// <summary>Records every report of <paramref name="reports"/>.</summary>
    public static async Task ReceiveAllAsync(ITrendRecorder recorder, IEnumerable<ReportOriginal> reports)
    {
        foreach (var report in reports)
        {
            await recorder.ReceivedAsync(report, CancellationToken.None);
        }
    }

    private static ReportId ReportId() =>
        Core.Reports.ReportId.TryParse(Guid.NewGuid().ToString("N"), out var id) ? id : throw new InvalidOperationException("A new guid is a report id.");
}
