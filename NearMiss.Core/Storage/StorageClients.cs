using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

using Microsoft.Extensions.Configuration;

namespace NearMiss.Core.Storage;

/// <summary>
/// Builds the Table and Queue service clients from the <c>NearMissStorage</c> setting: a connection
/// string locally, or <c>NearMissStorage__tableServiceUri</c> / <c>__queueServiceUri</c> (and
/// optionally <c>__clientId</c>) with a managed identity in Azure, as the Functions host reads it.
/// </summary>
public static class StorageClients
{
    public static QueueClientOptions QueueOptions => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public static TableServiceClient CreateTableService(IConfiguration configuration)
    {
        var connectionString = configuration[StorageNames.Connection];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new TableServiceClient(connectionString);
        }

        var section = configuration.GetSection(StorageNames.Connection);
        return new TableServiceClient(RequiredUri(section, "tableServiceUri"), Credential(section));
    }

    public static QueueServiceClient CreateQueueService(IConfiguration configuration)
    {
        var connectionString = configuration[StorageNames.Connection];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new QueueServiceClient(connectionString, QueueOptions);
        }

        var section = configuration.GetSection(StorageNames.Connection);
        return new QueueServiceClient(RequiredUri(section, "queueServiceUri"), Credential(section), QueueOptions);
    }

    private static Uri RequiredUri(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage is not configured: set '{StorageNames.Connection}' to a connection string, or '{StorageNames.Connection}__{key}' to the service URI.");

    private static TokenCredential Credential(IConfigurationSection section) =>
        section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
