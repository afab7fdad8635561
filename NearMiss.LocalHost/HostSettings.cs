using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NearMiss.LocalHost;

/// <summary>The queue trigger settings of host.json (<c>extensions.queues</c>), with the host's defaults.</summary>
public sealed record QueueSettings
{
    public int BatchSize { get; init; } = 16;

    /// <summary>A new batch is fetched once this many messages or fewer are in flight (host default: half the batch).</summary>
    public int NewBatchThreshold { get; init; } = 8;

    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before its next try.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The first wait on an empty queue; doubled up to <see cref="MaxPollingInterval"/>.</summary>
    public TimeSpan MinPollingInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a fetched message stays invisible while its handler runs: the host's fixed 10 minutes. After a crash
    /// the messages that were in flight come back when it ends. <c>nearmiss serve</c> takes a shorter one from
    /// <see cref="HostSettings.ProcessingLeaseSetting"/> (fault tests); a handler that outlives it may see its message
    /// delivered again, which every handler tolerates.
    /// </summary>
    public TimeSpan ProcessingLease { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The parts of the Functions host.json this host honours: <c>extensions.http.routePrefix</c> and
/// <c>extensions.queues</c>. As on the Functions host, an app setting
/// <c>AzureFunctionsJobHost__extensions__queues__batchSize</c> (and so on) overrides the file.
/// </summary>
public sealed record HostSettings(string RoutePrefix, QueueSettings Queues)
{
    public const string FileName = "host.json";

    /// <summary>Not a host.json setting: <c>nearmiss serve</c>'s <see cref="QueueSettings.ProcessingLease"/> (a TimeSpan).</summary>
    public const string ProcessingLeaseSetting = "NearMiss:Serve:ProcessingLease";
    private const string OverrideSection = "AzureFunctionsJobHost";

    public static HostSettings Load(string path, IConfiguration? overrides = null)
    {
        var values = new ConfigurationBuilder();
        if (File.Exists(path))
        {
            values.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        var file = values.Build();
        string? Get(string key) => overrides?[$"{OverrideSection}:{key}"] ?? file[key];

        var queues = new QueueSettings();
        var batchSize = Int(Get("extensions:queues:batchSize")) ?? queues.BatchSize;
        if (batchSize is < 1 or > 32)
        {
            throw new InvalidOperationException($"host.json extensions.queues.batchSize must be between 1 and 32, not {batchSize}.");
        }

        queues = queues with
        {
            BatchSize = batchSize,
            NewBatchThreshold = Int(Get("extensions:queues:newBatchThreshold")) ?? batchSize / 2,
            MaxDequeueCount = Int(Get("extensions:queues:maxDequeueCount")) ?? queues.MaxDequeueCount,
            VisibilityTimeout = Span(Get("extensions:queues:visibilityTimeout")) ?? queues.VisibilityTimeout,
            MaxPollingInterval = Span(Get("extensions:queues:maxPollingInterval")) ?? queues.MaxPollingInterval,
        };
        if (overrides?[ProcessingLeaseSetting] is { Length: > 0 } lease)
        {
            queues = queues with { ProcessingLease = TimeSpan.Parse(lease, CultureInfo.InvariantCulture) };
        }

        if (queues.MaxPollingInterval < queues.MinPollingInterval)
        {
            queues = queues with { MaxPollingInterval = queues.MinPollingInterval };
        }

        var messageEncoding = Get("extensions:queues:messageEncoding");
        if (messageEncoding is not null && !messageEncoding.Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"host.json extensions.queues.messageEncoding '{messageEncoding}' is not supported by nearmiss serve (only base64).");
        }

        return new HostSettings((Get("extensions:http:routePrefix") ?? "api").Trim('/'), queues);
    }

    /// <summary>host.json next to the running binaries (the CLI links the Functions host.json into its output).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    private static int? Int(string? value) =>
        value is null ? null : int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>A TimeSpan ("00:00:10") or, as the host also accepts for polling, a number of milliseconds.</summary>
    private static TimeSpan? Span(string? value) =>
        value is null ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds) ? TimeSpan.FromMilliseconds(milliseconds)
        : TimeSpan.Parse(value, CultureInfo.InvariantCulture);
}
