using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NearMiss.Cli.Load;
using NearMiss.Core.Intake;
using NearMiss.Core.Security;

namespace NearMiss.Cli.Timing;

/// <summary>
/// Submits one synthetic report for a known receipt, then asks <c>POST /api/receipts/status</c> about it, about fresh
/// well-formed receipts that lead nowhere and about text that is no receipt at all, one request at a time in a
/// shuffled order so that each kind sees the same conditions. The first round of each kind is a warm-up and is not
/// counted. What the caller sees should not depend on the kind: the site holds every answer to its response floor.
/// </summary>
public sealed class TimingRun(Uri url, int lookups, string? reviewer, TextWriter output)
{
    private const int WarmUp = 1;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var form = await http.GetFromJsonAsync<FormDefinition>("api/form", JsonSerializerOptions.Web, cancellationToken)
                   ?? throw new InvalidOperationException("GET /api/form returned nothing.");
        using var submitted = await http.PostAsJsonAsync("api/reports", new SyntheticReports(seed: 11).Next(form, DateOnly.FromDateTime(DateTime.UtcNow)), cancellationToken);
        if (submitted.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/reports answered {(int)submitted.StatusCode}.");
        }

        var known = (await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("receipt").GetString()!;
        var kinds = new List<(string Name, string Path, Func<object> Body)>
        {
            ("known receipt", "api/receipts/status", () => new { receipt = known }),
            ("unknown receipt", "api/receipts/status", () => new { receipt = Receipts.NewReceipt() }),
            ("malformed receipt", "api/receipts/status", () => new { receipt = "not-a-receipt" }),
        };
        if (reviewer is not null)
        {
            kinds.Add(("sign-in, reviewer", "api/review/signin", () => new { email = reviewer }));
            kinds.Add(("sign-in, unknown", "api/review/signin", () => new { email = $"nobody-{Guid.NewGuid():N}@example.org" }));
        }

        var schedule = Enumerable.Range(0, lookups + WarmUp).SelectMany(round => kinds.Select(kind => (round, kind))).ToArray();
        Random.Shared.Shuffle(schedule);
        var times = kinds.ToDictionary(kind => kind.Name, _ => new List<double>());
        var statuses = kinds.ToDictionary(kind => kind.Name, _ => new SortedSet<int>());
        foreach (var (round, kind) in schedule.OrderBy(s => s.round >= WarmUp))
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync(kind.Path, kind.Body(), cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new InvalidOperationException("the site answered 429: run it with NearMiss__RateLimits__Enabled=false to measure.");
            }

            statuses[kind.Name].Add((int)response.StatusCode);
            if (round >= WarmUp)
            {
                times[kind.Name].Add(elapsed);
            }
        }

        output.WriteLine($"{"kind",-20} {"status",-8} {"n",5} {"mean",9} {"p50",9} {"p99",9} {"max",9}");
        foreach (var (name, values) in times)
        {
            var sorted = values.Order().ToArray();
            output.WriteLine(
                $"{name,-20} {string.Join('/', statuses[name]),-8} {sorted.Length,5} {sorted.Average(),6:F1} ms {Percentile(sorted, 0.50),6:F1} ms {Percentile(sorted, 0.99),6:F1} ms {sorted[^1],6:F1} ms");
        }

        return 0;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
