using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Storage;
using NearMiss.Functions;

namespace NearMiss.Tests.Infrastructure;

/// <summary>The queue of sign-in requests (<c>signin-links</c>), worked by its function as the host would.</summary>
public static class SignInQueue
{
    /// <summary>Empties the queue, so that a test handles only its own requests.</summary>
    public static async Task ClearAsync(IServiceProvider services) =>
        await services.GetRequiredService<NearMissStore>().SignInLinks.ClearMessagesAsync();

    /// <summary>Runs <see cref="Queues.SendSignInLink"/> on every waiting request and deletes it; the number handled.</summary>
    public static async Task<int> DrainAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<NearMissStore>().SignInLinks;
        var function = ActivatorUtilities.CreateInstance<Queues>(services);
        var handled = 0;
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                await function.SendSignInLink(message.MessageText, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                handled++;
            }
        }

        return handled;
    }
}
