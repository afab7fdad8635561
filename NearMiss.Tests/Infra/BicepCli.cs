using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Infra;

/// <summary>
/// The Bicep CLI, restored from NuGet by <c>infra/tools/bicep.csproj</c> (the version is read from there), and
/// the template compiled once per test run.
/// </summary>
public static partial class BicepCli
{
    public static string ToolProject => Path.Combine(RepoPaths.Root, "infra", "tools", "bicep.csproj");

    public static string MainTemplate => Path.Combine(RepoPaths.Root, "infra", "bicep", "main.bicep");

    private static readonly Lazy<string> Executable = new(Locate);

    private static readonly Lazy<JsonObject> Compiled = new(Compile);

    /// <summary>The ARM JSON that <c>bicep build main.bicep --stdout</c> prints.</summary>
    public static JsonObject Template => Compiled.Value;

    public static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        TestKind.Require(TestKind.Infra);
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, and no lookups of newer versions: the check stays offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["BICEP_DISABLE_VERSION_CHECK"] = "true";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable.Value}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }

    private static JsonObject Compile()
    {
        var (exitCode, output, errors) = Run("build", MainTemplate, "--stdout");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({exitCode}):\n{errors}");
        }

        return JsonNode.Parse(output)?.AsObject() ?? throw new InvalidOperationException("bicep build printed no JSON");
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("NEARMISS_BICEP") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            throw new PlatformNotSupportedException("infra/tools/bicep.csproj restores the linux-x64 Bicep CLI; elsewhere set NEARMISS_BICEP to a bicep binary.");
        }

        var path = CachedBinary();
        if (!File.Exists(path))
        {
            Restore();
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the Bicep CLI is not at {path} after restoring {ToolProject}");
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static string CachedBinary()
    {
        var version = PinnedVersion().Match(File.ReadAllText(ToolProject));
        if (!version.Success)
        {
            throw new InvalidOperationException($"no pinned Azure.Bicep.CommandLine version in {ToolProject}");
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "azure.bicep.commandline.linux-x64", version.Groups[1].Value, "tools", "bicep");
    }

    private static void Restore()
    {
        var start = new ProcessStartInfo("dotnet", ["restore", ToolProject, "--verbosity", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet restore");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet restore {ToolProject} failed:\n{output.Result}{errors.Result}");
        }
    }

    [GeneratedRegex("""Include="Azure\.Bicep\.CommandLine\.linux-x64"\s+Version="\[([0-9.]+)\]""")]
    private static partial Regex PinnedVersion();
}
