using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using NearMiss.Core.Intake;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Core.Security;
using NearMiss.Core.Storage;
using NearMiss.Functions;
using NearMiss.Functions.Health;
using NearMiss.Functions.Intake;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;
using static NearMiss.Tests.Functions.FunctionRequests;

namespace NearMiss.Tests.Functions;

/// <summary>The intake function classes invoked as the host invokes them, against Azurite.</summary>
[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class IntakeFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ServiceProvider _services = azurite.CreateServices();

    private NearMissStore Store => _services.GetRequiredService<NearMissStore>();

    private T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    public Task InitializeAsync() => azurite.ClearQueuesAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<string> SubmitAsync(JsonNode body)
    {
        var (status, value) = Unpack(await Function<ReporterEndpoints>().Submit(Json(body), CancellationToken.None));
        Assert.Equal(202, status);
        var accepted = Assert.IsType<Accepted>(value);
        Assert.Equal("received", accepted.Status);
        return accepted.Receipt;
    }

    private async Task<(int Status, object? Value)> StatusAsync(string receipt) =>
        Unpack(await Function<ReporterEndpoints>().ReceiptStatus(Json(new JsonObject { ["receipt"] = receipt }), CancellationToken.None));

    /// <summary>The sealed submission, once its batch window (a second in tests) has passed.</summary>
    private async Task<string> ReceiveScanMessageAsync()
    {
        var message = Assert.Single(await QueueWaits.ReceiveAsync(Store.PiiScan, settle: TimeSpan.Zero));
        await Store.PiiScan.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.MessageText;
    }

    private static string ReportIdOf(string scanMessage) => SealedSubmissions.TryParse(scanMessage)!.Id;

    [Fact]
    public void GetForm_ReturnsVersion1InContractShape()
    {
        var (status, value) = Unpack(Function<ReporterEndpoints>().Form(Get(), CancellationToken.None));

        Assert.Equal(200, status);
        var json = JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!;
        Assert.Equal(1, (int)json["version"]!);
        Assert.Equal("month", (string)json["questions"]![0]!["id"]!);
        Assert.Equal(5, (int)json["questions"]!.AsArray().Single(q => (string)q!["id"]! == "factors")!["maxChoices"]!);
        Assert.Equal(50, (int)json["narrative"]!["minLength"]!);
        Assert.Equal(3000, (int)json["lessonsLearned"]!["maxLength"]!);
    }

    [Fact]
    public async Task Submit_ValidReport_QueuesItSealedAndStoresNothing_ThenTheScanStoresTheSealedOriginal()
    {
        var receipt = await SubmitAsync(Reports.Valid());
        Assert.Empty((await Store.PiiScan.PeekMessagesAsync(32)).Value);

        var message = await ReceiveScanMessageAsync();
        var reportId = ReportIdOf(message);
        Assert.Matches("^[0-9a-f]{32}$", reportId);
        foreach (var secret in new[] { "dark two-lane road", "traffic-stop", "situational-awareness", receipt.Replace("-", "") })
        {
            Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
        }

        Assert.False((await Store.Submissions.GetEntityIfExistsAsync<SubmissionEntity>(reportId, SubmissionEntity.Row)).HasValue);
        await Function<Queues>().ScanReport(message, CancellationToken.None);
        var entity = (await Store.Submissions.GetEntityAsync<TableEntity>(reportId, SubmissionEntity.Row)).Value;
        var stored = JsonSerializer.Serialize(entity.ToDictionary(p => p.Key, p => p.Value is byte[] b ? Convert.ToBase64String(b) : p.Value?.ToString()));
        Assert.DoesNotContain("dark two-lane road", stored);
        Assert.DoesNotContain(receipt.Replace("-", ""), stored);
        Assert.NotEmpty(entity.GetBinary("SealedText"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", entity.GetString("ReceivedOn"));
        Assert.Contains("traffic-stop", entity.GetString("Answers"));
    }

    [Fact]
    public async Task Submit_ThenScan_OpensCaseInStage1AndStatusIsInReview()
    {
        var receipt = await SubmitAsync(Reports.Valid("Ofc. Dan Ruiz called me at 217-555-0148 about the stop at 0312 hrs. " + Reports.Narrative));
        Assert.Equal("received", ((ReceiptStatus)(await StatusAsync(receipt)).Value!).Status);
        var message = await ReceiveScanMessageAsync();
        var reportId = ReportIdOf(message);

        await Function<Queues>().ScanReport(message, CancellationToken.None);

        var reviewCase = (await Store.Submissions.GetEntityAsync<CaseEntity>(reportId, CaseEntity.Row)).Value;
        Assert.Equal(1, reviewCase.Stage);
        Assert.Equal("in-review", reviewCase.Status);
        var findings = JsonSerializer.Deserialize<List<Finding>>(reviewCase.Findings)!;
        Assert.Contains(findings, f => f is { Field: "narrative", Label: "PHONE" });
        Assert.DoesNotContain("555", reviewCase.Findings);
        var (status, value) = await StatusAsync(receipt);
        Assert.Equal(200, status);
        Assert.Equal("in-review", ((ReceiptStatus)value!).Status);
        var notification = Assert.Single(await QueueWaits.ReceiveAsync(Store.Notifications));
        Assert.Contains(reportId, notification.MessageText);
        Assert.DoesNotContain("Ruiz", notification.MessageText);
    }

    [Fact]
    public async Task Scan_SameMessageTwice_CreatesOneCaseAndOneNotification()
    {
        await SubmitAsync(Reports.Valid());
        var message = await ReceiveScanMessageAsync();
        var reportId = ReportIdOf(message);

        await Function<Queues>().ScanReport(message, CancellationToken.None);
        var first = (await Store.Submissions.GetEntityAsync<CaseEntity>(reportId, CaseEntity.Row)).Value;
        await Function<Queues>().ScanReport(message, CancellationToken.None);
        var second = (await Store.Submissions.GetEntityAsync<CaseEntity>(reportId, CaseEntity.Row)).Value;

        Assert.Equal(first.ETag, second.ETag);
        Assert.Single(await QueueWaits.ReceiveAsync(Store.Notifications));
    }

    [Fact]
    public async Task Scan_MessageThatIsNotAReportId_IsIgnored()
    {
        await Function<Queues>().ScanReport("<script>alert(1)</script>", CancellationToken.None);
        await Function<Queues>().ScanReport(new string('a', 32), CancellationToken.None);

        Assert.Empty(await QueueWaits.ReceiveAsync(Store.Notifications, expected: 0));
    }

    [Fact]
    public async Task Scan_WhenSealedTextIsCorrupt_ThrowsAndLeavesTheSubmission()
    {
        var (_, reportId) = await Reports.StoreAsync(_services, Reports.Valid());
        var entity = (await Store.Submissions.GetEntityAsync<SubmissionEntity>(reportId, SubmissionEntity.Row)).Value;
        entity.SealedText![^1] ^= 1;
        await Store.Submissions.UpdateEntityAsync(entity, entity.ETag);

        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => Function<Queues>().ScanReport(reportId, CancellationToken.None));

        Assert.True((await Store.Submissions.GetEntityIfExistsAsync<SubmissionEntity>(reportId, SubmissionEntity.Row)).HasValue);
        Assert.False((await Store.Submissions.GetEntityIfExistsAsync<CaseEntity>(reportId, CaseEntity.Row)).HasValue);
    }

    [Fact]
    public async Task Submit_InvalidReport_Returns400WithEveryFieldAndStoresNothing()
    {
        var body = Reports.Valid();
        body["answers"]!["callType"] = "nope";
        body["narrative"] = "short";

        var (status, value) = Unpack(await Function<ReporterEndpoints>().Submit(Json(body), CancellationToken.None));

        Assert.Equal(400, status);
        var problem = Assert.IsType<ValidationProblemDetails>(value);
        Assert.Contains("answers.callType", problem.Errors.Keys);
        Assert.Contains("narrative", problem.Errors.Keys);
        Assert.Empty((await Store.PiiScan.PeekMessagesAsync(32)).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    public async Task Submit_MalformedBody_Returns400(string body)
    {
        var (status, value) = Unpack(await Function<ReporterEndpoints>().Submit(Raw(body), CancellationToken.None));

        Assert.Equal(400, status);
        Assert.NotEmpty(Assert.IsType<ValidationProblemDetails>(value).Errors);
    }

    [Fact]
    public async Task Submit_InvalidUtf8_Returns400()
    {
        var (status, _) = Unpack(await Function<ReporterEndpoints>().Submit(Bytes([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]), CancellationToken.None));

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Submit_DeeplyNestedJson_Returns400()
    {
        var body = new string('[', 5000) + new string(']', 5000);

        var (status, _) = Unpack(await Function<ReporterEndpoints>().Submit(Raw(body), CancellationToken.None));

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Submit_BodyOverTheLimit_Returns413()
    {
        var body = Reports.Valid(new string('a', 70_000));

        var (status, _) = Unpack(await Function<ReporterEndpoints>().Submit(Json(body), CancellationToken.None));

        Assert.Equal(413, status);
        Assert.Empty((await Store.PiiScan.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Submit_BodyOverTheLimitWithoutContentLength_Returns413()
    {
        var request = Json(Reports.Valid(new string('a', 70_000)));
        request.ContentLength = null;

        var (status, _) = Unpack(await Function<ReporterEndpoints>().Submit(request, CancellationToken.None));

        Assert.Equal(413, status);
    }

    [Fact]
    public async Task Status_ReceiptIssuedButNotStoredYet_IsReceived_AndATypoIsNot()
    {
        var receipt = await SubmitAsync(Reports.Valid());
        var typo = receipt[..^1] + (receipt[^1] == 'A' ? 'B' : 'A');

        Assert.Equal("received", ((ReceiptStatus)(await StatusAsync(receipt)).Value!).Status);
        Assert.Equal(404, (await StatusAsync(typo)).Status);
        Assert.Equal(404, (await StatusAsync(Receipts.NewReceipt())).Status);
    }

    [Theory]
    [InlineData("{\"receipt\":\"ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2\"}", 404)]
    [InlineData("{\"receipt\":\"hello\"}", 404)]
    [InlineData("{\"receipt\":42}", 400)]
    [InlineData("{}", 400)]
    [InlineData("[]", 400)]
    public async Task Status_UnknownOrMalformedReceipt_Returns404Or400(string body, int expected)
    {
        var (status, _) = Unpack(await Function<ReporterEndpoints>().ReceiptStatus(Raw(body), CancellationToken.None));

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Health_WhenStorageAnswers_Returns200()
    {
        var (status, _) = Unpack(await Function<Health>().Run(Get(), CancellationToken.None));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Health_WhenStorageIsDown_Returns503()
    {
        await using var services = TestServices.Create("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;");

        var (status, _) = Unpack(await ActivatorUtilities.CreateInstance<Health>(services).Run(Get(), CancellationToken.None));

        Assert.Equal(503, status);
    }
}
