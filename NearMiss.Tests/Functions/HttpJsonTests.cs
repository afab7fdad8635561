using System.Text.Encodings.Web;
using System.Text.Json;

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using NearMiss.Functions.Http;

namespace NearMiss.Tests.Functions;

/// <summary>The JSON both hosts write for an <c>IActionResult</c> (the Functions worker and <c>nearmiss serve</c> call the same registration).</summary>
public sealed class HttpJsonTests
{
    [Fact]
    public void BothHosts_WriteJsonWithMarkupEscaped()
    {
        using var services = new ServiceCollection().AddNearMissHttpJson().BuildServiceProvider();

        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;

        Assert.Same(JavaScriptEncoder.Default, json.Encoder);
        Assert.Equal("""{"title":"\u003Cscript\u003E"}""", JsonSerializer.Serialize(new { Title = "<script>" }, json));
    }
}
