using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NearMiss.Core.Library;
using NearMiss.Core.Storage;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Library;
using static Microsoft.Playwright.Assertions;

namespace NearMiss.Tests.Browser;

/// <summary>
/// The installable app in Chromium against the real <c>nearmiss serve</c>: the library passes the browser's
/// installability checks with a worker controlling it, keeps no API answer while a reader reads, and shows the
/// offline page once the network is gone; the report form registers nothing and stores nothing on a plain visit,
/// and a reporter who chooses to install gets the same shell and still keeps nothing after sending.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Kind", "Browser")]
public sealed partial class AppInBrowserTests(AzuriteFixture fixture)
{
    private const float Timeout = 30_000;

    /// <summary>Everything the worker may keep: web/sw.js's SHELL list.</summary>
    private static readonly HashSet<string> Shell =
    [
        "/offline.html", "/site.css", "/favicon.svg", "/manifest.webmanifest",
        "/icons/icon-192.png", "/icons/icon-512.png", "/icons/icon-maskable-192.png", "/icons/icon-maskable-512.png",
    ];

    /// <summary>Every cached request's path, and whether any cached body contains one of the given texts.</summary>
    private const string CacheContents = """
        async (secrets) => {
          const paths = [];
          let leaked = false;
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
              paths.push(new URL(request.url).pathname);
              const body = await (await cache.match(request)).text();
              leaked = leaked || secrets.some((secret) => secret && body.includes(secret));
            }
          }
          return { paths, leaked };
        }
        """;

    /// <summary>Web storage entries, IndexedDB databases, service worker registrations and caches, in that order.</summary>
    private const string StoredElsewhere = """
        async () => [
          localStorage.length + sessionStorage.length,
          (await indexedDB.databases()).length,
          (await navigator.serviceWorker.getRegistrations()).length,
          (await caches.keys()).length,
        ]
        """;

    /// <summary>Waits for the worker to be ready and to control the page (CSP forbids Playwright's waitForFunction here).</summary>
    private const string Controlled = """
        async () => {
          await navigator.serviceWorker.ready;
          for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return navigator.serviceWorker.controller !== null;
        }
        """;

    [Fact]
    public async Task Library_IsInstallable_KeepsNoApiAnswerWhileReading_AndOfflineShowsTheOfflinePage()
    {
        var domain = "pd" + Guid.NewGuid().ToString("N")[..8] + ".example.gov";
        await using (var services = fixture.CreateServices())
        {
            await LibraryFixture.SeedAsync(services.GetRequiredService<NearMissStore>());
            await services.GetRequiredService<ReaderDirectory>().AllowDomainAsync(domain, CancellationToken.None);
        }

        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        var profile = Directory.CreateTempSubdirectory("nearmiss-profile-");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var context = await Chromium.LaunchWithProfileAsync(playwright, profile.FullName, site.BaseAddress);
            context.SetDefaultTimeout(Timeout);
            context.SetDefaultNavigationTimeout(60_000);
            SetDefaultExpectTimeout(Timeout);
            var problems = new List<string>();
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            page.PageError += (_, error) => problems.Add($"script error: {error}");
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"CSP: {message.Text}");
                }
            };

            // A plain visit to the library: the worker installs and takes control of the page.
            await page.GotoAsync("/library/");
            Assert.True(await page.EvaluateAsync<bool>(Controlled), "No service worker controls the library page.");

            // The browser's own verdict: installable, with the manifest parsed without errors.
            var cdp = await context.NewCDPSessionAsync(page);
            var installability = await cdp.SendAsync("Page.getInstallabilityErrors");
            Assert.Equal("[]", installability!.Value.GetProperty("installabilityErrors").GetRawText());
            var manifest = await cdp.SendAsync("Page.getAppManifest");
            Assert.EndsWith("/manifest.webmanifest", manifest!.Value.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Equal("[]", manifest.Value.GetProperty("errors").GetRawText());
            using (var parsed = JsonDocument.Parse(manifest.Value.GetProperty("data").GetString()!))
            {
                Assert.Equal("standalone", parsed.RootElement.GetProperty("display").GetString());
            }

            // A reader signs in and reads a report.
            var reader = "officer@" + domain;
            await page.GetByLabel("Work e-mail address").FillAsync(reader);
            await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
            var link = await Mailbox.WaitForLinkAsync(site.MailDirectory, reader, SignInLink(), TimeSpan.FromSeconds(30));
            var token = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
            page = await context.NewPageAsync(); // the link opens in a new tab, as from a mail client
            page.PageError += (_, error) => problems.Add($"script error: {error}");
            await page.GotoAsync("/library/#token=" + token);
            await Expect(page.GetByText("7 reports")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Second occupant hiding in a bedroom" }).ClickAsync();
            await Expect(page.GetByText("Ask who else is in the house.")).ToBeVisibleAsync();

            // The cache holds the shell and nothing the reader saw or used.
            var cached = await CachedAsync(page, token, "Ask who else is in the house", "bedroom");
            Assert.Contains("/offline.html", cached.Paths);
            Assert.All(cached.Paths, path => Assert.Contains(path, Shell));
            Assert.False(cached.Leaked, "A cached body holds the token or report text.");
            // The reader's session lives in this tab's sessionStorage (a reload keeps it); nothing else is stored.
            Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
            Assert.True(await page.EvaluateAsync<int>("sessionStorage.length") <= 1, "sessionStorage holds more than the session.");
            Assert.DoesNotContain("Ask who else is in the house", await page.EvaluateAsync<string>("JSON.stringify(sessionStorage)"));
            Assert.Equal(0, await page.EvaluateAsync<int>("indexedDB.databases().then((d) => d.length)"));

            // Offline, opening the app shows what needs the network.
            await context.SetOfflineAsync(true);
            await page.GotoAsync("/library/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are offline" })).ToBeVisibleAsync();
            await Expect(page.GetByText("Reporting a close call")).ToBeVisibleAsync();
            await page.GotoAsync("/status.html");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are offline" })).ToBeVisibleAsync();

            Assert.Empty(problems);
            await context.CloseAsync();
        }
        finally
        {
            profile.Delete(recursive: true);
            await using var services = fixture.CreateServices();
            await LibraryFixture.ClearAsync(services.GetRequiredService<NearMissStore>());
        }
    }

    [Fact]
    public async Task FormAndStatusPage_OnAPlainVisit_RegisterNoWorkerAndStoreNothing()
    {
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        context.SetDefaultTimeout(Timeout);
        SetDefaultExpectTimeout(Timeout);
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/", "/status.html", "/" })
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            var stored = string.Join(", ", await page.EvaluateAsync<int[]>(StoredElsewhere));
            Assert.True(stored == "0, 0, 0, 0", $"{path} stored something (web storage, databases, workers, caches): {stored}");
        }

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send report" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Install on this phone" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Form_AfterChoosingToInstall_HasTheShell_SendsOnlyOnline_AndKeepsNothingOfTheReport()
    {
        await fixture.ClearQueuesAsync();
        await using var site = await SiteProcess.StartAsync(fixture.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(60_000);
        SetDefaultExpectTimeout(Timeout);
        var page = await context.NewPageAsync();
        var sentToApi = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/reports", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref sentToApi);
            }
        };

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Install on this phone" }).ClickAsync();
        await Expect(page.Locator("#install-result")).ToContainTextAsync("Ready.");
        Assert.True(await page.EvaluateAsync<bool>(Controlled), "No service worker controls the form after the install choice.");

        // Offline, the form is the offline page: nothing can be written that would wait on the phone.
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are offline" })).ToBeVisibleAsync();
        await context.SetOfflineAsync(false);

        // Online again, the report goes straight to NearMiss.
        const string Narrative = "Installed-app check: a driver reached under the seat while I stood at the rear quarter panel, " +
            "so I stepped back, waited for my backup and approached again once it arrived.";
        await page.GotoAsync("/");
        await page.GetByLabel("When did it happen?").FillAsync(DateTime.UtcNow.AddMonths(-3).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await Question(page, "Time of day").GetByLabel("Night").CheckAsync();
        await page.GetByLabel("Call type").SelectOptionAsync(new SelectOptionValue { Label = "Traffic stop" });
        await Question(page, "Your assignment").GetByLabel("Patrol", new() { Exact = true }).CheckAsync();
        await Question(page, "Contributing factors").GetByLabel("Fatigue").CheckAsync();
        await Question(page, "Outcome").GetByLabel("No injury").CheckAsync();
        await page.GetByLabel("What happened").FillAsync(Narrative);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Expect(page.Locator("#receipt-value")).ToHaveTextAsync(ReceiptPattern());
        var receipt = (await page.Locator("#receipt-value").TextContentAsync() ?? "").Trim();
        await page.GetByLabel("I have saved my receipt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();

        var cached = await CachedAsync(page, receipt, receipt.Replace("-", "", StringComparison.Ordinal), "rear quarter panel");
        Assert.Equal(1, sentToApi);
        Assert.Contains("/offline.html", cached.Paths);
        Assert.All(cached.Paths, path => Assert.Contains(path, Shell));
        Assert.False(cached.Leaked, "A cached body holds the receipt or the report text.");
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("indexedDB.databases().then((d) => d.length)"));
    }

    private static ILocator Question(IPage page, string legend) =>
        page.GetByRole(AriaRole.Group, new() { Name = legend });

    private static async Task<CacheReport> CachedAsync(IPage page, params string[] secrets)
    {
        var result = await page.EvaluateAsync<JsonElement>(CacheContents, secrets);
        return new CacheReport(
            [.. result.GetProperty("paths").EnumerateArray().Select(path => path.GetString()!)],
            result.GetProperty("leaked").GetBoolean());
    }

    private sealed record CacheReport(IReadOnlyList<string> Paths, bool Leaked);

    [GeneratedRegex(@"/library/#token=[A-Za-z0-9_-]{43}")]
    private static partial Regex SignInLink();

    [GeneratedRegex("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){5}$")]
    private static partial Regex ReceiptPattern();
}
