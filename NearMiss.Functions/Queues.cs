using NearMiss.Core.Notifications;
using NearMiss.Core.Review;
using NearMiss.Core.SignIn;

namespace NearMiss.Functions;

/// <summary>
/// Every queue of the app and the one Core handler of its messages. A message that fails five times goes to the
/// queue's poison queue, from which <c>nearmiss poison replay QUEUE</c> moves them back.
/// </summary>
public sealed class Queues(CaseOpening opening, ReporterReplies replies, Notifier notifier, OneTimeLinks links)
{
    /// <summary><c>pii-scan</c>: once its batch window has passed, stores the sealed submission and runs the automated PII scan that opens the review case.</summary>
    [Function(nameof(ScanReport))]
    public Task ScanReport([QueueTrigger(StorageNames.Queues.PiiScan, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        opening.HandleAsync(message, cancellationToken);

    /// <summary><c>reporter-replies</c>: after its batch window, adds a reporter's sealed answer to the case and tells the reviewers.</summary>
    [Function(nameof(ApplyReporterReply))]
    public Task ApplyReporterReply([QueueTrigger(StorageNames.Queues.ReporterReplies, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        replies.ApplyAsync(message, cancellationToken);

    /// <summary><c>notifications</c>: e-mails reviewers or staff a link to a case (never its content).</summary>
    [Function(nameof(SendNotification))]
    public Task SendNotification([QueueTrigger(StorageNames.Queues.Notifications, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        notifier.HandleAsync(message, cancellationToken);

    /// <summary><c>signin-links</c>: e-mails a one-time link when the console's policy admits the address.</summary>
    [Function(nameof(SendSignInLink))]
    public Task SendSignInLink([QueueTrigger(StorageNames.Queues.SignInLinks, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        links.HandleAsync(message, cancellationToken);
}
