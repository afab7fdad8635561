using System.Globalization;
using System.Text.Json;

using Azure;
using Azure.Data.Tables;

using NearMiss.Core.Reports;

namespace NearMiss.Core.Storage;

/// <summary>
/// The one mapping between a report's two rows in <c>submissions</c> and what the features work on: a
/// <see cref="CaseEntity"/> and a <see cref="ReviewCase"/>, a <see cref="SubmissionEntity"/> and a
/// <see cref="ReportOriginal"/>. The columns and their values are those the rows always had (the stage a number,
/// the reviewers comma separated, findings, answers and a pending publication as JSON), so a row reads back as it was
/// written; a row no service wrote (an id, a stage or a reviewer that is not one) throws <see cref="FormatException"/>.
/// </summary>
public static class CaseRows
{
    public static ReviewCase ToCase(CaseEntity row)
    {
        var reviewCase = new ReviewCase(Id(row.PartitionKey))
        {
            Stage = Stage.Parse(row.Stage),
            Status = row.Status,
            Findings = JsonSerializer.Deserialize<List<Finding>>(row.Findings) ?? [],
            OpenedOn = row.OpenedOn,
            StageEnteredOn = row.StageEnteredOn,
            NotificationQueued = row.NotificationQueued,
            Revision = row.Revision,
            WorkingText = row.WorkingText,
            Messages = row.Messages,
            PublishAnswers = row.PublishAnswers is { } answers ? Answers(answers) : null,
            ClosedOn = row.ClosedOn,
            ErasedOn = row.ErasedOn,
            PublishedId = row.PublishedId,
            PendingPublication = row.PendingPublication is { } pending ? PendingPublication.FromJson(pending) : null,
            Version = Version(row.ETag),
        };
        AddReviewers(reviewCase, Stage.One, row.Stage1Reviewers);
        AddReviewers(reviewCase, Stage.Two, row.Stage2Reviewers);
        return reviewCase;
    }

    public static CaseEntity ToRow(ReviewCase reviewCase) => new()
    {
        PartitionKey = reviewCase.Id.Value,
        ETag = ETagOf(reviewCase),
        Stage = reviewCase.Stage.Number,
        Status = reviewCase.Status,
        Findings = JsonSerializer.Serialize(reviewCase.Findings),
        OpenedOn = reviewCase.OpenedOn,
        StageEnteredOn = reviewCase.StageEnteredOn,
        NotificationQueued = reviewCase.NotificationQueued,
        Revision = reviewCase.Revision,
        WorkingText = reviewCase.WorkingText,
        Messages = reviewCase.Messages,
        PublishAnswers = reviewCase.PublishAnswers is { } answers ? JsonSerializer.Serialize(answers) : null,
        Stage1Reviewers = Reviewers(reviewCase, Stage.One),
        Stage2Reviewers = Reviewers(reviewCase, Stage.Two),
        ClosedOn = reviewCase.ClosedOn,
        ErasedOn = reviewCase.ErasedOn,
        PublishedId = reviewCase.PublishedId,
        PendingPublication = reviewCase.PendingPublication?.ToJson(),
    };

    /// <summary>
    /// A case from the columns a reminder needs (<see cref="ReminderColumns"/>): id, stage, days and reviewers. A day
    /// stored as a date and time rather than as text is read as its day.
    /// </summary>
    public static ReviewCase ToReminderCase(TableEntity row)
    {
        var reviewCase = new ReviewCase(Id(row.PartitionKey))
        {
            Stage = Stage.Parse(row.GetInt32(nameof(CaseEntity.Stage)) ?? 1),
            OpenedOn = Day(row, nameof(CaseEntity.OpenedOn)) ?? "",
            StageEnteredOn = Day(row, nameof(CaseEntity.StageEnteredOn)),
            Version = Version(row.ETag),
        };
        AddReviewers(reviewCase, Stage.One, row.GetString(nameof(CaseEntity.Stage1Reviewers)));
        AddReviewers(reviewCase, Stage.Two, row.GetString(nameof(CaseEntity.Stage2Reviewers)));
        return reviewCase;
    }

    public static readonly string[] ReminderColumns =
    [
        "PartitionKey", nameof(CaseEntity.Stage), nameof(CaseEntity.OpenedOn), nameof(CaseEntity.StageEnteredOn),
        nameof(CaseEntity.Stage1Reviewers), nameof(CaseEntity.Stage2Reviewers),
    ];

    public static ReportOriginal ToOriginal(SubmissionEntity row) => new(Id(row.PartitionKey), row.ReceivedOn, Answers(row.Answers))
    {
        FormVersion = row.FormVersion,
        AgencyCode = row.AgencyCode,
        SealedText = row.SealedText,
        WrappedKey = row.WrappedKey,
    };

    public static ETag ETagOf(ReviewCase reviewCase) => reviewCase.Version is { } version ? new ETag(version) : default;

    public static string? Version(ETag etag) => etag == default ? null : etag.ToString();

    private static ReportId Id(string partitionKey) =>
        ReportId.TryParse(partitionKey, out var id) ? id : throw new FormatException($"'{partitionKey}' is not a report id.");

    private static Dictionary<string, string[]> Answers(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? [];

    private static void AddReviewers(ReviewCase reviewCase, Stage stage, string? stored)
    {
        foreach (var id in (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            reviewCase.AddReviewer(ReviewerId.Parse(id), stage);
        }
    }

    private static string Reviewers(ReviewCase reviewCase, Stage stage) => string.Join(',', reviewCase.Reviewers(stage).Select(r => r.Value));

    private static string? Day(TableEntity row, string column) => (row.TryGetValue(column, out var value) ? value : null) switch
    {
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime at => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string text => text,
        _ => null,
    };
}
