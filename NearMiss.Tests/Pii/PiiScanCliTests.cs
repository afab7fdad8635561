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
}
