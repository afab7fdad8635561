using NearMiss.Core.Review;

namespace NearMiss.Functions.Intake;

/// <summary>Queue <c>reporter-replies</c>: after its batch window, adds a reporter's sealed answer to the case and tells the reviewers.</summary>
public sealed class ApplyReporterReply(ReporterReplies replies)
{
    [Function(nameof(ApplyReporterReply))]
    public Task Run([QueueTrigger(StorageNames.Queues.ReporterReplies, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        replies.ApplyAsync(message, cancellationToken);
}
