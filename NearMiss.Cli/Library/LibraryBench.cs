using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

using Azure.Data.Tables;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

using NearMiss.Core;
using NearMiss.Core.Intake;
using NearMiss.Core.Library;
using NearMiss.Core.Publishing;
using NearMiss.Core.Storage;

namespace NearMiss.Cli.Library;

public sealed record LibraryBenchSettings(int Reports, int Queries, int Concurrency, int Seed);

/// <summary>
/// The library benchmark: tops table <c>published</c> up to the wanted size with generated reports (table
/// transactions of 100 rows, several in flight), rebuilds the index from storage as a cold start does, then times
/// a mix of queries (filters, text, both, with facets) against <see cref="LuceneLibraryIndex"/> in process.
/// </summary>
public sealed class LibraryBench(string connectionString, LibraryBenchSettings settings, TextWriter output)
{
    private const int BatchSize = 100;
    private const int WarmUp = 100;

    private static readonly string[] Objects = ["handgun", "knife", "screwdriver", "rifle", "syringe", "crowbar", "bat", "dog", "vehicle", "lighter"];
    private static readonly string[] Places = ["driveway", "stairwell", "kitchen", "alley", "bedroom", "garage", "basement", "bridge", "hallway", "shoulder", "parking lot", "motel room"];
    private static readonly string[] Hazards = ["passing truck", "icy road", "loose dog", "dead radio", "dark stairwell", "second occupant", "hidden weapon", "hostile crowd", "kitchen fire", "downed wire"];
    private static readonly string[] Times = ["at dusk", "after midnight", "in heavy rain", "at shift change", "in thick fog", "at noon", "late in a double shift"];
    private static readonly string[] Actions = ["reached for", "concealed", "dropped", "pointed", "threw", "grabbed", "hid"];
    private static readonly string[] Lessons =
    [
        "Wait for cover when you can and say out loud what you see.",
        "Ask about weapons early and keep hands in view.",
        "Stand on the shoulder side and leave the scene lights on.",
        "Check the radio works where you are going before you go in.",
        "Ask dispatch who else lives at the address.",
        "Clear the rooms before you settle into an interview.",
        "Hand off the pursuit when you are tired.",
    ];

    private static readonly string[] QueryWords =
        [.. Objects, "stairwell", "kitchen", "truck", "radio", "occupant", "weapon", "crowd", "fire", "wire", "fog", "rain", "midnight", "alley", "bridge", "garage", "cover", "dispatch"];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageNames.Connection] = connectionString,
            ["NearMiss:Keys:Sealing"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["NearMiss:Keys:Receipt"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["NearMiss:Keys:Signing"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddNearMissCore(configuration);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<NearMissStore>();
        await store.EnsureCreatedAsync(cancellationToken);

        var counted = Stopwatch.StartNew();
        var present = await CountAsync(store, cancellationToken);
        output.WriteLine($"published: {present:N0} reports present (counted in {counted.Elapsed.TotalSeconds:F1} s)");
        if (present < settings.Reports)
        {
            var inserted = Stopwatch.StartNew();
            await InsertAsync(store, present, settings.Reports, cancellationToken);
            var added = settings.Reports - present;
            output.WriteLine($"inserted: {added:N0} reports in {inserted.Elapsed.TotalSeconds:F1} s ({added / inserted.Elapsed.TotalSeconds:N0} rows/s, transactions of {BatchSize}, {settings.Concurrency} in flight)");
        }

        using var index = new LuceneLibraryIndex(store, NullLogger<LuceneLibraryIndex>.Instance);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var rebuilt = Stopwatch.StartNew();
        var count = await index.RebuildAsync(cancellationToken);
        rebuilt.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"rebuild: {count:N0} reports indexed from storage in {rebuilt.Elapsed.TotalSeconds:F1} s (managed heap +{(after - before) / (1024.0 * 1024.0):N0} MiB)");

        var random = new Random(settings.Seed + 1);
        var mix = Enumerable.Range(0, WarmUp + settings.Queries).Select(_ => NextQuery(random)).ToList();
        foreach (var (query, _) in mix.Take(WarmUp))
        {
            await index.SearchAsync(query, cancellationToken);
        }

        var timings = new Dictionary<string, List<double>>();
        var totals = new List<long>();
        foreach (var (query, kind) in mix.Skip(WarmUp))
        {
            var started = Stopwatch.GetTimestamp();
            var page = await index.SearchAsync(query, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            (timings.TryGetValue(kind, out var list) ? list : timings[kind] = []).Add(elapsed);
            (timings.TryGetValue("all", out var all) ? all : timings["all"] = []).Add(elapsed);
            totals.Add(page.Total);
        }

        output.WriteLine($"queries: {settings.Queries:N0} timed after {WarmUp} warm-up, one at a time, in process (SearchAsync: filters, text, facets, page of 20 with highlights)");
        output.WriteLine("kind            count    p50 ms    p95 ms    p99 ms    max ms");
        foreach (var (kind, list) in timings.OrderBy(t => t.Key == "all" ? 1 : 0).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            list.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-14} {list.Count,6} {Percentile(list, 50),9:F1} {Percentile(list, 95),9:F1} {Percentile(list, 99),9:F1} {list[^1],9:F1}"));
        }

        output.WriteLine($"mean result total: {totals.Average():N0}");

        var similar = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await index.SimilarAsync(Id(random.Next(settings.Reports)), LibraryReports.SimilarCount, cancellationToken);
            similar.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        similar.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"similar reports (50 calls): p50 {Percentile(similar, 50):F1} ms, p95 {Percentile(similar, 95):F1} ms"));
        return 0;
    }

    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<int> CountAsync(NearMissStore store, CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PublishedReportEntity.Partition}");
        await foreach (var _ in store.Published.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private async Task InsertAsync(NearMissStore store, int from, int to, CancellationToken cancellationToken)
    {
        var batches = Enumerable.Range(0, (to - from + BatchSize - 1) / BatchSize).Select(b => (Start: from + (b * BatchSize), End: Math.Min(to, from + ((b + 1) * BatchSize))));
        var done = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken }, async (batch, token) =>
        {
            var actions = Enumerable.Range(batch.Start, batch.End - batch.Start)
                .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Generate(i)))
                .ToList();
            await store.Published.SubmitTransactionAsync(actions, token);
            if (Interlocked.Add(ref done, actions.Count) % 10_000 < actions.Count)
            {
                output.WriteLine($"  {done:N0} / {to - from:N0}");
            }
        });
    }

    private static string Id(int i) => "bench" + i.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Report <paramref name="i"/> of the generated library: the same every run for the same seed.</summary>
    private PublishedReportEntity Generate(int i)
    {
        var random = new Random(HashCode.Combine(settings.Seed, i));
        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
        var callType = Pick(Options("callType"));
        var assignment = Pick(Options("assignment"));
        var factors = Options("factors").OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
        var month = $"{2015 + random.Next(11)}-{random.Next(1, 13):00}";
        var (thing, place, hazard, time) = (Pick(Objects), Pick(Places), Pick(Hazards), Pick(Times));
        var title = $"{char.ToUpperInvariant(thing[0])}{thing[1..]} in the {place} {time}";
        var narrative = string.Join(' ',
            $"We were sent to a {callType.Replace('-', ' ')} call {time}.",
            $"The subject {Pick(Actions)} a {thing} near the {place} while I was talking to the caller.",
            $"There was also a {hazard} that nobody had mentioned.",
            $"I had not waited for cover and the {Pick(Places)} was poorly lit.",
            random.Next(2) == 0 ? $"My partner saw the {Pick(Objects)} first and we created distance." : "It ended without anyone hurt, but only by a few seconds.");
        var lessons = Enumerable.Range(0, 3).Select(_ => Pick(Lessons)).Distinct().ToArray();
        return new PublishedReportEntity
        {
            RowKey = Id(i),
            Title = title,
            Summary = $"A {thing} and a {hazard} on a {callType.Replace('-', ' ')} call.",
            Narrative = narrative,
            Lessons = JsonSerializer.Serialize(lessons),
            Answers = JsonSerializer.Serialize(new Dictionary<string, string[]>
            {
                ["month"] = [month],
                ["callType"] = [callType],
                ["assignment"] = [assignment],
                ["factors"] = factors,
            }),
            Month = month,
            CallType = callType,
            PublishedMonth = month,
            PublishedOn = new DateTimeOffset(int.Parse(month[..4], CultureInfo.InvariantCulture), int.Parse(month[5..], CultureInfo.InvariantCulture), 15, 12, 0, 0, TimeSpan.Zero),
        };
    }

    /// <summary>A query of the mix and its kind: filters only, text only, filters and text, or text with months and a later page.</summary>
    private static (LibraryQuery Query, string Kind) NextQuery(Random random)
    {
        string[] Some(string questionId, int max) => Options(questionId).OrderBy(_ => random.Next()).Take(random.Next(1, max + 1)).ToArray();
        string Words() => random.Next(3) == 0 ? $"{QueryWords[random.Next(QueryWords.Length)]} {QueryWords[random.Next(QueryWords.Length)]}" : QueryWords[random.Next(QueryWords.Length)];
        return random.Next(100) switch
        {
            < 25 => (new LibraryQuery(Some("callType", 2), random.Next(2) == 0 ? Some("factors", 2) : [], random.Next(3) == 0 ? Some("assignment", 1) : []), "filter"),
            < 50 => (new LibraryQuery([], [], [], Words()), "text"),
            < 90 => (new LibraryQuery(Some("callType", 2), random.Next(2) == 0 ? Some("factors", 2) : [], [], Words()), "filter+text"),
            _ => (new LibraryQuery([], Some("factors", 1), [], Words(), "2018-01", "2023-12", random.Next(1, 4)), "text+months"),
        };
    }

    private static readonly Dictionary<string, string[]> OptionValues = new[] { "callType", "assignment", "factors" }
        .ToDictionary(q => q, q => FormVersion1.Definition.Find(q)!.Options.Select(o => o.Value).ToArray());

    private static string[] Options(string questionId) => OptionValues[questionId];
}
