using System.Text.Json;

using Azure.Data.Tables;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Pii;
using NearMiss.Core.Storage;
using NearMiss.Functions.Pii;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Pii;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class PreviewPiiTests(AzuriteFixture azurite)
{
    private const string Narrative = "Ofc. Priya Natarajan and I met the caller at 1423 Elm St.";

    [Fact]
    public async Task Preview_WithNarrative_ReturnsSpansAndStoresAndLogsNothing()
    {
        await azurite.ClearQueuesAsync();
        using var logs = new CapturedLogs();
        await using var services = azurite.CreateServices(logs: logs);
        var store = services.GetRequiredService<NearMissStore>();
        var rowsBefore = await CountRowsAsync(store.Submissions);
        var function = ActivatorUtilities.CreateInstance<PreviewPii>(services);
        var context = JsonRequest(new { narrative = Narrative, lessonsLearned = "Call 217-555-0148 first." });

        var result = await function.Run(context.Request, CancellationToken.None);

        var ok = Assert.IsType<OkObjectResult>(result);
        using var body = JsonDocument.Parse(JsonSerializer.Serialize(ok.Value));
        var narrative = body.RootElement.GetProperty("narrative").EnumerateArray()
            .Select(s => (Narrative[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()], s.GetProperty("label").GetString()))
            .ToList();
        Assert.Equal([("Priya Natarajan", "PERSON"), ("1423 Elm St", "ADDRESS")], narrative);
        Assert.Equal("PHONE", body.RootElement.GetProperty("lessonsLearned")[0].GetProperty("label").GetString());
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.Equal(rowsBefore, await CountRowsAsync(store.Submissions));
        Assert.Empty((await store.PiiScan.PeekMessagesAsync(maxMessages: 32)).Value);
        Assert.Empty((await store.Notifications.PeekMessagesAsync(maxMessages: 32)).Value);
        Assert.DoesNotContain(logs.Lines, line => line.Contains("Natarajan", StringComparison.Ordinal) || line.Contains("Elm St", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_WithNarrativeOverTheLimit_Returns400WithFieldError()
    {
        await using var services = azurite.CreateServices();
        var function = ActivatorUtilities.CreateInstance<PreviewPii>(services);
        var context = JsonRequest(new { narrative = new string('a', PiiPreview.NarrativeMaxLength + 1) });

        var result = await function.Run(context.Request, CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(400, problem.StatusCode);
        var details = Assert.IsType<ValidationProblemDetails>(problem.Value);
        Assert.Contains("narrative", details.Errors.Keys);
    }

    [Fact]
    public async Task Preview_WithNonStringField_Returns400()
    {
        await using var services = azurite.CreateServices();
        var function = ActivatorUtilities.CreateInstance<PreviewPii>(services);
        var context = JsonRequest(new { narrative = 42 });

        var result = await function.Run(context.Request, CancellationToken.None);

        Assert.Equal(400, Assert.IsType<ObjectResult>(result).StatusCode);
    }

    private static DefaultHttpContext JsonRequest(object body)
    {
        var context = new DefaultHttpContext();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context;
    }

    private static async Task<int> CountRowsAsync(TableClient table)
    {
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            rows++;
        }

        return rows;
    }
}
