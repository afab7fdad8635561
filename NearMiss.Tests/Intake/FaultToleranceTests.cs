using Microsoft.Extensions.DependencyInjection;

using NearMiss.Cli.Load;
using NearMiss.Core.Operations;
using NearMiss.Core.Security;
using NearMiss.Tests.Browser;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Intake;

/// <summary>
/// The short version of <c>scripts/fault-test.sh</c>: a load of synthetic reports against <c>nearmiss serve</c> (a
/// child process) and an Azurite of its own that keeps its data on disk. Azurite is stopped and started again, and
/// serve is killed and started again, while reports come in; every report that got a 202 ends in review and is
/// counted once.
/// </summary>
[Trait("Kind", "Azurite")]
public sealed class FaultToleranceTests
{
    private const int Reports = 200;

    [Fact]
    public async Task Load_ThroughAStorageRestartAndAHostCrash_PutsEveryAcceptedReportInReviewOnce()
    {
        var directory = Directory.CreateTempSubdirectory("nearmiss-faults-");
        try
        {
            await using var azurite = await Azurite.StartAsync(Path.Combine(directory.FullName, "azurite"));
            var settings = TestServices.Settings(azurite.ConnectionString);
            var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
            environment["NearMiss__RateLimits__Enabled"] = "false";
            environment["NearMiss__ResponseFloor__LookupMilliseconds"] = "0";
            environment["NearMiss__Serve__ProcessingLease"] = "00:00:05";
            environment["Logging__LogLevel__Default"] = "Warning";
            await using var site = await SiteProcess.StartAsync(azurite.ConnectionString, environment);
            await site.RunCliAsync("reviewers", "add", "faults@example.org", "--stages", "1");

            var receipts = new FileInfo(Path.Combine(directory.FullName, "receipts"));
            var output = new StringWriter();
            var run = new LoadRun(new LoadSettings(site.BaseAddress, Reports, Concurrency: 16, Baseline: false, TimeSpan.FromSeconds(120), receipts), output);
            var load = Task.Run(() => run.RunAsync(CancellationToken.None));

            await UntilAsync(() => Accepted(receipts) >= Reports / 4 || load.IsCompleted);
            await azurite.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            await azurite.RestartAsync();

            await UntilAsync(() => Accepted(receipts) >= Reports / 2 || load.IsCompleted);
            await site.KillAndRestartAsync();
            await load;

            await using var services = TestServices.Create(settings);
            var ids = ReportIds(services.GetRequiredService<Receipts>(), receipts);
            var check = services.GetRequiredService<IntakeCheck>();
            var result = await check.CheckAsync(ids, site.MailDirectory, CancellationToken.None);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Drained(result) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                result = await check.CheckAsync(ids, site.MailDirectory, CancellationToken.None);
            }

            var context = $"{output}{string.Join(Environment.NewLine, site.Output)}";
            Assert.True(ids.Count > 0, context);
            Assert.True(result.Lost == 0, $"{result.Lost} accepted report(s) not in review.{Environment.NewLine}{context}");
            Assert.Equal(0, result.CountedTwice);
            Assert.Equal(new Dictionary<int, int> { [3] = ids.Count }, result.ReportsByMarkers);
            Assert.Equal(ids.Count, result.Notified);
            Assert.DoesNotContain(0, result.ReportsByEmails.Keys);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool Drained(IntakeCheckResult result) =>
        result.Lost == 0 && result.Notified == result.Reports && result.Queues.Values.All(count => count == 0);

    /// <summary>Receipts the load has written so far (it writes them line by line).</summary>
    private static int Accepted(FileInfo receipts)
    {
        if (!File.Exists(receipts.FullName))
        {
            return 0;
        }

        using var reader = new StreamReader(new FileStream(receipts.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines;
    }

    private static List<string> ReportIds(Receipts receipts, FileInfo file) =>
        File.ReadAllLines(file.FullName).Select(line => receipts.ReportId(Receipts.Normalize(line)!)).ToList();

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
