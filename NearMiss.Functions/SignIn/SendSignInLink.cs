using NearMiss.Core.SignIn;

namespace NearMiss.Functions.SignIn;

/// <summary>Queue <c>signin-links</c>: e-mails a one-time link when the console's policy admits the address.</summary>
public sealed class SendSignInLink(OneTimeLinks links)
{
    [Function(nameof(SendSignInLink))]
    public Task Run([QueueTrigger(StorageNames.Queues.SignInLinks, Connection = StorageNames.Connection)] string message, CancellationToken cancellationToken) =>
        links.HandleAsync(message, cancellationToken);
}
