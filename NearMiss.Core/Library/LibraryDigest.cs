using System.Globalization;
using System.Text;

using Azure;
using Azure.Data.Tables;

using Microsoft.Extensions.Logging;

using NearMiss.Core.Email;
using NearMiss.Core.Publishing;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Library;

/// <summary>What one digest run did.</summary>
public sealed record DigestRun(string Week, int Subscribers, int Sent, int AlreadySent, int NothingNew, int Failed);

/// <summary>
/// The weekly digest: each subscriber gets the reports published in the past week that match their subscription,
/// as titles and links only (never a summary or narrative), and a one-click unsubscribe link, also as the RFC 8058
/// <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> headers that mail clients offer as a button. Each reader's digest
/// of an ISO week is claimed in <c>readerdigests</c> before sending and marked sent after, so a re-run in the
/// same week sends nothing twice. A reader who may no longer read the library gets nothing.
/// </summary>
public sealed partial class LibraryDigest(
    NearMissStore store,
    ReaderDirectory directory,
    ReaderSubscriptions subscriptions,
    IEmailSender email,
    PublicLinks links,
    TimeProvider time,
    ILogger<LibraryDigest> logger)
{
    /// <summary>How far back a digest looks.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    /// <summary>A claim younger than this belongs to a run still at work; an older one was abandoned.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(5);

    /// <summary>At most this many reports are listed; the e-mail says how many more there are.</summary>
    public const int MaxListed = 50;

    /// <summary>The ISO week of <paramref name="at"/>, e.g. <c>2025-W33</c>.</summary>
    public static string WeekOf(DateTimeOffset at)
    {
        var day = at.UtcDateTime;
        return $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}";
    }

    public async Task<DigestRun> SendAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var week = WeekOf(now);
        var recent = await RecentAsync(now - Period, now, cancellationToken);
        int subscribers = 0, sent = 0, alreadySent = 0, nothingNew = 0, failed = 0;
        await foreach (var (readerId, subscription, entity) in subscriptions.ListAsync(cancellationToken))
        {
            subscribers++;
            var matching = recent.Where(r => subscription.Matches(r.CallType, r.Factors)).ToList();
            if (matching.Count == 0)
            {
                nothingNew++;
                continue;
            }

            var claim = await ClaimAsync(week, readerId, now, cancellationToken);
            if (claim is null)
            {
                alreadySent++;
                continue;
            }

            try
            {
                var account = await directory.FindByIdAsync(readerId, cancellationToken);
                if (account is null || !await directory.MayReadAsync(account, cancellationToken))
                {
                    claim.Status = ReaderDigestEntity.Skipped;
                }
                else
                {
                    await email.SendAsync(Compose(account.Email, matching, subscriptions.UnsubscribeToken(entity)), cancellationToken);
                    claim.Status = ReaderDigestEntity.Sent;
                    claim.ReportCount = matching.Count;
                    sent++;
                }

                await store.ReaderDigests.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The claim stays open: a later run this week (after the claim timeout) tries this reader again.
                failed++;
                LogSendFailed(logger, readerId, e.GetType().Name);
            }
        }

        LogRun(logger, week, subscribers, sent, alreadySent, nothingNew, failed);
        return new DigestRun(week, subscribers, sent, alreadySent, nothingNew, failed);
    }

    /// <summary>The digest e-mail: titles and links, newest first, and the unsubscribe link (in the text and as headers).</summary>
    public EmailMessage Compose(string to, IReadOnlyList<DigestItem> reports, string unsubscribeToken)
    {
        var text = new StringBuilder();
        var match = reports.Count == 1 ? "matches" : "match";
        text.Append(CultureInfo.InvariantCulture, $"{Count(reports.Count)} published in the NearMiss library this past week {match} your subscription:\n\n");
        foreach (var report in reports.Take(MaxListed))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {report.Title}\n  {links.LibraryReport(report.Id)}\n\n");
        }

        if (reports.Count > MaxListed)
        {
            text.Append(CultureInfo.InvariantCulture, $"and {reports.Count - MaxListed} more: search the library for them.\n\n");
        }

        text.Append("The links open the library; sign in with your work e-mail address if it asks.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Stop these e-mails (one click, no sign-in):\n{links.LibraryUnsubscribe(unsubscribeToken)}\n");
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{links.LibraryOneClickUnsubscribe(unsubscribeToken)}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new EmailMessage([to], $"NearMiss library: {Count(reports.Count)} this week", text.ToString(), Headers: headers);
    }

    private static string Count(int count) => count == 1 ? "1 new report" : $"{count} new reports";

    /// <summary>Reports published in [<paramref name="since"/>, <paramref name="until"/>], newest first.</summary>
    private async Task<List<DigestItem>> RecentAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // A row is written when it is published, so its Timestamp is never earlier than PublishedOn: the service
        // narrows by Timestamp, and PublishedOn (when the row has it) decides.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PublishedReportEntity.Partition} and Timestamp ge {since}");
        var reports = new List<DigestItem>();
        await foreach (var report in store.Published.QueryAsync<PublishedReportEntity>(
            filter, select: ["RowKey", "Timestamp", "Title", "CallType", "Answers", "PublishedOn"], cancellationToken: cancellationToken))
        {
            var publishedOn = report.PublishedOn ?? report.Timestamp;
            if (publishedOn is not { } at || at < since || at > until)
            {
                continue;
            }

            var answers = LuceneLibraryIndex.ReadAnswers(report.Answers);
            var callType = report.CallType ?? (answers.TryGetValue("callType", out var c) && c.Length > 0 ? c[0] : null);
            reports.Add(new DigestItem(report.RowKey, report.Title, callType, answers.TryGetValue("factors", out var f) ? f : [], at));
        }

        return reports.OrderByDescending(r => r.PublishedOn).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The claimed log row, or null when this reader's digest of this week is sent or being sent.</summary>
    private async Task<ReaderDigestEntity?> ClaimAsync(string week, string readerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new ReaderDigestEntity { PartitionKey = week, RowKey = readerId, ClaimedOn = now };
        try
        {
            var added = await store.ReaderDigests.AddEntityAsync(claim, cancellationToken);
            claim.ETag = added.Headers.ETag ?? ETag.All;
            return claim;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = (await store.ReaderDigests.GetEntityAsync<ReaderDigestEntity>(week, readerId, cancellationToken: cancellationToken)).Value;
        if (existing.Status != ReaderDigestEntity.Sending || now - existing.ClaimedOn < ClaimTimeout)
        {
            return null;
        }

        // An earlier run failed or died while sending: take it over (the ETag makes one taker win).
        existing.ClaimedOn = now;
        try
        {
            var updated = await store.ReaderDigests.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            existing.ETag = updated.Headers.ETag ?? ETag.All;
            return existing;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The library digest for reader {ReaderId} could not be sent ({ErrorType}); a later run retries it")]
    private static partial void LogSendFailed(ILogger logger, string readerId, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Library digest {Week}: {Subscribers} subscriber(s), {Sent} sent, {AlreadySent} already sent, {NothingNew} with nothing new, {Failed} failed")]
    private static partial void LogRun(ILogger logger, string week, int subscribers, int sent, int alreadySent, int nothingNew, int failed);
}

/// <summary>A report a digest may list: what matching needs and the title, nothing else of it.</summary>
public sealed record DigestItem(string Id, string Title, string? CallType, IReadOnlyList<string> Factors, DateTimeOffset PublishedOn);
