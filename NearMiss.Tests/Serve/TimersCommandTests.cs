using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using NearMiss.Cli.Admin;
using NearMiss.Core.Notifications;
using NearMiss.Core.Storage;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Serve;

/// <summary><c>nearmiss timers run NAME</c>.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class TimersCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_ForgetSentNotifications_DeletesSentBookkeepingOlderThanAnHour()
    {
        var key = NotificationQueue.LogKey(Guid.NewGuid().ToString("N") + ":scan");
        await using (var now = azurite.CreateServices())
        {
            await now.GetRequiredService<NearMissStore>().NotificationLog.AddEntityAsync(
                new NotificationLogEntity { PartitionKey = key, Status = NotificationLogEntity.Sent, ClaimedOn = DateTimeOffset.UtcNow });
        }

        await using var later = azurite.CreateServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2))));
        var output = new StringWriter();
        var exit = await TimersCommand.RunAsync("ForgetSentNotifications", later, output, TextWriter.Null, CancellationToken.None);

        Assert.Equal((0, "ran ForgetSentNotifications"), (exit, output.ToString().Trim()));
        Assert.False((await later.GetRequiredService<NearMissStore>().NotificationLog.GetEntityIfExistsAsync<NotificationLogEntity>(key, NotificationLogEntity.Row)).HasValue);
    }

    [Fact]
    public async Task Run_UnknownName_Exits2AndListsTheTimers()
    {
        await using var services = azurite.CreateServices();
        var error = new StringWriter();

        var exit = await TimersCommand.RunAsync("NoSuchTimer", services, TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("PurgeExpired", error.ToString());
    }
}
