using System.Text.Json;

using NearMiss.Core.Intake;
using NearMiss.Core.Review;

namespace NearMiss.Tests.Trends;

/// <summary>A known set of reports, recorded straight through the recorder, in months of their own.</summary>
public static class TrendFixture
{
    public static SubmissionEntity Report(string receivedOn, string callType, string[] factors, string? agency = null, string? month = null, string? lighting = null) => new()
    {
        PartitionKey = Guid.NewGuid().ToString("N"),
        ReceivedOn = receivedOn,
        AgencyCode = agency,
        Answers = JsonSerializer.Serialize(new Dictionary<string, string[]>
        {
            ["month"] = [month ?? receivedOn[..7]],
            ["callType"] = [callType],
            ["factors"] = factors,
            ["state"] = ["OH"],
            ["lighting"] = lighting is null ? [] : [lighting],
        }),
    };

    public static CaseEntity Closed(SubmissionEntity original, string status, string closedOn) =>
        new() { PartitionKey = original.PartitionKey, Status = status, ClosedOn = closedOn, OpenedOn = original.ReceivedOn };

    /// <summary>Records every report of <paramref name="reports"/>.</summary>
    public static async Task ReceiveAllAsync(ITrendRecorder recorder, IEnumerable<SubmissionEntity> reports)
    {
        foreach (var report in reports)
        {
            await recorder.ReceivedAsync(report, CancellationToken.None);
        }
    }
}
