using System.CommandLine;

using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Operations;
using NearMiss.Core.Review;
using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Cli.Admin;

/// <summary><c>nearmiss intake check --receipts FILE</c> and <c>nearmiss intake sweep-orphans</c>.</summary>
public static class IntakeCommand
{
    public static Command Create()
    {
        var receiptsFile = new Option<FileInfo>("--receipts")
        {
            Description = "File of receipts, one per line, as `nearmiss load --receipts` writes it (receipts are secrets: use synthetic reports only)",
            Required = true,
        };
        var mail = new Option<DirectoryInfo?>("--mail") { Description = "Pickup directory of the host's e-mail: count the case-ready e-mails per report" };
        var check = new Command(
            "check",
            "Check that every report of the receipts is in review exactly once: cases, notifications, trend markers and counters, e-mails, orphans and queues. Exit code 1 when one is lost or counted in review twice.")
        {
            receiptsFile, mail,
        };
        check.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetValue(receiptsFile)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"nearmiss intake check: {file.FullName} does not exist");
                return 2;
            }

            await using var services = AdminServices.Create();
            var receipts = services.GetRequiredService<Receipts>();
            var ids = new List<(string Id, int Line)>();
            var lines = await File.ReadAllLinesAsync(file.FullName, cancellationToken);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Receipts.Normalize(lines[i].Trim()) is { } normalized)
                {
                    ids.Add((receipts.ReportId(normalized), i + 1));
                }
            }

            var outcome = await services.GetRequiredService<IntakeCheck>().CheckAsync(ids.Select(i => i.Id).ToList(), result.GetValue(mail)?.FullName, cancellationToken);
            Print(outcome, result.GetValue(mail) is not null);
            if (outcome.Lost > 0)
            {
                // Where in the run they were lost: line numbers of the file, never the receipts.
                var lost = outcome.LostReportIds.ToHashSet(StringComparer.Ordinal);
                Console.WriteLine($"lost at receipt lines    {Ranges(ids.Where(i => lost.Contains(i.Id)).Select(i => i.Line))}");
            }

            return outcome.Lost == 0 && outcome.CountedTwice == 0 ? 0 : 1;
        });

        var sweep = new Command("sweep-orphans", "Queue the scan again for reports stored without a case (what the hourly RequeueOrphans timer does; NearMiss__Intake__OrphanAge sets the age).");
        sweep.SetAction(async (_, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            var swept = await services.GetRequiredService<OrphanSweep>().SweepAsync(cancellationToken);
            Console.WriteLine($"requeued {swept.Requeued}, still without a case after an earlier requeue {swept.StillWithoutCase}");
            return 0;
        });

        return new Command("intake", "Check and repair the intake path.") { check, sweep };
    }

    private static void Print(IntakeCheckResult r, bool withMail)
    {
        Console.WriteLine($"reports checked          {r.Reports}");
        Console.WriteLine($"in review                {r.InReview}");
        Console.WriteLine($"stored without a case    {r.WithoutCase}");
        Console.WriteLine($"nothing stored           {r.NothingStored}");
        Console.WriteLine($"reviewers notified       {r.Notified}");
        Console.WriteLine($"trend markers per report {Histogram(r.ReportsByMarkers)}   (3 = received, incident and backlog)");
        if (withMail)
        {
            Console.WriteLine($"e-mails per report       {Histogram(r.ReportsByEmails)}");
        }

        Console.WriteLine($"trend counter received   {r.ReceivedCounter} for {r.ReceivedMarkers} markers (all of storage)");
        Console.WriteLine($"trend counter backlog    {r.BacklogCounter} for {r.BacklogMarkers} markers (all of storage)");
        Console.WriteLine($"pending trend markers    {r.PendingMarkers}");
        Console.WriteLine($"cases without a receipt  {r.CasesNotChecked}   (in review, but not among the receipts: the sender got no 202)");
        Console.WriteLine($"orphans                  {r.OriginalsWithoutCase}   (originals without a case, all of storage)");
        Console.WriteLine($"queues                   {string.Join(", ", r.Queues.Select(q => $"{q.Key} {q.Value}"))}");
        Console.WriteLine($"lost                     {r.Lost}");
        Console.WriteLine($"duplicates               {r.CountedTwice}   (counted in review more than once; a second case cannot exist, it has the same key)");
        if (withMail)
        {
            Console.WriteLine($"e-mailed twice           {r.EmailedTwice}   (reports whose reviewers got the case-ready e-mail more than once)");
        }
    }

    /// <summary>"3-7, 12, 40-41" (at most ten ranges).</summary>
    private static string Ranges(IEnumerable<int> lines)
    {
        var ranges = new List<(int From, int To)>();
        foreach (var line in lines)
        {
            if (ranges.Count > 0 && ranges[^1].To == line - 1)
            {
                ranges[^1] = (ranges[^1].From, line);
            }
            else
            {
                ranges.Add((line, line));
            }
        }

        var shown = ranges.Take(10).Select(r => r.From == r.To ? $"{r.From}" : $"{r.From}-{r.To}");
        return string.Join(", ", shown) + (ranges.Count > 10 ? $", ... ({ranges.Count} ranges)" : "");
    }

    private static string Histogram(IReadOnlyDictionary<int, int> histogram) =>
        histogram.Count == 0 ? "-" : string.Join(", ", histogram.Select(h => $"{h.Key}: {h.Value}"));
}
