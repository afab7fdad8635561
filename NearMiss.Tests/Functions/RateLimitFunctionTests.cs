using System.Text;
using System.Text.Json.Nodes;

using Azure.Data.Tables;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Storage;
using NearMiss.Functions.Accounts;
using NearMiss.Functions.Intake;
using NearMiss.Functions.Library;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;

using static NearMiss.Tests.Functions.FunctionRequests;

namespace NearMiss.Tests.Functions;

/// <summary>Per-address rate limits through the function classes, invoked as the host invokes them, against Azurite.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class RateLimitFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Address = "203.0.113.77";
    private const string OtherAddress = "198.51.100.20";
    private readonly CapturedLogs _logs = new();
    private ServiceProvider _services = null!;

    private NearMissStore Store => _services.GetRequiredService<NearMissStore>();

    private T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    public async Task InitializeAsync()
    {
        await azurite.ClearQueuesAsync();
        var settings = TestServices.Settings(azurite.ConnectionString);
        settings["NearMiss:RateLimits:SubmissionPermits"] = "3";
        settings["NearMiss:RateLimits:LookupPermits"] = "2";
        settings["NearMiss:RateLimits:SignInPermits"] = "2";
        settings["NearMiss:ResponseFloor:LookupMilliseconds"] = "0";
        settings["NearMiss:ResponseFloor:SignInMilliseconds"] = "0";
        _services = TestServices.Create(settings, logs: _logs);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<(int Status, object? Value, HttpResponse Response)> SubmitAsync(HttpRequest request)
    {
        var (status, value) = Unpack(await Function<ReporterEndpoints>().Submit(request, CancellationToken.None));
        return (status, value, request.HttpContext.Response);
    }

    [Fact]
    public async Task Submissions_OverTheLimit_Get429WithRetryAfter_WhileAnotherAddressGets202()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(202, (await SubmitAsync(Json(Reports.Valid()).From(Address))).Status);
        }

        var (status, value, response) = await SubmitAsync(Json(Reports.Valid()).From(Address));
        var other = await SubmitAsync(Json(Reports.Valid()).From(OtherAddress));

        Assert.Equal(429, status);
        Assert.Equal("1200", response.Headers.RetryAfter.ToString()); // 3 permits an hour: the next in 20 minutes
        var problem = Assert.IsType<ProblemDetails>(value);
        Assert.Equal(429, problem.Status);
        Assert.Equal("Try again in 20 minutes.", problem.Detail);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Equal(202, other.Status);
    }

    [Fact]
    public async Task RefusedSubmission_WritesNothingToTablesOrQueues()
    {
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync(Json(Reports.Valid()).From(Address));
        }

        var before = await SnapshotAsync();
        var (status, _, _) = await SubmitAsync(Json(Reports.Valid()).From(Address));
        var after = await SnapshotAsync();

        Assert.Equal(429, status);
        Assert.Equal(before, after);
        Assert.Equal(3, (await Store.PiiScan.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task ClientAddress_IsInNoLogLineAndNoTable()
    {
        const string v6 = "2001:db8:77:1::77";
        for (var i = 0; i < 4; i++)
        {
            await SubmitAsync(Json(Reports.Valid()).From(Address));
            await SubmitAsync(Json(Reports.Valid()).From(v6));
        }

        Assert.Contains(_logs.Lines, line => line.Contains("Submission limit", StringComparison.Ordinal));
        foreach (var text in new[] { Address, v6, "2001:db8:77:1::" })
        {
            Assert.DoesNotContain(_logs.Lines, line => line.Contains(text, StringComparison.Ordinal));
            Assert.Empty(await TablesContainingAsync(text));
        }
    }

    [Fact]
    public async Task ReceiptLookups_StatusAndMessagesShareOneBudget()
    {
        var status = await Function<ReporterEndpoints>().ReceiptStatus(Json(new JsonObject { ["receipt"] = "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2" }).From(Address), CancellationToken.None);
        var message = await Function<ReporterEndpoints>().ReceiptMessages(Json(new JsonObject { ["receipt"] = "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2", ["message"] = "hi" }).From(Address), CancellationToken.None);
        var request = Json(new JsonObject { ["receipt"] = "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2" }).From(Address);
        var third = await Function<ReporterEndpoints>().ReceiptStatus(request, CancellationToken.None);

        Assert.Equal(404, Unpack(status).Status);
        Assert.Equal(404, Unpack(message).Status);
        Assert.Equal(429, Unpack(third).Status);
        Assert.Equal("300", request.HttpContext.Response.Headers.RetryAfter.ToString()); // 2 permits in 10 minutes
    }

    [Fact]
    public async Task SignIns_OfReviewersAndReaders_ShareOneBudget()
    {
        var token = new JsonObject { ["token"] = new string('A', 43) };
        var reviewer = await Function<ReviewerAccess>().Session(Json(token).From(Address), CancellationToken.None);
        var reader = await Function<ReaderSessionFunction>().Run(Json(token).From(Address), CancellationToken.None);
        var signIn = await Function<ReviewerAccess>().SignIn(Json(new JsonObject { ["email"] = "someone@example.org" }).From(Address), CancellationToken.None);
        var readerSignIn = await Function<ReaderSignInFunction>().Run(Json(new JsonObject { ["email"] = "someone@example.gov" }).From(OtherAddress), CancellationToken.None);

        Assert.Equal(401, Unpack(reviewer).Status);
        Assert.Equal(401, Unpack(reader).Status);
        Assert.Equal(429, Unpack(signIn).Status);
        Assert.Equal(202, Unpack(readerSignIn).Status);
    }

    [Fact]
    public async Task ForwardedFor_IsIgnoredWithoutTrustedProxies()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(202, (await SubmitAsync(Json(Reports.Valid()).From(Address, $"10.1.2.{i}"))).Status);
        }

        Assert.Equal(429, (await SubmitAsync(Json(Reports.Valid()).From(Address, "10.1.2.200"))).Status);
    }

    [Fact]
    public async Task WithLimitsDisabled_NothingIsRefused()
    {
        var settings = TestServices.Settings(azurite.ConnectionString);
        settings["NearMiss:RateLimits:Enabled"] = "false";
        settings["NearMiss:RateLimits:SubmissionPermits"] = "1";
        await using var services = TestServices.Create(settings);

        for (var i = 0; i < 3; i++)
        {
            var request = Json(Reports.Valid()).From(Address);
            Assert.Equal(202, Unpack(await ActivatorUtilities.CreateInstance<ReporterEndpoints>(services).Submit(request, CancellationToken.None)).Status);
        }
    }

    /// <summary>Entity count of every table and message count of every queue.</summary>
    private async Task<string> SnapshotAsync()
    {
        var counts = new StringBuilder();
        foreach (var table in StorageNames.Tables.All)
        {
            var count = 0;
            await foreach (var _ in Store.TableService.GetTableClient(table).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count++;
            }

            counts.Append($"{table}={count} ");
        }

        foreach (var queue in StorageNames.Queues.All)
        {
            var properties = await Store.QueueService.GetQueueClient(queue).GetPropertiesAsync();
            counts.Append($"{queue}={properties.Value.ApproximateMessagesCount} ");
        }

        return counts.ToString();
    }

    /// <summary>Every table holding an entity with <paramref name="text"/> in any of its properties.</summary>
    private async Task<List<string>> TablesContainingAsync(string text)
    {
        var found = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var table in StorageNames.Tables.All)
        {
            await foreach (var entity in Store.TableService.GetTableClient(table).QueryAsync<TableEntity>())
            {
                if (entity.Any(property => property.Value switch
                    {
                        string s => s.Contains(text, StringComparison.OrdinalIgnoreCase),
                        byte[] b => b.AsSpan().IndexOf(bytes) >= 0,
                        _ => false,
                    }) || entity.PartitionKey.Contains(text, StringComparison.Ordinal) || entity.RowKey.Contains(text, StringComparison.Ordinal))
                {
                    found.Add(table);
                    break;
                }
            }
        }

        return found;
    }
}
