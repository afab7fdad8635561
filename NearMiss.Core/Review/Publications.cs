using System.Security.Cryptography;
using System.Text.Json;

using Azure;

using NearMiss.Core.Publishing;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Review;

/// <summary>
/// Publication in two steps that a reader sees as one. The case is saved first, closed as published with its new
/// published id and the pending publication (an outbox on the case row itself); then the published row is added
/// under that id, and the pending publication cleared. A failure after the first step leaves a case that is
/// published on paper but not yet in the library; completing it again (the reviewer's retry, or the daily purge
/// run) adds the same row once: a row that already exists is the one a previous attempt added.
/// </summary>
public sealed class Publications(NearMissStore store, CaseStore caseStore, ReviewCases cases, IEnumerable<IPublicationListener> listeners)
{
    /// <summary>A new published id: random, so nothing in it leads back to the submission.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <summary>Adds the published row of a saved case with a pending publication, clears it, tells the listeners.</summary>
    public async Task CompleteAsync(LoadedCase loaded, CancellationToken cancellationToken)
    {
        var reviewCase = loaded.Case;
        if (reviewCase.PendingPublication is not { } pending || reviewCase.PublishedId is not { } publishedId)
        {
            return;
        }

        var text = cases.Text(loaded);
        var answers = reviewCase.PublishAnswers ?? new Dictionary<string, string[]>();
        string? One(string key) => answers.TryGetValue(key, out var v) && v.Length == 1 ? v[0] : null;
        var published = new PublishedReportEntity
        {
            RowKey = publishedId,
            Title = pending.Title,
            Summary = pending.Summary,
            Narrative = text.Narrative,
            LessonsLearned = text.LessonsLearned,
            Lessons = JsonSerializer.Serialize(pending.Lessons),
            Tags = JsonSerializer.Serialize(pending.Tags),
            Answers = JsonSerializer.Serialize(answers),
            Month = One("month") ?? "",
            CallType = One("callType"),
            Region = One(AnswerCoarsening.RegionQuestion),
            AgencyType = One("agencyType"),
            AgencySize = One("agencySize"),
            Urgent = pending.Urgent,
            PublishedMonth = pending.PublishedMonth,
            PublishedOn = pending.PublishedOn,
        };

        try
        {
            await store.Published.AddEntityAsync(published, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // An earlier attempt added it (the id is the case's own): publishing it again would double it.
        }

        reviewCase.PendingPublication = null;
        // False when another attempt completed it meanwhile.
        await caseStore.TryReplaceAsync(reviewCase, cancellationToken);

        foreach (var listener in listeners)
        {
            await listener.PublishedAsync(publishedId, cancellationToken);
        }
    }

    /// <summary>Completes every case left with a pending publication; the number completed.</summary>
    public async Task<int> CompletePendingAsync(CancellationToken cancellationToken)
    {
        var completed = 0;
        await foreach (var id in caseStore.WithPendingPublicationAsync(cancellationToken))
        {
            if (await cases.LoadAsync(id, cancellationToken) is not { } loaded)
            {
                continue;
            }

            await CompleteAsync(loaded, cancellationToken);
            completed++;
        }

        return completed;
    }
}
