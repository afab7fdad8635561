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

public sealed record LoadSettings(Uri Url, int Reports, int Concurrency, bool Baseline, TimeSpan Timeout, FileInfo? ReceiptsFile = null);

/// <summary>
/// The load generator: submits synthetic reports through the public API at a given concurrency, then
/// follows every receipt until its report is in review. With a baseline, first measures the bare storage
/// work one report needs (one entity upsert and one queue message) at the same concurrency. A submission that
/// fails (an error status, a refused or dropped connection, a timeout) is counted by its outcome and never
/// retried: a sender without a 202 has no receipt; its submitter pauses a second before the next report. Following
/// the receipts rides out a host that is down.
/// </summary>
public sealed class LoadRun(LoadSettings settings, TextWriter output)
{
    /// <summary>What a status lookup returns for a receipt that leads nowhere (404).</summary>
    private const string NotFound = "not found";

    private static readonly HashSet<string> Reviewed = ["in-review", "awaiting-reporter", "published", "not-published"];

    /// <summary>How long a submitter waits after a failed submission before its next one.</summary>
    private static readonly TimeSpan FailurePause = TimeSpan.FromSeconds(1);

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
        var receiptsFile = settings.ReceiptsFile is { } file ? CreatePrivate(file) : null;
        var generator = new SyntheticReports(seed: 7);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var bodies = Enumerable.Range(0, settings.Reports).Select(_ => generator.Next(form, today).ToJsonString()).ToArray();

        var latencies = new ConcurrentBag<double>();
        var receipts = new ConcurrentQueue<string>();
        var failures = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, Options(cancellationToken), async (body, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await SubmitAsync(http, body, ct);
            if (outcome.Receipt is { } receipt)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                receipts.Enqueue(receipt);
                if (receiptsFile is not null)
                {
                    lock (receiptsFile)
                    {
                        receiptsFile.WriteLine(receipt);
                    }
                }
            }
            else
            {
                failures.AddOrUpdate(outcome.Failure!, 1, (_, n) => n + 1);

                // As a person would, this submitter waits a moment before the next report instead of hammering a
                // host that is down.
                await Task.Delay(FailurePause, ct);
            }
        });
        var submitSeconds = clock.Elapsed.TotalSeconds;
        var rate = receipts.Count / submitSeconds;
        receiptsFile?.Dispose();

        var (pending, lost) = await WaitForReviewAsync(http, receipts.ToArray(), clock, cancellationToken);
        var sorted = latencies.Order().ToArray();

        output.WriteLine($"reports      {settings.Reports} at concurrency {settings.Concurrency}: {receipts.Count} accepted, {settings.Reports - receipts.Count} failed {Describe(failures)}");
        output.WriteLine($"accepted/s   {rate:F1}");
        output.WriteLine($"latency      p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted.LastOrDefault():F1} ms (of the accepted)");
        output.WriteLine(pending + lost == 0
            ? $"in review    all {receipts.Count} after {clock.Elapsed.TotalSeconds:F1} s from the first submission"
            : $"in review    {receipts.Count - pending - lost} of {receipts.Count}; {lost} lost (receipt leads nowhere), {pending} not in review after {settings.Timeout.TotalSeconds:F0} s");
        if (baselineRate is { } bare)
        {
            output.WriteLine($"baseline     {bare:F1} reports/s of bare storage work (1 entity upsert + 1 queue message) at concurrency {settings.Concurrency}");
            output.WriteLine($"share        {100 * rate / bare:F1} % of the bare storage rate");
        }

        return receipts.Count == settings.Reports && pending + lost == 0 ? 0 : 1;
    }

    /// <summary>One submission: its receipt, or what went wrong (the status code, the transport error or "timeout").</summary>
    private static async Task<(string? Receipt, string? Failure)> SubmitAsync(HttpClient http, string body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("api/reports", content, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return (null, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return (accepted.GetProperty("receipt").GetString(), null);
        }
        catch (HttpRequestException e)
        {
            return (null, e.HttpRequestError.ToString());
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return (null, "202 without a readable receipt");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "timeout");
        }
    }

    /// <summary>The receipts file, readable by its owner only: receipts are secrets (these are synthetic reports).</summary>
    private static StreamWriter CreatePrivate(FileInfo file)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // Flushed line by line, so a watcher sees progress and a stopped run keeps what it got.
        return new StreamWriter(new FileStream(file.FullName, options)) { AutoFlush = true };
    }

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };

    /// <summary>
    /// Follows the receipts in submission order, one request at a time, waiting at the first report not yet in
    /// review: the queue is roughly first in, first out, so this costs about one lookup per report and does
    /// not slow down the scan it is waiting for. A lookup that fails (host or storage down) is tried again. A
    /// receipt that leads nowhere (404) is lost: its report was stored before the 202, and storage no longer has it.
    /// </summary>
    private async Task<(int Pending, int Lost)> WaitForReviewAsync(HttpClient http, string[] receipts, Stopwatch clock, CancellationToken cancellationToken)
    {
        var deadline = clock.Elapsed + settings.Timeout;
        var next = 0;
        var lost = 0;
        while (next < receipts.Length && clock.Elapsed < deadline)
        {
            var status = await StatusAsync(http, receipts[next], cancellationToken);
            if (status is NotFound)
            {
                lost++;
                next++;
            }
            else if (status is not null && Reviewed.Contains(status))
            {
                next++;
            }
            else
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        return (receipts.Length - next, lost);
    }

    /// <summary>The report's status, <see cref="NotFound"/>, or null when the lookup failed.</summary>
    private static async Task<string?> StatusAsync(HttpClient http, string receipt, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/receipts/status", new { receipt }, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return NotFound;
            }

            return response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("status").GetString()
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException
                                  || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
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
