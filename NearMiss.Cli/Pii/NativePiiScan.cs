using System.Diagnostics;

namespace NearMiss.Cli.Pii;

/// <summary>
/// <c>pii scan</c> handed over to <c>nearmiss-pii-scan</c>, the same scan compiled ahead of time (decision 065), when a
/// Release build has put it beside this program. It inherits standard input, output and error, and its exit code is
/// the scan's. <c>NEARMISS_PII_SCAN=managed</c> keeps the scan in this process.
/// </summary>
public static class NativePiiScan
{
    public const string Folder = "pii-scan";

    public const string EnvironmentVariable = "NEARMISS_PII_SCAN";

    /// <summary>The native scanner's file name on this system.</summary>
    public static string FileName { get; } = OperatingSystem.IsWindows() ? "nearmiss-pii-scan.exe" : "nearmiss-pii-scan";

    /// <summary>Where a Release build puts the native scanner.</summary>
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, Folder, FileName);

    /// <summary>Runs the scan with <paramref name="options"/> in the native scanner; null when there is none to run.</summary>
    public static int? TryRun(ReadOnlySpan<string> options)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) == "managed" || !File.Exists(Path))
        {
            return null;
        }

        foreach (var option in options)
        {
            if (option is "-h" or "-?" or "--help")
            {
                // Help names this program's command, not the native one.
                return null;
            }
        }

        var start = new ProcessStartInfo(Path) { UseShellExecute = false };
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
