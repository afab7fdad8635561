using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Serve;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Catalog_EqualsTheWorkerSdkGeneratedFunctionsMetadata()
    {
        var expected = GeneratedMetadata().OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

        var actual = FunctionCatalog.Discover().Select(Describe).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Discover_WithAnUnsupportedParameter_FailsNamingTheFunctionAndParameter()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Discover([typeof(UnsupportedFunction)]));

        Assert.Contains("Unsupported", error.Message);
        Assert.Contains("'count'", error.Message);
    }

    [Fact]
    public void Discover_WithRouteValueParameter_AcceptsIt()
    {
        var entry = Assert.Single(FunctionCatalog.Discover([typeof(RouteValueFunction)]));

        Assert.Equal(("items/{id}", TriggerKind.Http), (entry.Route, entry.Trigger));
    }

    /// <summary>One function as both sides describe it; records compare by value, lists by their joined text.</summary>
    private sealed record Described(string Name, string EntryPoint, string Trigger, string? Route, string? Methods, string? QueueName, string? Connection, string? Schedule);

    private static Described Describe(FunctionEntry entry) => new(
        entry.Name,
        entry.EntryPoint,
        entry.Trigger switch
        {
            TriggerKind.Http => "httpTrigger",
            TriggerKind.Queue => "queueTrigger",
            _ => "timerTrigger",
        },
        entry.Route,
        entry.Methods is null ? null : string.Join(',', entry.Methods),
        entry.QueueName,
        entry.Connection,
        entry.Schedule);

    private static IEnumerable<Described> GeneratedMetadata()
    {
        var configuration = typeof(FunctionCatalogTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(RepoPaths.Root, "NearMiss.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build NearMiss.Functions ({configuration}) first.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            var type = trigger.GetProperty("type").GetString()!;
            yield return new Described(
                name,
                function.GetProperty("entryPoint").GetString()!,
                type,
                type == "httpTrigger" ? Text(trigger, "route") ?? name : null,
                trigger.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
                    ? string.Join(',', methods.EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()))
                    : null,
                Text(trigger, "queueName"),
                Text(trigger, "connection"),
                Text(trigger, "schedule"));
        }
    }

    private static string? Text(JsonElement binding, string property) =>
        binding.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed class UnsupportedFunction
    {
        [Function("Unsupported")]
        public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsupported")] HttpRequest request, int count) =>
            new OkResult();
    }

    private sealed class RouteValueFunction
    {
        [Function("RouteValue")]
        public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id}")] HttpRequest request, string id) =>
            new OkObjectResult(id);
    }
}
