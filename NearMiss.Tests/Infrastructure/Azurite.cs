using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NearMiss.Tests.Infrastructure;

/// <summary>
/// An Azurite process on free loopback ports, from the repository's pinned npm package. In memory unless
/// a location is given (then its data files can be searched after <see cref="DisposeAsync"/>).
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly int[] _ports;
    private readonly string? _location;
    private Process _process;

    private Azurite(Process process, int[] ports, string? location)
    {
        _process = process;
        _ports = ports;
        _location = location;
        var (blobPort, queuePort, tablePort) = (ports[0], ports[1], ports[2]);
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync(string? location = null)
    {
        TestKind.Require(TestKind.Azurite);

        // A free port is free only when asked: another test may take it before Azurite binds it, and then Azurite
        // exits ("EADDRINUSE"). It is started again on fresh ports, up to three times.
        for (var attempt = 1; ; attempt++)
        {
            var ports = new[] { FreePort(), FreePort(), FreePort() };
            try
            {
                return new Azurite(await LaunchAsync(ports, location), ports, location);
            }
            catch (AzuriteExitedException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Stops Azurite: with SIGTERM it saves its data files and exits; with SIGKILL (<paramref name="kill"/>) it
    /// loses what it acknowledged since its last save (it saves every 5 s).
    /// </summary>
    public async Task StopAsync(bool kill = false)
    {
        if (kill)
        {
            _process.Kill();
        }
        else
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
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

    /// <summary>Starts Azurite again on the same ports and location, after <see cref="StopAsync"/>.</summary>
    public async Task RestartAsync()
    {
        _process.Dispose();
        _process = await LaunchAsync(_ports, _location);
    }

    private static async Task<Process> LaunchAsync(int[] ports, string? location)
    {
        var start = new ProcessStartInfo(Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                     "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        // Ready when its three services say they listen: a port that answers may be another process's.
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var listening = 0;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("successfully listening", StringComparison.Ordinal) == true && Interlocked.Increment(ref listening) == ports.Length)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => ready.TrySetException(new AzuriteExitedException(process.ExitCode));
        if (!process.Start())
        {
            throw new InvalidOperationException("Azurite did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Node takes 20 s and more to start on a loaded machine.
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new TimeoutException("Azurite did not say its services listen within 90 s.");
        }
        catch (AzuriteExitedException)
        {
            process.Dispose();
            throw;
        }

        return process;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets Azurite flush its database files before it exits.
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Azurite exited before its services listened (a port taken, or the package not installed: run 'npm ci').</summary>
    private sealed class AzuriteExitedException(int exitCode) : Exception($"Azurite exited with code {exitCode} before it listened. Run 'npm ci' at the repository root if it is not installed.");
}
