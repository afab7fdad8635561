using System.Net.Sockets;

using Azure;

using NearMiss.Core.Storage;

namespace NearMiss.Tests.Storage;

public sealed class StorageFailuresTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(503)]
    public void IsUnavailable_ForNoAnswerOrAServerError_IsTrue(int status) =>
        Assert.True(StorageFailures.IsUnavailable(new RequestFailedException(status, "storage")));

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public void IsUnavailable_ForAnAnswerAboutTheRequest_IsFalse(int status) =>
        Assert.False(StorageFailures.IsUnavailable(new RequestFailedException(status, "storage")));

    [Fact]
    public void IsUnavailable_ForTheSdksRetriesAllFailingWithoutAnAnswer_IsTrue()
    {
        var retries = new AggregateException(
            new RequestFailedException(0, "refused", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))),
            new TaskCanceledException("network timeout"),
            new RequestFailedException(503, "busy"));

        Assert.True(StorageFailures.IsUnavailable(retries));
    }

    [Fact]
    public void IsUnavailable_ForAnAggregateWithAnotherError_IsFalse() =>
        Assert.False(StorageFailures.IsUnavailable(new AggregateException(new RequestFailedException(0, "refused"), new InvalidOperationException())));

    [Fact]
    public void IsUnavailable_ForTransportExceptionsAndNotForBugs()
    {
        Assert.True(StorageFailures.IsUnavailable(new HttpRequestException("reset")));
        Assert.True(StorageFailures.IsUnavailable(new IOException("broken pipe")));
        Assert.False(StorageFailures.IsUnavailable(new InvalidOperationException()));
        Assert.False(StorageFailures.IsUnavailable(new TaskCanceledException()));
    }
}
