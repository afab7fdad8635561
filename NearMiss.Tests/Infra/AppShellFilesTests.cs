using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Infra;

/// <summary>
/// The installable app's files as committed: the service worker's cache is named for what it keeps, every page
/// links the manifest, and the Static Web App serves the manifest with its type and caches nothing.
/// </summary>
public sealed partial class AppShellFilesTests
{
    private static readonly string Worker = File.ReadAllText(Path.Combine(RepoPaths.Web, "sw.js"));

    [Fact]
    public void ServiceWorkerVersion_IsTheHashOfTheFilesItKeeps()
    {
        var shell = ShellList().Match(Worker);
        Assert.True(shell.Success, "sw.js declares no SHELL list");
        var paths = QuotedPath().Matches(shell.Groups["list"].Value).Select(m => m.Groups["path"].Value).ToList();
        Assert.Contains("/offline.html", paths);

        var expected = ShellVersion(paths);
        var declared = VersionLine().Match(Worker).Groups["version"].Value;

        Assert.True(
            expected == declared,
            $"web/sw.js keeps files that changed: set VERSION to '{expected}' (was '{declared}') so installed apps replace their cache.");
    }

    [Fact]
    public void EveryPage_LinksTheManifestAndTheThemeColour()
    {
        var pages = Directory.GetFiles(RepoPaths.Web, "*.html", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);

        var missing = pages
            .Where(page =>
            {
                var html = File.ReadAllText(page);
                return !html.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">", StringComparison.Ordinal)
                    || !html.Contains("<meta name=\"theme-color\" content=\"#1d3557\">", StringComparison.Ordinal);
            })
            .Select(page => Path.GetRelativePath(RepoPaths.Web, page))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void StaticWebApp_ServesTheManifestAsManifestJson_AndNoRouteLoosensNoStore()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Web, "staticwebapp.config.json")));
        var root = config.RootElement;

        Assert.Equal("application/manifest+json", root.GetProperty("mimeTypes").GetProperty(".webmanifest").GetString());
        var routeHeaders = root.TryGetProperty("routes", out var routes)
            ? routes.EnumerateArray().Where(r => r.TryGetProperty("headers", out _)).Select(r => r.GetProperty("route").GetString()).ToList()
            : [];
        Assert.Empty(routeHeaders);
    }

    /// <summary>The first 12 hex digits of SHA-256 over each kept file's path, a newline and its bytes, in list order.</summary>
    private static string ShellVersion(IEnumerable<string> paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            var file = Path.Combine(RepoPaths.Web, path.TrimStart('/'));
            Assert.True(File.Exists(file), $"sw.js keeps {path}, which is not in web/");
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    [GeneratedRegex(@"const SHELL = \[(?<list>[^\]]*)\];")]
    private static partial Regex ShellList();

    [GeneratedRegex(@"'(?<path>/[^']*)'")]
    private static partial Regex QuotedPath();

    [GeneratedRegex(@"const VERSION = '(?<version>[0-9a-f]{12})';")]
    private static partial Regex VersionLine();
}
