using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using NearMiss.Functions.Http;
using NearMiss.LocalHost;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Serve;

/// <summary>
/// The installable app's files as <c>nearmiss serve</c> sends them: the manifest is JSON of its own type naming
/// 192 and 512 px PNG icons that load, and the worker, offline page and icons come with their types and the same
/// no-store and security headers as every page.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Kind", "Azurite")]
public sealed class AppManifestTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private ServedSite _site = null!;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public async Task InitializeAsync()
    {
        _site = await ServedSite.StartBareAsync(new()
        {
            ["NearMissStorage"] = fixture.ConnectionString,
            [ServeApp.WebRootSetting] = RepoPaths.Web,
        });
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Manifest_IsJsonNamingStandaloneAppWithIconsOf192And512PxThatLoad()
    {
        using var response = await _site.Http.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;

        Assert.Equal(
            ("NearMiss", "standalone", "/library/", "/", "#1d3557"),
            (root.GetProperty("short_name").GetString(), root.GetProperty("display").GetString(), root.GetProperty("start_url").GetString(),
             root.GetProperty("scope").GetString(), root.GetProperty("theme_color").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("name").GetString()));

        var icons = root.GetProperty("icons").EnumerateArray()
            .Select(i => (Src: i.GetProperty("src").GetString()!, Sizes: i.GetProperty("sizes").GetString()!, Type: i.GetProperty("type").GetString(), Purpose: i.GetProperty("purpose").GetString()))
            .ToList();
        Assert.Contains(icons, i => i.Sizes == "192x192" && i.Purpose == "any");
        Assert.Contains(icons, i => i.Sizes == "512x512" && i.Purpose == "any");
        Assert.Contains(icons, i => i.Sizes == "512x512" && i.Purpose == "maskable");
        foreach (var icon in icons)
        {
            Assert.Equal("image/png", icon.Type);
            var side = int.Parse(icon.Sizes.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((icon.Src, side, side), await PngSizeAsync(icon.Src));
        }
    }

    [Theory]
    [InlineData("/sw.js", "text/javascript")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/install.js", "text/javascript")]
    [InlineData("/offline.html", "text/html")]
    [InlineData("/manifest.webmanifest", "application/manifest+json")]
    [InlineData("/icons/icon-192.png", "image/png")]
    [InlineData("/icons/icon.svg", "image/svg+xml")]
    [InlineData("/site.css", "text/css")]
    public async Task AppFiles_AreServedWithTheirTypeNoStoreAndTheSecurityHeaders(string path, string type)
    {
        using var response = await _site.Http.GetAsync(path);

        Assert.Equal(
            (HttpStatusCode.OK, type, "no-store", "nosniff", "no-referrer", SecurityHeaders.ContentSecurityPolicy),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, Header(response, "Cache-Control"),
             Header(response, "X-Content-Type-Options"), Header(response, "Referrer-Policy"), Header(response, "Content-Security-Policy")));
    }

    /// <summary>The icon's path with the width and height from its PNG header, after checking it is a PNG.</summary>
    private async Task<(string Src, int Width, int Height)> PngSizeAsync(string src)
    {
        using var response = await _site.Http.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual(PngSignature) && bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8), $"{src} is not a PNG");
        return (src, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
