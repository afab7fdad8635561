using System.Text.Encodings.Web;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

namespace NearMiss.Functions.Http;

/// <summary>How both hosts (the Functions worker and <c>nearmiss serve</c>) write the JSON of an <c>IActionResult</c>.</summary>
public static class HttpJson
{
    /// <summary>
    /// camelCase names, and the default encoder, which writes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes as
    /// <c>\u003C</c> and the like. Without an encoder of its own, MVC writes results with the relaxed one, and report text,
    /// titles and even field names echoed in errors would carry markup such as <c>&lt;script&gt;</c> as it was sent.
    /// </summary>
    public static void Configure(JsonOptions options)
    {
        options.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.JsonSerializerOptions.Encoder = JavaScriptEncoder.Default;
    }

    public static IServiceCollection AddNearMissHttpJson(this IServiceCollection services) => services.Configure<JsonOptions>(Configure);
}
