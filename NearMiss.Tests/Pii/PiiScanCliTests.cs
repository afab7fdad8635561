using System.Text;
using System.Text.Json;

using NearMiss.Cli.Pii;

namespace NearMiss.Tests.Pii;

public sealed class PiiScanCliTests
{
    [Fact]
    public async Task Scan_WithEmojiBeforeASpan_ReportsCodePointOffsets()
    {
        const string text = "🚓🚓 Call 217-555-0148 now";
        var input = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "r1", text }) + "\n"));
        var output = new MemoryStream();

        var exit = await PiiScan.RunAsync(input, output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        using var line = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal("r1", line.RootElement.GetProperty("id").GetString());
        var span = Assert.Single(line.RootElement.GetProperty("spans").EnumerateArray());
        Assert.Equal(8, span.GetProperty("start").GetInt32());
        Assert.Equal(20, span.GetProperty("end").GetInt32());
        Assert.Equal("PHONE", span.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Scan_WithABadLine_ReportsItAndSkipsIt()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes("not json\n{\"id\":2,\"text\":\"nothing here\"}\n"));
        var output = new MemoryStream();
        var errors = new StringWriter();

        var exit = await PiiScan.RunAsync(input, output, errors, CancellationToken.None);

        Assert.Equal(PiiScan.BadInputExitCode, exit);
        Assert.Contains("line 1", errors.ToString());
        Assert.Equal("{\"id\":2,\"spans\":[]}\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Scan_OnSeveralWorkers_WritesWhatOneWorkerWrites()
    {
        var lines = new StringBuilder();
        for (var k = 0; k < 120; k++)
        {
            lines.Append(k % 17 == 5 ? "not json" : k % 23 == 7 ? "   " : JsonSerializer.Serialize(new { id = k, text = $"Deputy Ray Okafor, badge {4000 + k}, called 555-01{k:00} from Pueblo County on March {1 + k % 28}." }));
            lines.Append('\n');
        }

        async Task<(int Exit, string Output, string Errors)> Run(int workers)
        {
            var output = new MemoryStream();
            var errors = new StringWriter();
            var exit = await PiiScan.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString())), output, errors, CancellationToken.None, workers: workers);
            return (exit, Encoding.UTF8.GetString(output.ToArray()), errors.ToString());
        }

        var one = await Run(1);
        var four = await Run(4);

        Assert.Equal(one, four);
        Assert.Equal(PiiScan.BadInputExitCode, one.Exit);
        Assert.Equal(120 - 7 - 5, one.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("line 6:", one.Errors);
        Assert.Contains("\"id\":119,", one.Output);
    }

    [Fact]
    public async Task Scan_FromAPipeThatGivesSmallReads_WritesWhatOneReadGives()
    {
        // A pipe hands over 64 KB or less per read; lines cross those edges, and blocks are gathered from several reads.
        var lines = new StringBuilder();
        for (var k = 0; k < 1500; k++)
        {
            var text = $"Deputy Ray Okafor, badge {4000 + k}, called 555-01{k % 100:00} from Pueblo County. " + new string('x', k % 700);
            lines.Append(k % 211 == 3 ? "not json" : JsonSerializer.Serialize(new { id = k, text })).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(lines.ToString());
        Assert.True(bytes.Length > 2 * (1 << 18));

        static async Task<(int Exit, string Output, string Errors)> Run(Stream input)
        {
            var output = new MemoryStream();
            var errors = new StringWriter();
            var exit = await PiiScan.RunAsync(input, output, errors, CancellationToken.None, workers: 2);
            return (exit, Encoding.UTF8.GetString(output.ToArray()), errors.ToString());
        }

        var whole = await Run(new MemoryStream(bytes));
        var piped = await Run(new SmallReads(bytes, 65536));
        var trickled = await Run(new SmallReads(bytes, 1000));

        Assert.Equal(whole, piped);
        Assert.Equal(whole, trickled);
        Assert.Equal(1500 - 8, whole.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("line 1270:", whole.Errors);
    }

    /// <summary>A stream that gives at most <c>most</c> bytes per read, as a pipe does.</summary>
    private sealed class SmallReads(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], cancellationToken);
    }

    [Fact]
    public async Task ScanProcess_WithoutOptions_WritesWhatTheParsedCommandWrites()
    {
        // "pii scan" alone starts without the command-line parser; with options it goes through it.
        var input = "{\"id\":1,\"text\":\"Sgt. Dana Whitfield of the Pueblo County Sheriff's Office, cell 719-555-0143.\"}\nnot json\n{\"id\":3,\"text\":\"nothing here\"}\n";

        var bare = await RunCliAsync(input, "pii", "scan");
        var parsed = await RunCliAsync(input, "pii", "scan", "--workers", "1", "--threshold", NearMiss.Core.Pii.LocalPiiDetector.DefaultTaggerThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(parsed, bare);
        Assert.Equal(PiiScan.BadInputExitCode, bare.Exit);
        Assert.Contains("line 2:", bare.Errors);
        Assert.Contains("\"label\":\"PHONE\"", bare.Output);
        Assert.EndsWith("{\"id\":3,\"spans\":[]}\n", bare.Output);
    }

    [Fact]
    public async Task ScanProcess_InNativeCode_WritesWhatTheManagedScanWrites()
    {
        // A Release build on Linux x64 puts the scan compiled ahead of time beside the CLI, and "pii scan" hands over to
        // it (decision 065); NEARMISS_PII_SCAN=managed keeps the scan in the CLI's own process.
        var native = Path.Combine(Path.GetDirectoryName(Browser.SiteProcess.CliAssembly)!, NativePiiScan.Folder, NativePiiScan.FileName);
        if (!Browser.SiteProcess.CliAssembly.Contains("/Release/", StringComparison.Ordinal) || !OperatingSystem.IsLinux()
            || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            return;
        }

        Assert.True(File.Exists(native), $"the Release build did not publish the native scanner at {native}");
        var input = new StringBuilder("not json\n{\"id\":[1,2],\"text\":\"Ofc. Ray Okafor, 555-0143\"}\n{\"text\":7}\n");
        foreach (var file in Directory.GetFiles(Path.Combine(PiiTaggerTests.DataFolder(), "blind"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(line => line.Length > 0))
            {
                using var gold = JsonDocument.Parse(line);
                input.Append(JsonSerializer.Serialize(new { id = gold.RootElement.GetProperty("id").ToString(), text = gold.RootElement.GetProperty("text").GetString() })).Append('\n');
            }
        }

        string[][] commands = [[], ["--no-tagger", "--workers", "1"]];
        foreach (var options in commands)
        {
            var managed = await RunCliAsync(input.ToString(), [NativePiiScan.EnvironmentVariable, "managed"], ["pii", "scan", .. options]);
            var handedOver = await RunCliAsync(input.ToString(), [], ["pii", "scan", .. options]);

            Assert.Equal(managed, handedOver);
            Assert.Equal(PiiScan.BadInputExitCode, managed.Exit);
            Assert.True(managed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 5000);
            Assert.Contains("line 3:", managed.Errors);
        }

        // A bad option is refused by both, with the usage of the program that read it.
        var refused = await RunCliAsync("", [], ["pii", "scan", "--workers", "0"]);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("--workers must be at least 1", refused.Errors);
        Assert.Contains("nearmiss-pii-scan [options]", refused.Output);
    }

    private static Task<(int Exit, string Output, string Errors)> RunCliAsync(string input, params string[] args) =>
        RunCliAsync(input, [], args);

    private static async Task<(int Exit, string Output, string Errors)> RunCliAsync(string input, string[] environment, string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        for (var k = 0; k + 1 < environment.Length; k += 2)
        {
            start.Environment[environment[k]] = environment[k + 1];
        }

        start.ArgumentList.Add(Browser.SiteProcess.CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
