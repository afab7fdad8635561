using System.Net.Sockets;

using Azure;

namespace NearMiss.Core.Storage;

/// <summary>Tells storage that does not answer (down, restarting, overloaded) from errors in the request or the code.</summary>
public static class StorageFailures
{
    /// <summary>
    /// True for a storage call that got no answer or a server error after the SDK's retries: status 0 (connection
    /// refused or reset, no response), 408, 500, 502, 503, 504, the transport exceptions behind them, and the
    /// <see cref="AggregateException"/> the SDK throws when every retry failed that way. A 404, 409 or 412 is not.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 500 or 502 or 503 or 504,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailableOrTimedOut),
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>Inside the SDK's retry aggregate a cancellation is its network timeout, not the caller's.</summary>
    private static bool IsUnavailableOrTimedOut(Exception exception) => exception is OperationCanceledException || IsUnavailable(exception);
}
