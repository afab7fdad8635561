using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace NearMiss.Core.Storage;

/// <summary>The table and queue clients, built once and shared.</summary>
public sealed class NearMissStore(TableServiceClient tables, QueueServiceClient queues)
{
    public TableServiceClient TableService { get; } = tables;

    public QueueServiceClient QueueService { get; } = queues;

    public TableClient Submissions { get; } = tables.GetTableClient(StorageNames.Tables.Submissions);

    public TableClient Published { get; } = tables.GetTableClient(StorageNames.Tables.Published);

    public TableClient Audit { get; } = tables.GetTableClient(StorageNames.Tables.Audit);

    public TableClient Reviewers { get; } = tables.GetTableClient(StorageNames.Tables.Reviewers);

    public TableClient SignIns { get; } = tables.GetTableClient(StorageNames.Tables.SignIns);

    public TableClient NotificationLog { get; } = tables.GetTableClient(StorageNames.Tables.NotificationLog);

    public TableClient Readers { get; } = tables.GetTableClient(StorageNames.Tables.Readers);

    public TableClient ReaderSignIns { get; } = tables.GetTableClient(StorageNames.Tables.ReaderSignIns);

    public TableClient ReaderDomains { get; } = tables.GetTableClient(StorageNames.Tables.ReaderDomains);

    public TableClient Aggregates { get; } = tables.GetTableClient(StorageNames.Tables.Aggregates);

    public TableClient AggregateEvents { get; } = tables.GetTableClient(StorageNames.Tables.AggregateEvents);

    public TableClient Agencies { get; } = tables.GetTableClient(StorageNames.Tables.Agencies);

    public TableClient ReaderSubscriptions { get; } = tables.GetTableClient(StorageNames.Tables.ReaderSubscriptions);

    public TableClient ReaderDigests { get; } = tables.GetTableClient(StorageNames.Tables.ReaderDigests);

    public TableClient LibraryFeatured { get; } = tables.GetTableClient(StorageNames.Tables.LibraryFeatured);

    public QueueClient PiiScan { get; } = queues.GetQueueClient(StorageNames.Queues.PiiScan);

    public QueueClient Notifications { get; } = queues.GetQueueClient(StorageNames.Queues.Notifications);

    public QueueClient ReporterReplies { get; } = queues.GetQueueClient(StorageNames.Queues.ReporterReplies);

    public QueueClient SignInLinks { get; } = queues.GetQueueClient(StorageNames.Queues.SignInLinks);

    /// <summary>Creates every table and queue (and poison queue) if missing. Called once at start-up.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in StorageNames.Tables.All)
        {
            await TableService.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        foreach (var queue in StorageNames.Queues.All)
        {
            await QueueService.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await QueueService.GetQueueClient(StorageNames.Queues.Poison(queue)).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
