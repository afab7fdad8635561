using System.Text.Json;
using System.Text.Json.Serialization;
using NearMiss.Core.Reports;


namespace NearMiss.Core.Notifications;

/// <summary>
/// A message of the <c>notifications</c> queue: who to tell about which case, never anything of the report.
/// <paramref name="EventId"/> names the event (<c>{reportId}:scan</c>, <c>{reportId}:reminder:{stage}:{week}</c>):
/// the same event is e-mailed once however often it is queued. <paramref name="Cause"/> says what happened, so that the
/// e-mail can say it; <paramref name="Skip"/> lists the reviewers the four-eyes rule keeps from the stage (they reviewed
/// the case in the other one), who are not told about a case they may not act on.
/// </summary>
public sealed record NotificationMessage(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("reportId")] string ReportId,
    [property: JsonPropertyName("stage"), JsonRequired] Stage Stage,
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("cause")] string? Cause = null,
    [property: JsonPropertyName("skip")] IReadOnlyList<string>? Skip = null)
{
    /// <summary>A case entered a stage: every reviewer of that stage.</summary>
    public const string CaseReady = "case-ready";

    /// <summary>A case has waited more than 5 business days: every reviewer of its stage.</summary>
    public const string Reminder = "reminder";

    /// <summary>A reviewer flagged an urgent hazard: the staff, at once.</summary>
    public const string UrgentHazard = "urgent-hazard";

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { CaseReady, Reminder, UrgentHazard };

    /// <summary>Why a case is ready: what the e-mail says happened.</summary>
    public static class Causes
    {
        /// <summary>A new report passed the automated scan and opened a case in stage 1.</summary>
        public const string NewReport = "new-report";

        /// <summary>The reporter answered a reviewer's question.</summary>
        public const string ReporterAnswered = "reporter-answered";

        /// <summary>Stage 1 passed the case to stage 2.</summary>
        public const string Passed = "passed";

        /// <summary>Stage 2 sent the case back to stage 1.</summary>
        public const string SentBack = "sent-back";

        public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { NewReport, ReporterAnswered, Passed, SentBack };
    }

    /// <summary>Whether the four-eyes rule keeps <paramref name="reviewerId"/> from this message's stage.</summary>
    public bool Skips(string reviewerId) => Skip?.Contains(reviewerId, StringComparer.Ordinal) == true;

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>The message, or null when it is not one (wrong shape, unknown kind, bad id, stage or event id).</summary>
    public static NotificationMessage? Parse(string json)
    {
        NotificationMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<NotificationMessage>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }

        if (message is null || message.Kind is null || message.ReportId is null)
        {
            return null;
        }

        // Messages queued before event ids existed: a case-ready message was the scan's.
        if (message.EventId is null && message.Kind == CaseReady)
        {
            message = message with { EventId = $"{message.ReportId}:scan" };
        }

        return Kinds.Contains(message.Kind)
            && Reports.ReportId.IsValid(message.ReportId)
            && message.EventId is { Length: > 0 and <= 200 } eventId
            && eventId.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.')
            && (message.Cause is null || Causes.All.Contains(message.Cause))
            && (message.Skip is null || (message.Skip.Count <= 100 && message.Skip.All(id => id is { Length: > 0 and <= 64 })))
            ? message
            : null;
    }

}
