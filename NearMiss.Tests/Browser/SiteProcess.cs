using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Browser;

/// <summary>
/// The built <c>nearmiss serve</c> as a child process on a free loopback port, with the repository's
/// <c>web/</c> and a temporary working directory (its dev keys and mail land there). Ready once
/// <c>GET /api/health</c> answers 200; disposing stops it and deletes the directory. Its e-mail is written
/// to <see cref="MailDirectory"/> and its links point at its own address.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(60);
    private readonly ConcurrentQueue<string> _output;
    private Process _process;
    private readonly IReadOnlyDictionary<string, string?> _environment;

    private SiteProcess(
        Process process, ConcurrentQueue<string> output, Uri baseAddress, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        WorkingDirectory = workingDirectory;
        _environment = environment;
    }

    /// <summary>The site's origin, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The process's working directory (holds <c>.nearmiss/</c>).</summary>
    public string WorkingDirectory { get; }

    /// <summary>The e-mail pickup folder: one <c>.eml</c> file per message sent.</summary>
    public string MailDirectory => Path.Combine(WorkingDirectory, "mail");

    /// <summary>Every line the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>The path of the built CLI, in the same configuration as these tests.</summary>
    public static string CliAssembly { get; } = Path.Combine(
        RepoPaths.Root, "NearMiss.Cli", "bin",
        typeof(SiteProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0", "nearmiss.dll");

    public static async Task<SiteProcess> StartAsync(
        string storageConnectionString,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        if (!File.Exists(CliAssembly))
        {
            throw new InvalidOperationException($"The nearmiss CLI is not built at {CliAssembly}; build NearMiss.slnx first.");
        }

        var workingDirectory = Directory.CreateTempSubdirectory("nearmiss-site-").FullName;
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var settings = new Dictionary<string, string?>
        {
            ["NearMissStorage"] = storageConnectionString,
            ["NearMiss__Web__Root"] = RepoPaths.Web,
            ["NearMiss__Email__PickupDirectory"] = Path.Combine(workingDirectory, "mail"),
            ["NearMiss__PublicBaseUrl"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["NearMiss__Privacy__BatchInterval"] = "00:00:01",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = Launch(workingDirectory, settings, baseAddress, output);
        var site = new SiteProcess(process, output, baseAddress, workingDirectory, settings);
        try
        {
            await site.WaitUntilHealthyAsync(cancellationToken);
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }

        return site;
    }

    /// <summary>
    /// Kills the process with SIGKILL, as a crash would (no shutdown: the queue messages it holds stay invisible
    /// until their lease ends), and starts it again on the same address, working directory and settings.
    /// </summary>
    public async Task KillAndRestartAsync(CancellationToken cancellationToken = default)
    {
        _process.Kill();
        await _process.WaitForExitAsync(cancellationToken);
        _process.Dispose();
        _process = Launch(WorkingDirectory, _environment, BaseAddress, _output);
        await WaitUntilHealthyAsync(cancellationToken);
    }

    /// <summary>
    /// Runs another <c>nearmiss</c> verb (e.g. <c>reviewers add EMAIL --stages 1</c>) against the same storage,
    /// keys and settings as the site; fails with its output unless it exits with 0. Returns its standard output.
    /// </summary>
    public async Task<string> RunCliAsync(params string[] args)
    {
        var start = Command(WorkingDirectory, _environment, [CliAssembly, .. args]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("nearmiss did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CliTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nearmiss {string.Join(' ', args)} did not finish within {CliTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"nearmiss {string.Join(' ', args)} exited with {process.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
        }

        return await stdout;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first, so the host stops its queue listeners and timers the way it would in service.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            {
                kill?.WaitForExit();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp directory is cleaned up by the system.
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"nearmiss serve exited with code {_process.ExitCode} before it was healthy:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
            }

            try
            {
                using var response = await http.GetAsync("api/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException(
            $"nearmiss serve did not answer GET /api/health with 200 within {StartTimeout.TotalSeconds} s (last: {last}):{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
    }

    private static Process Launch(string workingDirectory, IReadOnlyDictionary<string, string?> settings, Uri baseAddress, ConcurrentQueue<string> output)
    {
        var start = Command(workingDirectory, settings, CliAssembly, "serve", "--urls", baseAddress.GetLeftPart(UriPartial.Authority));
        var process = Process.Start(start) ?? throw new InvalidOperationException("nearmiss serve did not start.");
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessStartInfo Command(string workingDirectory, IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";

        // A local host creates its own development keys; an environment inherited from the machine must not stop that.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
