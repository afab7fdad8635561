using Microsoft.Playwright;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download is never used (no network on
/// the build machines); a missing Chromium fails the test with the command that installs it.
/// </summary>
public static class Chromium
{
    /// <summary>The browser binary: <c>NEARMISS_CHROMIUM</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("NEARMISS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        EnsureInstalled();
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// A browser with an ordinary profile in <paramref name="userDataDirectory"/>, as a phone's browser has: unlike
    /// <see cref="LaunchAsync"/>'s contexts it is not off the record, so it can judge a site installable.
    /// </summary>
    public static Task<IBrowserContext> LaunchWithProfileAsync(IPlaywright playwright, string userDataDirectory, Uri baseAddress)
    {
        EnsureInstalled();
        return playwright.Chromium.LaunchPersistentContextAsync(userDataDirectory, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            Timeout = 60_000,
            BaseURL = baseAddress.ToString(),
        });
    }

    private static void EnsureInstalled()
    {
        TestKind.Require(TestKind.Browser);
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. Install it with 'apt-get install -y chromium' " +
                "(./test.sh does this) or point NEARMISS_CHROMIUM at a Chromium binary.");
        }
    }
}
