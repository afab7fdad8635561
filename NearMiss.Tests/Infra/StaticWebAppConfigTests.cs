using System.Text.Json;
using NearMiss.Functions.Http;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Infra;

/// <summary>In Azure the pages come from the Static Web App: its configuration sends the same headers as <c>nearmiss serve</c>.</summary>
public sealed class StaticWebAppConfigTests
{
    [Fact]
    public void GlobalHeaders_AreTheSecurityHeadersOfServe()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Web, "staticwebapp.config.json")));
        var headers = config.RootElement.GetProperty("globalHeaders").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Content-Security-Policy"] = SecurityHeaders.ContentSecurityPolicy,
                ["Referrer-Policy"] = SecurityHeaders.ReferrerPolicy,
                ["X-Content-Type-Options"] = SecurityHeaders.ContentTypeOptions,
                ["Cache-Control"] = SecurityHeaders.NoStore,
            },
            headers);
    }
}
