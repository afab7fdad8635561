using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NearMiss.Functions.Http;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Serve;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class ServeErrorTests(AzuriteFixture fixture)
{
    private const string Secret = "Secret-Detail-9157";

    [Fact]
    public async Task Function_ThrowingAnUnhandledException_Returns500ProblemWithoutTheExceptionText()
    {
        await fixture.ClearQueuesAsync();
        var logs = new CapturedLogs();
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var app = ServeApp.Build(
            ["--urls", url, "--environment", "Production"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(TestServices.Settings(fixture.ConnectionString));
                builder.Logging.AddProvider(logs);
            },
            [typeof(ThrowingFunction)]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        using var response = await client.GetAsync("/api/throws");
        var body = await response.Content.ReadAsStringAsync();
        await app.StopAsync();

        Assert.Equal((HttpStatusCode.InternalServerError, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.DoesNotContain(Secret, body);
        Assert.Contains(logs.Lines, line => line.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Function_WhoseStorageDoesNotAnswer_Returns503WithRetryAfter()
    {
        var logs = new CapturedLogs();
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var app = ServeApp.Build(
            ["--urls", url, "--environment", "Production"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(TestServices.Settings(fixture.ConnectionString));
                builder.Logging.AddProvider(logs);
            },
            [typeof(StorageDownFunction)]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        using var response = await client.GetAsync("/api/storage-down");
        var body = await response.Content.ReadAsStringAsync();
        await app.StopAsync();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(TimeSpan.FromSeconds(Problems.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(Secret, body);
        Assert.Contains(logs.Lines, line => line.Contains("answered 503", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithAFunctionItCannotBind_FailsAtStartUp()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServeApp.Build(["--environment", "Production"], configure: null, [typeof(UnbindableFunction)]));

        Assert.Contains("Unbindable", error.Message);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ThrowingFunction
    {
        [Function("Throws")]
        public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throws")] HttpRequest request) =>
            throw new InvalidOperationException(Secret);
    }

    private sealed class StorageDownFunction
    {
        [Function("StorageDown")]
        public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "storage-down")] HttpRequest request) =>
            throw new AggregateException(new Azure.RequestFailedException(0, Secret), new Azure.RequestFailedException(503, Secret));
    }

    private sealed class UnbindableFunction
    {
        [Function("Unbindable")]
        public Task<string> Run([QueueTrigger("anything")] string message) => Task.FromResult(message);
    }
}
