using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using NearMiss.Core.Intake;
using NearMiss.Core.Storage;

namespace NearMiss.Cli.Load;

public sealed record LoadSettings(Uri Url, int Reports, int Concurrency, bool Baseline, TimeSpan Timeout);

/// <summary>
/// The load generator: submits synthetic reports through the public API at a given concurrency, then
/// follows every receipt until its report is in review. With a baseline, first measures the bare storage
/// work one report needs (one entity upsert and one queue message) at the same concurrency.
/// </summary>
public sealed class LoadRun(LoadSettings settings, TextWriter output)
{
    private static readonly HashSet<string> Reviewed = ["in-review", "awaiting-reporter", "published", "not-published"];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        double? baselineRate = settings.Baseline ? await MeasureBaselineAsync(cancellationToken) : null;

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency * 2 })
        {
            BaseAddress = settings.Url,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var form = await http.GetFromJsonAsync<FormDefinition>("api/form", JsonSerializerOptions.Web, cancellationToken)
                   ?? throw new InvalidOperationException("GET /api/form returned nothing.");
        var generator = new SyntheticReports(seed: 7);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var bodies = Enumerable.Range(0, settings.Reports).Select(_ => generator.Next(form, today).ToJsonString()).ToArray();

        var latencies = new ConcurrentBag<double>();
        var receipts = new ConcurrentBag<string>();
        var failures = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, Options(cancellationToken), async (body, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("api/reports", content, ct);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                    receipts.Add(accepted.GetProperty("receipt").GetString()!);
                }
                else
                {
                    failures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                }
            }
            catch (HttpRequestException e)
            {
                failures.AddOrUpdate(e.HttpRequestError.ToString(), 1, (_, n) => n + 1);
            }
        });
        var submitSeconds = clock.Elapsed.TotalSeconds;
        var rate = receipts.Count / submitSeconds;

        var pending = await WaitForReviewAsync(http, receipts.ToArray(), clock, cancellationToken);
        var sorted = latencies.Order().ToArray();

        output.WriteLine($"reports      {settings.Reports} at concurrency {settings.Concurrency}: {receipts.Count} accepted, {settings.Reports - receipts.Count} failed {Describe(failures)}");
        output.WriteLine($"accepted/s   {rate:F1}");
        output.WriteLine($"latency      p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted.LastOrDefault():F1} ms");
        output.WriteLine(pending == 0
            ? $"in review    all {receipts.Count} after {clock.Elapsed.TotalSeconds:F1} s from the first submission"
            : $"in review    {receipts.Count - pending} of {receipts.Count}; {pending} not in review after {settings.Timeout.TotalSeconds:F0} s");
        if (baselineRate is { } bare)
        {
            output.WriteLine($"baseline     {bare:F1} reports/s of bare storage work (1 entity upsert + 1 queue message) at concurrency {settings.Concurrency}");
            output.WriteLine($"share        {100 * rate / bare:F1} % of the bare storage rate");
        }

        return receipts.Count == settings.Reports && pending == 0 ? 0 : 1;
    }

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };

    private async Task<int> WaitForReviewAsync(HttpClient http, string[] receipts, Stopwatch clock, CancellationToken cancellationToken)
    {
        var pending = new ConcurrentDictionary<string, bool>(receipts.Select(r => KeyValuePair.Create(r, true)));
        var deadline = clock.Elapsed + settings.Timeout;
        while (!pending.IsEmpty && clock.Elapsed < deadline)
        {
            await Parallel.ForEachAsync(pending.Keys.ToArray(), Options(cancellationToken), async (receipt, ct) =>
            {
                using var response = await http.PostAsJsonAsync("api/receipts/status", new { receipt }, ct);
                if (response.IsSuccessStatusCode)
                {
                    var status = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("status").GetString();
                    if (status is not null && Reviewed.Contains(status))
                    {
                        pending.TryRemove(receipt, out _);
                    }
                }
            });
            if (!pending.IsEmpty)
            {
                await Task.Delay(250, cancellationToken);
            }
        }

        return pending.Count;
    }

    /// <summary>Reports/s of bare storage work: per report one entity upsert of the same size and one queue message.</summary>
    private async Task<double> MeasureBaselineAsync(CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var tables = StorageClients.CreateTableService(configuration);
        var queues = StorageClients.CreateQueueService(configuration);
        var table = tables.GetTableClient("loadbaseline");
        var queue = queues.GetQueueClient("load-baseline");
        await table.CreateIfNotExistsAsync(cancellationToken);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            var payload = new byte[1200];
            Random.Shared.NextBytes(payload);
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, settings.Reports), Options(cancellationToken), async (i, ct) =>
            {
                var id = Guid.NewGuid().ToString("N");
                var entity = new TableEntity(id, "original") { ["Answers"] = "{\"callType\":[\"traffic-stop\"]}", ["Payload"] = payload, ["WrappedKey"] = payload[..60] };
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
                await queue.SendMessageAsync(id, ct);
            });
            return settings.Reports / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
            await queue.DeleteAsync(CancellationToken.None);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Describe(ConcurrentDictionary<string, int> failures) =>
        failures.IsEmpty ? "" : "(" + string.Join(", ", failures.Select(f => $"{f.Key}: {f.Value}")) + ")";
}
