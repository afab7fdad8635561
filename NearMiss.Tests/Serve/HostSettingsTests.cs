using Microsoft.Extensions.Configuration;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Serve;

public sealed class HostSettingsTests
{
    [Fact]
    public void Load_FunctionsHostJson_ReadsQueueSettingsAndRoutePrefix()
    {
        var settings = HostSettings.Load(Path.Combine(RepoPaths.Root, "NearMiss.Functions", "host.json"));

        Assert.Equal("api", settings.RoutePrefix);
        Assert.Equal(
            new QueueSettings { BatchSize = 8, NewBatchThreshold = 4, MaxDequeueCount = 5, VisibilityTimeout = TimeSpan.FromSeconds(10), MaxPollingInterval = TimeSpan.FromSeconds(2) },
            settings.Queues);
    }

    [Fact]
    public void Load_WithoutAFile_UsesTheHostDefaults()
    {
        var settings = HostSettings.Load(Path.Combine(Path.GetTempPath(), "no-such-dir", "host.json"));

        Assert.Equal(("api", 16, 8, 5, TimeSpan.Zero, TimeSpan.FromMinutes(1)), (
            settings.RoutePrefix, settings.Queues.BatchSize, settings.Queues.NewBatchThreshold, settings.Queues.MaxDequeueCount,
            settings.Queues.VisibilityTimeout, settings.Queues.MaxPollingInterval));
    }

    [Fact]
    public void Load_ProcessingLease_IsTheHostsTenMinutesUnlessServeIsGivenAnother()
    {
        var hostJson = Path.Combine(RepoPaths.Root, "NearMiss.Functions", "host.json");
        var overrides = new ConfigurationBuilder()
            .AddInMemoryCollection([new(HostSettings.ProcessingLeaseSetting, "00:00:30")])
            .Build();

        Assert.Equal(TimeSpan.FromMinutes(10), HostSettings.Load(hostJson).Queues.ProcessingLease);
        Assert.Equal(TimeSpan.FromSeconds(30), HostSettings.Load(hostJson, overrides).Queues.ProcessingLease);
    }

    [Fact]
    public void Load_WithAnAzureFunctionsJobHostSetting_OverridesTheFile()
    {
        var overrides = new ConfigurationBuilder()
            .AddInMemoryCollection([new("AzureFunctionsJobHost:extensions:queues:maxDequeueCount", "2")])
            .Build();

        var settings = HostSettings.Load(Path.Combine(RepoPaths.Root, "NearMiss.Functions", "host.json"), overrides);

        Assert.Equal(2, settings.Queues.MaxDequeueCount);
    }
}
