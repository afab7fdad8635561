using System.Security.Cryptography;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using NearMiss.Core;
using NearMiss.Core.Storage;

namespace NearMiss.Tests.Infrastructure;

/// <summary>
/// One Azurite for all storage tests of a run: the one <c>test.sh</c> started (<c>NEARMISS_TEST_STORAGE</c>),
/// or one of its own. Tests in the collection run one after another and start from empty queues.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _owned;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        TestKind.Require(TestKind.Azurite);
        var given = Environment.GetEnvironmentVariable("NEARMISS_TEST_STORAGE");
        if (string.IsNullOrEmpty(given))
        {
            _owned = await Azurite.StartAsync();
            given = _owned.ConnectionString;
        }

        ConnectionString = given;
        await using var services = CreateServices();
        await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }

    /// <summary>Core wired to this Azurite with fresh test keys, as the hosts wire it.</summary>
    public ServiceProvider CreateServices(Action<IServiceCollection>? configure = null, ILoggerProvider? logs = null) =>
        TestServices.Create(ConnectionString, configure, logs);

    /// <summary>Empties every queue, so a test sees only its own messages.</summary>
    public async Task ClearQueuesAsync()
    {
        await using var services = CreateServices();
        var store = services.GetRequiredService<NearMissStore>();
        foreach (var queue in StorageNames.Queues.All)
        {
            await store.QueueService.GetQueueClient(queue).ClearMessagesAsync();
            await store.QueueService.GetQueueClient(StorageNames.Queues.Poison(queue)).ClearMessagesAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}

public static class TestServices
{
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["NearMissStorage"] = connectionString,
        ["NearMiss:Keys:Sealing"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["NearMiss:Keys:Receipt"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["NearMiss:Keys:Signing"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        // A one-second batch window: what waits for the window's end waits a second or two.
        ["NearMiss:Privacy:BatchInterval"] = "00:00:01",
    };

    public static ServiceProvider Create(string connectionString, Action<IServiceCollection>? configure = null, ILoggerProvider? logs = null) =>
        Create(Settings(connectionString), configure, logs);

    public static ServiceProvider Create(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(builder =>
        {
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        services.AddNearMissCore(configuration);
        services.RemoveAll<IHostedService>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static void RemoveAll<T>(this IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T)).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
