using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Abuse;
using NearMiss.Core.Accounts;
using NearMiss.Core.Intake;
using NearMiss.Core.Reports;
using NearMiss.Core.Security;
using NearMiss.Functions;
using NearMiss.Functions.Accounts;
using NearMiss.Functions.Intake;
using NearMiss.Functions.Library;
using NearMiss.Tests.Accounts;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;
using static NearMiss.Tests.Functions.FunctionRequests;

namespace NearMiss.Tests.Functions;

/// <summary>
/// The response floor through the function classes against Azurite: whatever the receipt or the address, the answer
/// comes no earlier than the floor, so its time tells nothing. Asserts minimums only.
/// </summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class ResponseFloorFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan SignInFloor = TimeSpan.FromMilliseconds(400);
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "nearmiss-mail-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    private T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    private TimeSpan LookupFloor => _services.GetRequiredService<ResponseFloor>().Lookup;

    public async Task InitializeAsync()
    {
        await azurite.ClearQueuesAsync();
        var settings = TestServices.Settings(azurite.ConnectionString);
        settings["NearMiss:ResponseFloor:SignInMilliseconds"] = SignInFloor.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["NearMiss:Email:PickupDirectory"] = _mail;
        _services = TestServices.Create(settings);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_mail))
        {
            Directory.Delete(_mail, recursive: true);
        }
    }

    private static async Task<(int Status, TimeSpan Elapsed)> TimeAsync(Func<HttpRequest, CancellationToken, Task<IActionResult>> run, HttpRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await run(request, CancellationToken.None);
        return (Unpack(result).Status, Stopwatch.GetElapsedTime(started));
    }

    private async Task<string> KnownReceiptAsync()
    {
        var (status, value) = Unpack(await Function<ReporterEndpoints>().Submit(Json(Reports.Valid()), CancellationToken.None));
        Assert.Equal(202, status);
        return Assert.IsType<Accepted>(value).Receipt;
    }

    [Fact]
    public async Task ReceiptStatus_KnownUnknownAndMalformed_AllTakeAtLeastTheFloor()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(300), LookupFloor);
        var known = await KnownReceiptAsync();

        var answers = new[]
        {
            await TimeAsync(Function<ReporterEndpoints>().ReceiptStatus, Json(new JsonObject { ["receipt"] = known })),
            await TimeAsync(Function<ReporterEndpoints>().ReceiptStatus, Json(new JsonObject { ["receipt"] = Receipts.NewReceipt() })),
            await TimeAsync(Function<ReporterEndpoints>().ReceiptStatus, Json(new JsonObject { ["receipt"] = "not a receipt" })),
            await TimeAsync(Function<ReporterEndpoints>().ReceiptStatus, Json(new JsonObject { ["receipt"] = 5 })),
            await TimeAsync(Function<ReporterEndpoints>().ReceiptStatus, Raw("{")),
        };

        Assert.Equal([200, 404, 404, 400, 400], answers.Select(a => a.Status));
        Assert.All(answers, a => Assert.True(a.Elapsed >= LookupFloor, $"answered {a.Status} after {a.Elapsed.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task ReceiptMessages_KnownUnknownAndMalformed_AllTakeAtLeastTheFloor()
    {
        // Stored at once (not after the batch window), so that the case exists.
        var (known, id) = await Reports.StoreAsync(_services, Reports.Valid());
        await Function<Queues>().ScanReport(id, CancellationToken.None);
        static JsonObject Reply(string receipt) => new() { ["receipt"] = receipt, ["message"] = "It was a Tuesday." };

        var answers = new[]
        {
            await TimeAsync(Function<ReporterEndpoints>().ReceiptMessages, Json(Reply(known))),
            await TimeAsync(Function<ReporterEndpoints>().ReceiptMessages, Json(Reply(Receipts.NewReceipt()))),
            await TimeAsync(Function<ReporterEndpoints>().ReceiptMessages, Json(Reply("not a receipt"))),
            await TimeAsync(Function<ReporterEndpoints>().ReceiptMessages, Json(new JsonObject { ["receipt"] = known })),
        };

        // A known receipt whose case waits for no answer is 409.
        Assert.Equal([409, 404, 404, 400], answers.Select(a => a.Status));
        Assert.All(answers, a => Assert.True(a.Elapsed >= LookupFloor, $"answered {a.Status} after {a.Elapsed.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task SignInRequests_KnownUnknownAndMalformed_AllTakeAtLeastTheFloor()
    {
        await SignInQueue.ClearAsync(_services);
        var reviewer = await _services.GetRequiredService<ReviewerDirectory>().AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);

        var answers = new[]
        {
            await TimeAsync(Function<ReviewerAccess>().SignIn, Json(new JsonObject { ["email"] = reviewer.Email })),
            await TimeAsync(Function<ReviewerAccess>().SignIn, Json(new JsonObject { ["email"] = ReviewerDirectoryTests.NewAddress() })),
            await TimeAsync(Function<ReviewerAccess>().SignIn, Json(new JsonObject { ["email"] = 5 })),
            await TimeAsync(Function<ReaderSignInFunction>().Run, Json(new JsonObject { ["email"] = ReviewerDirectoryTests.NewAddress() })),
            await TimeAsync(Function<ReaderSignInFunction>().Run, Raw("[]")),
        };

        Assert.Equal([202, 202, 400, 202, 400], answers.Select(a => a.Status));
        Assert.All(answers, a => Assert.True(a.Elapsed >= SignInFloor, $"answered {a.Status} after {a.Elapsed.TotalMilliseconds} ms"));
        Assert.Empty(Directory.Exists(_mail) ? Directory.GetFiles(_mail) : []); // the requests only queue
        Assert.Equal(3, await SignInQueue.DrainAsync(_services));
        Assert.Single(Directory.GetFiles(_mail)); // only the known reviewer was e-mailed a link
    }
}
