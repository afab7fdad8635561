using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using NearMiss.Cli.Timing;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Serve;

/// <summary><c>nearmiss timing</c> against <c>nearmiss serve</c> on Kestrel and Azurite.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class TimingCommandTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _url = $"http://127.0.0.1:{FreePort()}";
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("nearmiss-timing-").FullName;
    private WebApplication? _app;

    public Task InitializeAsync() => azurite.ClearQueuesAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_contentRoot, recursive: true);
    }

    private async Task StartAsync(params (string Key, string Value)[] settings)
    {
        var all = TestServices.Settings(azurite.ConnectionString);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        _app = ServeApp.Build(["--urls", _url, "--contentRoot", _contentRoot], b => b.Configuration.AddInMemoryCollection(all));
        await _app.StartAsync();
    }

    [Fact]
    public async Task Timing_PrintsEachKind_AllHeldToTheFloor()
    {
        await StartAsync(("NearMiss:RateLimits:Enabled", "false"));
        var output = new StringWriter();

        var exit = await new TimingRun(new Uri(_url), 2, null, output).RunAsync(CancellationToken.None);

        Assert.Equal(0, exit);
        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, rows.Length);
        Assert.Matches(@"^known receipt\s+200\s+2\s", rows[1]);
        Assert.Matches(@"^unknown receipt\s+404\s+2\s", rows[2]);
        Assert.Matches(@"^malformed receipt\s+404\s+2\s", rows[3]);
        Assert.All(rows[1..], row => Assert.True(Mean(row) >= 300, row));
    }

    [Fact]
    public async Task Timing_AgainstALimitedSite_StopsAndSaysHowToRunIt()
    {
        await StartAsync(("NearMiss:RateLimits:LookupPermits", "2"), ("NearMiss:ResponseFloor:LookupMilliseconds", "0"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new TimingRun(new Uri(_url), 2, null, TextWriter.Null).RunAsync(CancellationToken.None));

        Assert.Contains("NearMiss__RateLimits__Enabled=false", error.Message);
    }

    /// <summary>The mean column: the first figure in milliseconds.</summary>
    private static double Mean(string row) =>
        double.Parse(System.Text.RegularExpressions.Regex.Match(row, @"([\d.]+) ms").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
