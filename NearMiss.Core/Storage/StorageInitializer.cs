using Microsoft.Extensions.Hosting;

namespace NearMiss.Core.Storage;

/// <summary>Creates the tables and queues when the host starts, never on a request.</summary>
public sealed class StorageInitializer(NearMissStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
