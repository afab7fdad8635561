using System.Text.Json;

using Azure;

using NearMiss.Core.Publishing;
using NearMiss.Core.Storage;

namespace NearMiss.Tests.Library;

/// <summary>A known set of published reports: each test knows exactly which ones a query must return.</summary>
public static class LibraryFixture
{
    public static readonly PublishedReportEntity Handgun = Report("a1", "Handgun under the driver's seat", "traffic-stop", "patrol", ["situational-awareness", "concealed-weapon"], "2025-03",
        "During a traffic stop the driver kept reaching under the seat; a loaded handgun was there.", ["Watch the hands before anything else.", "Call for a second unit when a driver will not show his hands."]);

    public static readonly PublishedReportEntity Truck = Report("b2", "Truck drifted onto the shoulder", "traffic-stop", "traffic", ["roadway-hazard", "complacency"], "2025-06",
        "A passing truck nearly struck the officer standing at the driver window on the interstate shoulder.", ["Approach on the passenger side.", "Angle the patrol car to protect the work area."]);

    public static readonly PublishedReportEntity Kitchen = Report("c3", "Kitchen knife during a separation", "domestic", "patrol", ["sudden-escalation", "backup-delayed"], "2024-11",
        "The husband picked up a kitchen knife while the officer separated the couple in the kitchen.", ["Separate parties away from kitchens.", "Wait for backup when it is minutes away."]);

    public static readonly PublishedReportEntity Bedroom = Report("d4", "Second occupant hiding in a bedroom", "domestic", "patrol", ["sudden-escalation", "concealed-weapon"], "2025-01",
        "A second occupant hid in the bedroom with a knife while officers spoke with the caller.", ["Ask who else is in the house.", "Clear rooms before settling into an interview."]);

    public static readonly PublishedReportEntity Dispatch = Report("e5", "Threat not relayed by dispatch", "mental-health", "patrol", ["communication", "training-gap"], "2025-02",
        "Dispatch did not relay that the subject had threatened to hurt officers during a crisis call.", ["Ask dispatch for prior calls at the address.", "Train call takers on officer-safety notes."]);

    public static readonly PublishedReportEntity Brakes = Report("f6", "Brakes faded in a pursuit", "pursuit", "traffic", ["equipment-failure", "fatigue"], "2025-07",
        "The brakes faded at the end of a twelve hour shift during the pursuit on a mountain road.", ["Report brake wear at once.", "Hand off pursuits late in a long shift."]);

    public static readonly PublishedReportEntity Closet = Report("g7", "Wrong door on a warrant entry", "warrant-service", "tactical", ["tactics", "concealed-weapon"], "2024-09",
        "The entry team stacked on the wrong door; a handgun was later found in the hall closet.", ["Confirm the door during the briefing.", "Search closets on the way through."]);

    public static readonly IReadOnlyList<PublishedReportEntity> All = [Handgun, Truck, Kitchen, Bedroom, Dispatch, Brakes, Closet];

    /// <summary>Empties <c>published</c> and writes the fixture, so the library holds exactly these reports.</summary>
    public static async Task SeedAsync(NearMissStore store)
    {
        await ClearAsync(store);
        foreach (var report in All)
        {
            await store.Published.UpsertEntityAsync(Copy(report));
        }
    }

    public static async Task ClearAsync(NearMissStore store)
    {
        await foreach (var row in store.Published.QueryAsync<PublishedReportEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await store.Published.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
        }
    }

    public static PublishedReportEntity Report(string id, string title, string callType, string assignment, string[] factors, string month, string narrative, string[] lessons) => new()
    {
        RowKey = id,
        Title = title,
        Summary = title + ".",
        Narrative = narrative,
        LessonsLearned = "",
        Lessons = JsonSerializer.Serialize(lessons),
        Answers = JsonSerializer.Serialize(new Dictionary<string, string[]>
        {
            ["month"] = [month],
            ["callType"] = [callType],
            ["assignment"] = [assignment],
            ["factors"] = factors,
            ["outcome"] = ["no-injury"],
        }),
        Month = month,
        CallType = callType,
        PublishedMonth = "2025-08",
    };

    public static PublishedReportEntity Copy(PublishedReportEntity report) => new()
    {
        RowKey = report.RowKey,
        Title = report.Title,
        Summary = report.Summary,
        Narrative = report.Narrative,
        LessonsLearned = report.LessonsLearned,
        Lessons = report.Lessons,
        Answers = report.Answers,
        Month = report.Month,
        CallType = report.CallType,
        PublishedMonth = report.PublishedMonth,
    };
}
