using System.Globalization;
using System.Text.Json;
using NearMiss.Core.Intake;
using NearMiss.Core.Notifications;
using NearMiss.Core.Reports;
using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

/// <summary>A report's original and its review case, loaded together.</summary>
public sealed record LoadedCase(ReportOriginal Original, ReviewCase Case);

/// <summary>
/// Loading, unsealing and saving review cases, shared by the review steps, the reporter's replies and the purge.
/// Text is unsealed only in memory; what is written back is sealed under the report's own key.
/// </summary>
public sealed class ReviewCases(CaseStore store, Sealer sealer, NotificationQueue notifications, TimeProvider time)
{
    public string Today => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public DateTimeOffset Now => time.GetUtcNow();

    public string ThisMonth => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>What a reviewer is told for an id no case has.</summary>
    public const string NoCase = "No case has this id.";

    public async Task<LoadedCase?> LoadAsync(ReportId reportId, CancellationToken cancellationToken) =>
        (await LoadPartsAsync(reportId, cancellationToken)).Case;

    /// <summary>The original, and the case with it once it exists.</summary>
    public async Task<(ReportOriginal? Original, LoadedCase? Case)> LoadPartsAsync(ReportId reportId, CancellationToken cancellationToken)
    {
        var (original, reviewCase) = await store.LoadAsync(reportId, cancellationToken);
        return (original, original is null || reviewCase is null ? null : new LoadedCase(original, reviewCase));
    }

    /// <summary>The text under review: the working copy once stage 1 saved one, else the original.</summary>
    public SealedText Text(LoadedCase loaded)
    {
        var key = loaded.Original.WrappedKey ?? throw new InvalidOperationException("The report has been erased.");
        var sealedBytes = loaded.Case.WorkingText ?? loaded.Original.SealedText ?? throw new InvalidOperationException("The report has been erased.");
        return SealedText.FromJson(sealer.Unseal(loaded.Case.Id.Value, new SealedBox(sealedBytes, key)));
    }

    public void SetText(LoadedCase loaded, SealedText text) =>
        loaded.Case.WorkingText = sealer.SealMore(loaded.Case.Id.Value, loaded.Original.WrappedKey!, text.ToJson());

    public List<CaseMessage> Messages(LoadedCase loaded) =>
        loaded.Case.Messages is null || loaded.Original.WrappedKey is null
            ? []
            : JsonSerializer.Deserialize<List<CaseMessage>>(sealer.Unseal(loaded.Case.Id.Value, new SealedBox(loaded.Case.Messages, loaded.Original.WrappedKey))) ?? [];

    public void AddMessage(LoadedCase loaded, string from, string text)
    {
        var messages = Messages(loaded);
        messages.Add(new CaseMessage(from, text, ThisMonth));
        loaded.Case.Messages = sealer.SealMore(loaded.Case.Id.Value, loaded.Original.WrappedKey!, JsonSerializer.Serialize(messages));
    }

    /// <summary>Saves a change of the case if nobody changed it since it was read; false on a lost race.</summary>
    public Task<bool> TrySaveAsync(ReviewCase reviewCase, CancellationToken cancellationToken)
    {
        reviewCase.Revision++;
        return store.TryReplaceAsync(reviewCase, cancellationToken);
    }

    /// <summary>
    /// Queues a notification (case-ready at the next window boundary) saying what happened; reviewers the four-eyes
    /// rule keeps from the stage are skipped. The event id makes a repeated delivery send nothing twice.
    /// </summary>
    public Task NotifyAsync(string kind, ReviewCase reviewCase, CancellationToken cancellationToken, string? cause = null, string? eventId = null) =>
        notifications.SendAsync(
            new NotificationMessage(
                kind,
                reviewCase.Id.Value,
                reviewCase.Stage,
                eventId ?? $"{reviewCase.Id}:{kind}:{reviewCase.Stage}:{reviewCase.Revision}",
                cause,
                kind == NotificationMessage.UrgentHazard ? null : FourEyesRule.BarredFrom(reviewCase, reviewCase.Stage)),
            cancellationToken);

    /// <summary>Whole days since a <c>yyyy-MM-dd</c> day.</summary>
    public int DaysSince(string day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber - date.DayNumber
            : 0;
}
